// The palm's arch, solved to the skin under it: one stage of the hand fit (hand_fit.hpp),
// kept apart because it turns the palm's two sides, not the fingers.
#include <algorithm>
#include <initializer_list>
#include <limits>
#include <optional>

#include "core/smooth_step.hpp"
#include "technique/hand_fit_detail.hpp"

namespace effleura::technique::fit_detail {

// The palm's arch (hand_rig.hpp): a palm resting on a round limb touches it along a line and its
// sides stand off it (calf squeezes' lower hand: knuckles 16-31 mm above the calf, the little
// finger's highest), so the fingers fanned as each closed its own way to the skin. Each side
// turns toward the palm, within its range, until its underside or its knuckles meet the skin;
// a side already on it (over a hollow, or a flat surface) stays flat. Weighted by how far the
// palm rests (a cupped hand tips onto its heel instead, a C grip holds its palm off). Not on the
// sole: it is hollow across, and an arched palm there lifted the fingertips off the ball of the
// foot (ankle pumps' sole hand: all four tips within 10 mm at 427 of 1800 moments, was 1800).
constexpr int kArchMarch = 8;
constexpr float kArchHeldOffM = 0.002f;  // palm_gap_m over which a held-off palm stops arching
constexpr float kArchRampM = 0.004f;     // a side this far off the skin while flat arches fully

void arch_palm(const SkinSide& skin, const glm::mat4& palm, Hand hand, FingerPose& pose) {
  const float weight = std::clamp(pose.palm_touch, 0.0f, 1.0f) * (1.0f - std::clamp(pose.heel_touch, 0.0f, 1.0f)) *
                       (1.0f - std::clamp(pose.palm_gap_m / kArchHeldOffM, 0.0f, 1.0f));
  pose.arch_deg = 0.0f;
  pose.radial_arch_deg = 0.0f;
  if (weight <= 0.0f || skin.sole) return;
  const float ulnar_x = (hand == Hand::left ? 1.0f : -1.0f) * 0.8f * build_hand(palm, pose, hand).parts[0].radius.x;
  // The least gap of one side's underside (the two points past the heel of the hand, which does
  // not arch: hand_rig.hpp palm_part_at) and knuckles.
  auto side_gap = [&](const FingerPose& p, float x, std::initializer_list<std::size_t> fingers) {
    const HandShape shape = build_hand(palm, p, hand);
    const HandPart& part = shape.parts[0];
    float least = std::numeric_limits<float>::max();
    for (int k = 1; k <= 2; ++k) {
      const glm::vec3 q = palm_underside(shape, x, part.length * (0.1f + 0.4f * static_cast<float>(k)));
      if (skin.covers(q)) least = std::min(least, skin.outside(q));
    }
    for (std::size_t f : fingers) {
      const HandPart& knuckle = shape.parts[hand_part(f, 0)];
      const glm::vec3 q(knuckle.frame[3]);
      if (skin.covers(q)) least = std::min(least, skin.outside(q) - knuckle.radius.y);
    }
    return least;
  };
  // Ramped on the side's gap while flat (kArchRampM), as a finger closes (kCloseRamp): a side the
  // palm's rise has just put on the skin stays flat, and as that point of the palm changes from
  // one moment to the next the arch does not jump (the lower hand's by 20 degrees in 20 ms).
  auto solve = [&](float most, float FingerPose::*angle, float x, std::initializer_list<std::size_t> fingers) {
    const float flat = side_gap(pose, x, fingers);
    if (flat <= 0.0f) return 0.0f;
    const float ramp = std::clamp(flat / kArchRampM, 0.0f, 1.0f);
    return smooth_step(ramp) * first_touch(0.0f, most, kArchMarch, [&](float a) {
                                                  FingerPose p = pose;
                                                  p.*angle = a;
                                                  return side_gap(p, x, fingers) <= 0.0f;
                                                }).value_or(most);
  };
  const float ulnar = solve(kMaxArchDeg, &FingerPose::arch_deg, ulnar_x, {3, 4});
  const float radial = solve(kMaxRadialArchDeg, &FingerPose::radial_arch_deg, -ulnar_x, {1});
  pose.arch_deg = weight * ulnar;
  pose.radial_arch_deg = weight * radial;
}

}  // namespace effleura::technique::fit_detail
