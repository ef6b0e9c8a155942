#pragma once
// Walking drawn as a stepping gait: the hip, knee and ankle angles of the massaged (left) leg
// through one stride, on the phase of the flow model's gait cycle (flow/drivers.hpp kGait:
// phase 0 = this leg's heel strike, a stride a second), so the calf is seen pushing off while
// the model's calf pump presses. The other leg is half a stride behind. No GL.
namespace effleura::app {

struct GaitAngles {
  float hip_deg = 0.0f;    // + flexion (thigh forward)
  float knee_deg = 0.0f;   // + flexion (heel toward the buttock)
  float ankle_deg = 0.0f;  // + dorsiflexion, - plantarflexion
};

// The left leg's angles at time t (seconds of walking), on flow::kGait's phase. Sagittal-plane
// angles of level walking at a self-chosen speed, read off the normative curves (Winter 1991,
// The biomechanics and motor control of human gait): hip 30 degrees flexed at heel strike to
// 10 extended late in stance; the knee's ~18 degree loading flexion and ~60 degree swing peak;
// the ankle dorsiflexing through mid-stance while the calf holds the shank and plantarflexing
// ~18 degrees at push-off, as the calf contracts.
[[nodiscard]] GaitAngles gait_angles(double t);
// The other (right) leg: the same half a stride later.
[[nodiscard]] GaitAngles other_leg_gait_angles(double t);

}  // namespace effleura::app
