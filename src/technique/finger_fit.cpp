#include "technique/finger_fit.hpp"

#include <algorithm>

#include "technique/hand_rig.hpp"

namespace effleura::technique {
namespace {

// Each joint opens by its share of the opening, spread over the three so no one joint moves
// fast: the whole finger lifts and a curled tip uncurls.
constexpr float kShare[3] = {0.65f, 0.55f, 0.45f};
constexpr float kMaxOpenDeg = 90.0f;
constexpr float kMinFlexionDeg = -25.0f;  // a finger bends back this far at most

FingerPose opened(const FingerPose& pose, std::size_t finger, float open_deg) {
  FingerPose p = pose;
  for (std::size_t j = 0; j < 3; ++j)
    p.flexion[finger][j] = std::max(pose.flexion[finger][j] - kShare[j] * open_deg,
                                    std::min(pose.flexion[finger][j], kMinFlexionDeg));
  return p;
}

}  // namespace

float finger_clearance(const anatomy::LegSurface& surface, const glm::mat4& palm, const FingerPose& pose, Hand hand,
                       std::size_t finger, float indentation_m) {
  const auto parts = pose_finger(palm, pose, hand, finger);
  float least = 1.0f;
  for (const HandPart& part : parts) {
    // The middle and the far end of the phalanx, each with the flesh around its axis.
    const glm::vec3 start(part.frame[3]);
    for (const glm::vec3& p : {0.5f * (start + part.tip), part.tip}) {
      // Below the leg's surface is the foot, which this does not model; above its top the
      // thigh goes on much as it ends, so the top section stands in (radial_outside clamps).
      if (p.y < surface.min_along()) continue;
      least = std::min(least, surface.radial_outside(p) - part.radius.y + indentation_m);
    }
  }
  return least;
}

void fit_fingers(const anatomy::LegSurface& surface, const glm::mat4& palm, Hand hand, float indentation_m,
                 FingerPose& pose) {
  for (std::size_t f = 0; f < kFingerCount; ++f) {
    if (finger_clearance(surface, palm, pose, hand, f, indentation_m) >= 0.0f) continue;
    // Bisection on the opening: the least that clears, or the most allowed.
    float lo = 0.0f, hi = kMaxOpenDeg;
    if (finger_clearance(surface, palm, opened(pose, f, hi), hand, f, indentation_m) >= 0.0f) {
      for (int i = 0; i < 9; ++i) {
        const float mid = 0.5f * (lo + hi);
        if (finger_clearance(surface, palm, opened(pose, f, mid), hand, f, indentation_m) >= 0.0f) hi = mid;
        else lo = mid;
      }
    }
    pose = opened(pose, f, hi);
  }
}

}  // namespace effleura::technique
