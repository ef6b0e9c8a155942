#pragma once
// Contact-driven hands. A keyframe says where a hand touches and how hard; the pose says which
// parts mean to touch (FingerPose::reach, palm_touch) and how far the fingers may curl. From
// those this places the hand on the dented skin:
//  - a hand that works with its finger or thumb pads (palm_touch 0) rises off the skin until
//    those pads, in the pose's own shape, just touch; a cupped one (touch names "heel") then
//    tips about those pads until the heel of the hand meets the skin, so the palm stays hollow;
//  - every finger that would sink in opens just enough to clear the skin;
//  - every finger that means to touch and ends in the air closes, joint by joint within the
//    joint limits and the pose's max_curl, until its pad meets the skin (and no further), so
//    a grip wraps round the calf and a flat stroke lays its fingers on the leg; one whose pad
//    cannot come within a few millimetres of the skin lies on its middle where that meets the
//    skin (curled at most 95 degrees over three joints), else keeps its own shape (not a claw
//    in the air); every stop moves continuously with the skin, so no finger snaps shut or open;
// The hands are fitted one at a time: that they keep clear of each other is the content's
// work (where it puts them), checked with hands_gap by the tests and `--hand-report`. (A
// finger stopped by the other hand's moving fingers changed pose in jumps, so the solver
// does not do it.)
// Plain maths, no GL; the same capsules serve the tests and `--hand-report`.
#include <array>

#include <glm/mat4x4.hpp>
#include <glm/vec3.hpp>

#include "anatomy/leg_surface.hpp"
#include "core/contact.hpp"
#include "technique/skin_side.hpp"
#include "technique/hand_rig.hpp"
#include "technique/pose.hpp"

namespace effleura::technique {

// Flesh as a segment with a radius: each phalanx, and the palm as three side by side.
struct Capsule {
  glm::vec3 a{0.0f};
  glm::vec3 b{0.0f};
  float radius = 0.0f;
};
inline constexpr std::size_t kPalmCapsules = 3;
inline constexpr std::size_t kHandCapsules = kPalmCapsules + kFingerCount * 3;
using HandCapsules = std::array<Capsule, kHandCapsules>;

HandCapsules hand_capsules(const HandShape& shape);
// Surface-to-surface distance of two capsules (negative when they overlap).
float capsule_gap(const Capsule& x, const Capsule& y);
// Least gap between any part of two hands (negative: they overlap by that much).
float hands_gap(const HandCapsules& x, const HandCapsules& y);

// Joint range a solved finger stays within (degrees, + flexion), by finger and joint; a pose
// may state an angle outside it (poses.toml allows -30 to 110), which the solver keeps.
struct JointRange {
  float lo, hi;
};
JointRange joint_range(std::size_t finger, std::size_t joint);

// Places one hand: raises `palm` (its local +Y is the skin normal) where the pose works with
// its pads, then opens or closes each finger of `pose` as described above. `palm` and `pose`
// are updated in place; returns the rise (m).
float fit_hand(const SkinSide& skin, glm::mat4& palm, Hand hand, FingerPose& pose);

// How much `pose`'s thumb grips (0..1): a thumb that means to touch, on a hand whose palm
// rests, opposed across the palm. A gripping thumb is placed on the skin beside the fingers'
// grip (its ball swings back only as far as it must, then its joints close until the pad
// meets the skin) rather than opened off it like a finger; lifted, it relaxes to the pose.
float thumb_grip(const FingerPose& pose);

// A hand fitted at rest keeps its grip when it lifts or taps. Fingers wrapped past the limb's
// widest line would then be pulled through the skin (a lifting hand moves them inward there),
// so each finger of the lifted hand `palm` that sinks into `skin` opens just enough to clear it.
void open_to_clear(const SkinSide& skin, const glm::mat4& palm, Hand hand, FingerPose& pose);

}  // namespace effleura::technique
