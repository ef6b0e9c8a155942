#pragma once
// How far a hand reaches into the skin's vertex shader (shaders/model.vert): the spheres beyond
// which it neither dents nor shades a vertex, so the shader skips its loops there. On llvmpipe
// the vertex shader runs on the main thread, and the hands' 36 capsules and 14 shadow spheres
// were visited for every vertex of the skin and the client's body in every frame with a hand on
// the leg, wherever the vertex lay. Plain maths (no GL), in the mesh frame the uniforms use.
#include <span>

#include <glm/vec4.hpp>

#include "technique/hand_fit.hpp"

namespace effleura::render {

// HAND_FAR in shaders/model.vert: from there a capsule pushes nothing (REACH, 18 mm), the rim
// round its hand is exp(-40) of its height and the rim's fade ("clear") is already whole (12 mm).
inline constexpr float kHandFarM = 0.12f;

// A sphere (xyz centre, w radius) holding every capsule of the hand with a radius, flesh included:
// a point at distance d from the centre lies at least d - w from each capsule's surface. A hand
// with none: radius 0 at the origin (the shader's loop count is 0 for it anyway).
glm::vec4 capsule_bound(const technique::HandCapsules& capsules);

// A sphere beyond which none of the shadow spheres (xyz centre, w radius; w 0: none) shades a
// vertex: each one's shade fades to exactly 0 at sqrt(12 r^2 + 3e-8) from its centre (the
// shader's clamp(1.5 - 0.5 d^2 / (4 r^2 + 1e-8))). None with a radius: radius -1 (never near).
glm::vec4 occluder_reach(std::span<const glm::vec4> occluders);

}  // namespace effleura::render
