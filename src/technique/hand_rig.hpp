#pragma once
// The hand's skeleton: one rigid frame per part (palm, then three per finger, thumb first),
// built from the technique engine's palm frame and finger angles. It is the one definition of
// the skeleton: effleura-forge models and skins assets/hands.glb in these frames at the bind
// pose, and the renderer poses that mesh with the same frames every frame. Plain maths.
//
// Local frame (technique/timeline.hpp HandState): palm surface at the origin, +Y the back of
// the hand, +Z where the fingers point; the right hand's thumb on its -X side. Adult
// proportions (hand length ~0.19 m, palm width ~0.08 m; anthropometric averages, rounded).
#include <array>
#include <cstddef>
#include <string>

#include <glm/mat4x4.hpp>
#include <glm/vec2.hpp>
#include <glm/vec3.hpp>

#include "core/contact.hpp"
#include "technique/pose.hpp"

namespace effleura::technique {

// A part runs from its frame's origin along local +Z for `length`; radius.x (across, local X)
// and radius.y (through, local Y) are the half-widths of the flesh around that axis at its
// start, which the forge models from.
struct HandPart {
  glm::mat4 frame{1.0f};      // rigid (rotation and translation), right-handed for both hands
  float length = 0.0f;
  glm::vec2 radius{0.0f};
  glm::vec3 tip{0.0f};        // far end of the part's axis, in the palm frame's parent space
};

inline constexpr std::size_t kHandParts = 1 + kFingerCount * 3;  // palm, then finger-major phalanges

// Index of finger f's phalanx j (0 nearest the palm; for the thumb 0 is the metacarpal).
constexpr std::size_t hand_part(std::size_t finger, std::size_t joint) { return 1 + finger * 3 + joint; }

struct HandShape {
  std::array<HandPart, kHandParts> parts;
};

// `palm` is HandState::transform. The left hand is the right one mirrored across its own X.
HandShape build_hand(const glm::mat4& palm, const FingerPose& pose, Hand hand);
// One finger's three phalanges exactly as build_hand poses them, without the rest of the hand
// (finger_fit.hpp adjusts one finger at a time).
std::array<HandPart, 3> pose_finger(const glm::mat4& palm, const FingerPose& pose, Hand hand, std::size_t finger);

// The rest pose the hand mesh is modelled and skinned in: every joint straight, the fingers
// fanned 8 degrees apart so that they are modelled separately (at 0 they would touch and the
// mesher would weld them), the thumb not opposed.
FingerPose bind_pose();

// Joint names in assets/hands.glb: "hand.right.palm", "hand.left.index.1" (1 nearest the
// palm, 3 the tip; the thumb's 1 is its metacarpal).
std::string joint_name(Hand hand, std::size_t part);
// "hand.right" or "hand.left": the mesh of that hand.
std::string hand_mesh_name(Hand hand);

}  // namespace effleura::technique
