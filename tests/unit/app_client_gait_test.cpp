// Walking is drawn as a stepping gait on the flow model's phase (app/client_gait.hpp): the calf
// is seen pushing off while the model's calf pump presses (flow/drivers.hpp kGait). Plain maths.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>

#include <glm/vec4.hpp>
#include <glm/mat4x4.hpp>
#include <glm/matrix.hpp>

#include "anatomy/client_pose.hpp"
#include "app/client_gait.hpp"
#include "app/client_stage.hpp"
#include "core/frame.hpp"
#include "flow/drivers.hpp"

using namespace effleura;

TEST_CASE("the drawn ankle and knee follow the flow model's gait phase") {
  const double period = flow::kGait.period_s;
  const double peak = flow::kGait.calf_peak_mmhg;
  constexpr int kSamples = 200;
  double calf_peak_t = 0.0, calf_max = -1.0, dorsi_t = 0.0, dorsi_max = -1e9, knee_max_t = 0.0, knee_max = -1e9;
  for (int i = 0; i < kSamples; ++i) {
    const double t = 3.0 * period + period * i / kSamples;  // a stride well into walking
    const double calf = flow::kGait.at(t).calf;
    const app::GaitAngles a = app::gait_angles(t);
    if (calf > calf_max) { calf_max = calf; calf_peak_t = t; }
    if (a.ankle_deg > dorsi_max) { dorsi_max = a.ankle_deg; dorsi_t = t; }
    if (a.knee_deg > knee_max) { knee_max = a.knee_deg; knee_max_t = t; }
    // While the calf presses hard the leg bears weight: the knee nearly straight.
    if (calf > 0.5 * peak) CHECK(a.knee_deg < 25.0f);
    // Past the pump's peak, while it still presses, the ankle plantarflexes (push-off).
    const double later = t + 0.01 * period;
    if (std::fmod(t, period) > std::fmod(calf_peak_t, period) && calf > 0.2 * peak && flow::kGait.at(later).calf > 0.1 * peak)
      CHECK(app::gait_angles(later).ankle_deg <= a.ankle_deg + 1e-4f);
  }
  // The ankle is most dorsiflexed when the calf presses hardest (the calf holds the shank as the
  // body passes over the foot, then pushes off), within 5 % of a stride.
  CHECK(std::abs(dorsi_t - calf_peak_t) <= 0.05 * period);
  // The knee bends most in swing, when the calf pump rests.
  CHECK(flow::kGait.at(knee_max_t).calf == doctest::Approx(0.0));
  CHECK(knee_max > 50.0f);
  // Heel strike (phase 0): the thigh forward, the knee nearly straight.
  CHECK(app::gait_angles(0.0).hip_deg > 20.0f);
  CHECK(app::gait_angles(0.0).knee_deg < 10.0f);
  // The other leg is half a stride behind.
  CHECK(app::other_leg_gait_angles(0.3).knee_deg == doctest::Approx(app::gait_angles(0.3 + 0.5 * period).knee_deg));
}

TEST_CASE("walking, the client steps on the spot on the gait's phase with a foot on the floor") {
  app::ClientStage stage;
  stage.choose(anatomy::ClientPosture::walking);
  CHECK(app::flow_posture(stage.posture()) == flow::Posture::standing);  // the model's walking is a scenario on standing
  CHECK(anatomy::parse_client_posture("walking") == anatomy::ClientPosture::walking);
  const glm::vec3 right_ankle = anatomy::kRightAnkleCentre;
  CHECK(right_ankle.y == doctest::Approx(frame::kAnkleCentre.y));
  CHECK(right_ankle - anatomy::kRightKneeCentre == frame::kAnkleCentre - frame::kKneeCentre);
  float lowest_swing_foot = 1.0f, highest_swing_foot = 0.0f, arm_reach = 0.0f;
  for (int i = 0; i < 40; ++i) {
    stage.update(1.0 / 40.0, std::nullopt);  // one stride in 40 frames
    const double t = stage.walk_time();
    const anatomy::ClientPose pose = stage.pose();
    CHECK_FALSE(pose.on_table);
    CHECK(pose.knee_flexion_deg == doctest::Approx(app::gait_angles(t).knee_deg));
    CHECK(pose.ankle_deg == doctest::Approx(app::gait_angles(t).ankle_deg));
    CHECK(pose.right_knee_flexion_deg == doctest::Approx(app::other_leg_gait_angles(t).knee_deg));
    CHECK(pose.right_ankle_deg == doctest::Approx(app::other_leg_gait_angles(t).ankle_deg));
    // Each hand (0.775 m up, 0.285 m to its side) swings opposite its own leg: forward (+z in the
    // body frame) while that thigh is behind the other one.
    const glm::mat4 to_body = glm::inverse(pose.body);
    const float legs = app::other_leg_gait_angles(t).hip_deg - app::gait_angles(t).hip_deg;  // + right thigh ahead
    for (float side : {1.0f, -1.0f}) {
      const glm::mat4& arm = side > 0.0f ? pose.left_arm : pose.right_arm;
      const float z = (to_body * arm * glm::vec4(anatomy::kMidlineX + side * 0.285f, 0.775f, 0.0f, 1.0f)).z;
      if (std::abs(legs) > 10.0f) CHECK(z * legs * side > 0.0f);
      arm_reach = std::max(arm_reach, std::abs(z));
    }
    // Drawn ankles (knee bend in the leg frame, then the leg's pose): the lower one on the floor
    // at its standing height, the other lifted.
    const float left = (pose.left_leg * glm::vec4(anatomy::bend_knee(frame::kAnkleCentre, frame::kKneeCentre, pose.knee_flexion_deg), 1.0f)).y;
    const float right = (pose.right_leg * glm::vec4(anatomy::bend_knee(right_ankle, anatomy::kRightKneeCentre, pose.right_knee_flexion_deg), 1.0f)).y;
    CHECK(std::min(left, right) == doctest::Approx(frame::kAnkleCentre.y).epsilon(1e-3));
    const float swing = std::max(left, right);
    lowest_swing_foot = std::min(lowest_swing_foot, swing);
    highest_swing_foot = std::max(highest_swing_foot, swing);
  }
  CHECK(stage.walk_time() == doctest::Approx(flow::kGait.period_s));
  // The swinging foot clears the floor by several centimetres at its highest.
  CHECK(highest_swing_foot - frame::kAnkleCentre.y > 0.05f);
  CHECK(lowest_swing_foot >= frame::kAnkleCentre.y - 1e-4f);
  // The hands swing 10 to 25 cm either way of the thigh (a swing of ~30 degrees in all).
  CHECK(arm_reach > 0.10f);
  CHECK(arm_reach < 0.25f);
}
