#pragma once
// How far a point lies from a hand's flesh (its capsules, hand_fit.hpp): for the tissue tests
// that look at the skin beside a hand, where a student sees a press.
#include <algorithm>

#include <glm/geometric.hpp>

#include "technique/hand_fit.hpp"

namespace effleura::test {

inline float flesh_gap(const technique::HandCapsules& hand, const glm::vec3& p) {
  float gap = 1e9f;
  for (const technique::Capsule& c : hand) {
    if (c.radius <= 0.0f) continue;
    const glm::vec3 ab = c.b - c.a;
    const float len2 = glm::dot(ab, ab);
    const float t = len2 > 1e-12f ? std::clamp(glm::dot(p - c.a, ab) / len2, 0.0f, 1.0f) : 0.0f;
    gap = std::min(gap, glm::length(p - c.a - ab * t) - c.radius);
  }
  return gap;
}

}  // namespace effleura::test
