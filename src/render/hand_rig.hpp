#pragma once
// An articulated hand built from the technique engine's palm frame and finger angles: one
// transform per part (palm, 15 phalanges) for the renderer to draw as rounded solids. Plain
// maths, no GL, so tests check that fingers bend toward the palm and stay attached.
//
// Local frame (technique/timeline.hpp HandState): palm surface at the origin, +Y the back of
// the hand, +Z where the fingers point. Adult proportions (hand length ~0.19 m, palm width
// ~0.085 m; anthropometric averages, rounded).
#include <array>

#include <glm/mat4x4.hpp>

#include "core/contact.hpp"
#include "technique/pose.hpp"

namespace effleura::render {

// A capsule: from the frame's origin along its +Z for `length`, with an elliptical section of
// half-widths radius.x (local X) and radius.y (local Y) and rounded ends.
struct HandPart {
  glm::mat4 frame{1.0f};      // rigid: rotation and translation only
  float length = 0.0f;
  glm::vec2 radius{0.0f};
  glm::vec3 tip{0.0f};        // far end of the part's axis in world space
};

inline constexpr std::size_t kHandParts = 1 + 5 * 3;  // palm, then finger-major phalanges

struct HandShape {
  std::array<HandPart, kHandParts> parts;
};

// `palm` is HandState::transform. The left hand mirrors the right across its own X axis.
HandShape build_hand(const glm::mat4& palm, const technique::FingerPose& pose, Hand hand);

}  // namespace effleura::render
