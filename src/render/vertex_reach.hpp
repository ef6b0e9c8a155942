#pragma once
// How far a hand reaches into the skin's vertex shader (shaders/model.vert): the spheres beyond
// which it neither dents nor shades a vertex, so the shader skips its loops there. On llvmpipe
// the vertex shader runs on the main thread, and the hands' 36 capsules and 14 shadow spheres
// were visited for every vertex of the skin and the client's body in every frame with a hand on
// the leg, wherever the vertex lay. Plain maths (no GL), in the mesh frame the uniforms use.
#include <array>
#include <span>

#include <glm/vec4.hpp>

#include "technique/hand_fit.hpp"
#include "technique/tissue.hpp"

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

// A dent (or the fold) moves the skin by its depth times exp(-2 (r / radius)^2) at most: from
// this many radii out, under 2e-8 of its depth (a fraction of a nanometre).
inline constexpr float kDentReachRadii = 3.0f;

// Everything that moves or shades the skin in one frame, as spheres in the mesh frame: each
// hand's capsule_bound (w 0: no hand), the shadow spheres' occluder_reach and the dents (w their
// radius, 0: none).
struct TissueReach {
  std::array<glm::vec4, 2> hands{};
  glm::vec4 shadow{0.0f, 0.0f, 0.0f, -1.0f};
  std::array<glm::vec4, technique::kTissueDents> dents{};
};
TissueReach tissue_reach(const technique::TissueShape& tissue, std::span<const glm::vec4> occluders);

// Whether any of it reaches a vertex within `radius` of `centre`. Where none does, the skin's
// program without the tissue's lines (render/materials.hpp) draws the same picture.
bool tissue_reaches(const TissueReach& reach, const glm::vec3& centre, float radius);

}  // namespace effleura::render
