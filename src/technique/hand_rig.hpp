#pragma once
// The hand's skeleton: one rigid frame per part (palm, then three per finger, thumb first, then
// the palm's two sides that arch), built from the technique engine's palm frame and finger angles. It is the one definition of
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

// The palm, then the fingers' phalanges (finger-major), then the palm's two sides that arch
// (FingerPose::arch_deg): the index's metacarpal (radial) and the ring and little fingers'
// (ulnar), each hinged to the middle of the palm along the line between its metacarpals.
inline constexpr std::size_t kFingerPartsEnd = 1 + kFingerCount * 3;
inline constexpr std::size_t kPalmRadial = kFingerPartsEnd;
inline constexpr std::size_t kPalmUlnar = kFingerPartsEnd + 1;
inline constexpr std::size_t kHandParts = kFingerPartsEnd + 2;

// Index of finger f's phalanx j (0 nearest the palm; for the thumb 0 is the metacarpal).
constexpr std::size_t hand_part(std::size_t finger, std::size_t joint) { return 1 + finger * 3 + joint; }

// The palm's arch, within a real hand's range: the fourth and fifth metacarpals flex toward the
// palm at their carpometacarpal joints by up to 20 and 27 degrees, the second by up to 11 and
// the third hardly (7) (El-Shennawy et al. 2001, J Hand Surg, three-dimensional motion of the
// second to fifth carpometacarpal joints). The ulnar side turns as one piece by arch_deg (up to
// the fourth's 20; the fifth, further from the hinge, comes down further), the radial side by
// radial_arch_deg (up to about half the second's 11: most of that range is extension).
inline constexpr float kMaxArchDeg = 20.0f;
inline constexpr float kMaxRadialArchDeg = 6.0f;
// The arch's hinges (left hand, palm frame, at the palm's mid-thickness; hand_rig.cpp says
// where they run). The forge skins the palm's sides beyond these lines to the side parts.
struct PalmHinge {
  glm::vec3 from, to;
};
PalmHinge ulnar_hinge();
PalmHinge radial_hinge();

struct HandShape {
  std::array<HandPart, kHandParts> parts;
  Hand hand = Hand::right;
};

// `palm` is HandState::transform. The left hand is the right one mirrored across its own X.
HandShape build_hand(const glm::mat4& palm, const FingerPose& pose, Hand hand);
// The palm part that carries the palm's underside at local (x, z) of the palm part (the same in
// every palm part's frame, z from the heel): the radial or ulnar side toward its edge and past
// the metacarpals' bases, else the palm itself (the heel of the hand, the carpus, does not arch).
// The left hand's thumb lies at -x, the right hand's at +x.
std::size_t palm_part_at(Hand hand, float x, float z);
// A point of the palm's underside at local (x, z) of the palm part that carries it (palm_part_at),
// y = 0 the skin side: where the palm rests on the skin.
glm::vec3 palm_underside(const HandShape& shape, float x, float z);
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
