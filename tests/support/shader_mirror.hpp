// What shaders/model.vert computes per vertex, written again in C++ so that the tests of the
// shader's skips (render/vertex_reach.hpp, render/skin_groups.hpp) can check a skipped vertex is
// one the shader would have left where it was. Keep in step with the shader.
#pragma once

#include <algorithm>

#include <glm/geometric.hpp>
#include <glm/vec3.hpp>
#include <glm/vec4.hpp>

#include "technique/hand_fit.hpp"

namespace effleura::test {

// u = the distance from p to the capsule's surface (negative inside).
inline float capsule_u(glm::vec3 p, const technique::Capsule& c) {
  const glm::vec3 ab = c.b - c.a, ap = p - c.a;
  const float t = std::clamp(glm::dot(ap, ab) / std::max(glm::dot(ab, ab), 1e-12f), 0.0f, 1.0f);
  return glm::length(ap - ab * t) - c.radius;
}

// One shadow sphere's fade at p (xyz its centre, w its radius): 0 where it no longer shades.
inline float shadow_fade(glm::vec3 p, glm::vec4 o) {
  const glm::vec3 w = glm::vec3(o) - p;
  const float d2 = std::max(glm::dot(w, w), 1e-6f), r2 = o.w * o.w;
  return std::clamp(1.5f - 0.5f * d2 / (4.0f * r2 + 1e-8f), 0.0f, 1.0f);
}

}  // namespace effleura::test
