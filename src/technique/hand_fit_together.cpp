// A grip whose fingers are drawn together (hand_fit.hpp): its four fingers close round the limb
// as one (close_together). Split from hand_fit.cpp, which calls it in fit_hand's step 1.
#include <algorithm>
#include <array>
#include <cstddef>

#include "core/smooth_step.hpp"
#include "technique/hand_fit_detail.hpp"

namespace effleura::technique::fit_detail {
namespace {

// A grip whose fingers are drawn together (spread below 0: wrap-grip) and whose palm rests
// closes its four fingers as one, by a shared share, until the third of them meets the skin
// (the nearer ones, sunk, then open just clear of it in fit_hand's step 2); each then closes
// on its own by at most kSoloShare of what is left of its path. Closed one by one, each to its
// own touch, the fingers of a palm lying across the calf at 45 degrees curled by up to 79
// degrees more or less than their neighbour (the knuckle line crosses the curve) and the lower
// hand's pads fanned up to 54 mm apart (calf squeezes). Stopping at the first finger's touch
// left the far fingers in the air (pads on the skin 0.72 -> 0.48); at the fourth's, the near
// ones could not open clear and sank 17 mm. A finger the shared closing curls past
// kTogetherMostDeg (three joints together) whose pad is still off the skin goes back to that
// curl: curled together, the far fingers that cannot reach the inner side hooked into the air
// at 488 of the right hand's 968 pressing moments. Weighted by how far the spread is below 0
// (kTogetherRampDeg), so a blend into or out of the grip changes gradually.
// (kSoloShare: hand_fit_detail.hpp.)
constexpr float kTogetherRampDeg = 3.0f;
constexpr std::size_t kTogetherLanding = 3;  // the shared closing stops as this many fingers touch
constexpr float kTogetherMostDeg = 95.0f;  // under the 100 degrees at which a finger off the skin reads as a hook

}  // namespace

float together_weight(const FingerPose& pose) {
  return std::clamp(-pose.spread_deg / kTogetherRampDeg, 0.0f, 1.0f) * std::clamp(pose.palm_touch, 0.0f, 1.0f) *
         (1.0f - std::clamp(pose.heel_touch, 0.0f, 1.0f));
}

void close_together(const SkinSide& skin, const glm::mat4& palm, Hand hand, FingerPose& pose) {
  const float weight = together_weight(pose);
  if (weight <= 0.0f) return;
  const FingerPose stated = pose;
  pose = closed_together(skin, palm, hand, pose, weight, kTogetherLanding);
  for (std::size_t f = 1; f < kFingerCount; ++f) {
    if (pose.reach[f] <= 0.0f) continue;
    const std::array<HandPart, 3> parts = pose_finger(palm, pose, hand, f);
    // Ramped on the pad's gap (kReachNearM to kReachFarM), as pad_landing is: going back all at
    // once as the pad passed 3 mm off, calf squeezes' lower middle finger uncurled by 21.7 degrees
    // in 20 ms (session 24).
    const float pad_gap = skin_gap(skin, {parts[2], parts[2], parts[2]});
    const float off = smooth_step(std::clamp((pad_gap - kReachNearM) / (kReachFarM - kReachNearM), 0.0f, 1.0f));
    if (off <= 0.0f) continue;
    float curl = 0.0f, was = 0.0f;
    for (std::size_t j = 0; j < 3; ++j) {
      curl += pose.flexion[f][j];
      was += stated.flexion[f][j];
    }
    if (curl <= kTogetherMostDeg || curl <= was) continue;
    const float back = std::clamp((kTogetherMostDeg - was) / (curl - was), 0.0f, 1.0f);
    const float share = 1.0f - off * (1.0f - back);
    for (std::size_t j = 0; j < 3; ++j)
      pose.flexion[f][j] = stated.flexion[f][j] + share * (pose.flexion[f][j] - stated.flexion[f][j]);
  }
}

}  // namespace effleura::technique::fit_detail
