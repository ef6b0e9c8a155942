#pragma once
// The point of a triangle nearest to a point, for tests that measure how far one surface lies
// from another (hems off skin, a coarse level off the fine one, contacts off the analytic skin).
// One copy: four test files had their own.
#include <glm/geometric.hpp>
#include <glm/vec3.hpp>

namespace effleura::test {

// The point of triangle abc closest to p (Ericson, Real-Time Collision Detection, 5.1.5).
inline glm::vec3 closest_on_triangle(const glm::vec3& p, const glm::vec3& a, const glm::vec3& b, const glm::vec3& c) {
  const glm::vec3 ab = b - a, ac = c - a, ap = p - a;
  const float d1 = glm::dot(ab, ap), d2 = glm::dot(ac, ap);
  if (d1 <= 0.0f && d2 <= 0.0f) return a;
  const glm::vec3 bp = p - b;
  const float d3 = glm::dot(ab, bp), d4 = glm::dot(ac, bp);
  if (d3 >= 0.0f && d4 <= d3) return b;
  const float vc = d1 * d4 - d3 * d2;
  if (vc <= 0.0f && d1 >= 0.0f && d3 <= 0.0f) return a + ab * (d1 / (d1 - d3));
  const glm::vec3 cp = p - c;
  const float d5 = glm::dot(ab, cp), d6 = glm::dot(ac, cp);
  if (d6 >= 0.0f && d5 <= d6) return c;
  const float vb = d5 * d2 - d1 * d6;
  if (vb <= 0.0f && d2 >= 0.0f && d6 <= 0.0f) return a + ac * (d2 / (d2 - d6));
  const float va = d3 * d6 - d5 * d4;
  if (va <= 0.0f && d4 - d3 >= 0.0f && d5 - d6 >= 0.0f) return b + (c - b) * ((d4 - d3) / ((d4 - d3) + (d5 - d6)));
  const float denom = 1.0f / (va + vb + vc);
  return a + ab * (vb * denom) + ac * (vc * denom);
}

// How far p lies from triangle abc.
inline float triangle_distance(const glm::vec3& p, const glm::vec3& a, const glm::vec3& b, const glm::vec3& c) {
  return glm::length(p - closest_on_triangle(p, a, b, c));
}

}  // namespace effleura::test
