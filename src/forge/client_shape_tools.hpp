#pragma once
// The small helpers the client's shapes are written with (forge/client_shapes.cpp, the body, head,
// arms, other leg and drapes; forge/client_table.cpp, the table and its supports).
#include <algorithm>
#include <initializer_list>

#include <glm/common.hpp>
#include <glm/geometric.hpp>

#include "anatomy/client_pose.hpp"
#include "forge/shape.hpp"

namespace effleura::forge::client_shape {

// A point of the body frame given from the midline: `x` to the client's left.
inline glm::vec3 mid(float x, float y, float z) { return {anatomy::kMidlineX + x, y, z}; }

// Smooth intersection: the edge where a sheet is cut or a wedge's faces meet is rounded over
// about k, which also keeps the meshed surface a clean 2-manifold.
inline float smooth_max(float a, float b, float k) { return -smooth_min(-a, -b, k); }

inline Ellipsoid ellipsoid(glm::vec3 c, glm::vec3 r, glm::vec3 turn_deg = glm::vec3(0.0f)) { return {c, r, turn_deg}; }

inline Chain chain(std::initializer_list<ChainPoint> points) {
  Chain c;
  c.points = points;
  index_chain(c);
  return c;
}

inline float rounded_box(const glm::vec3& p, const glm::vec3& centre, const glm::vec3& half, float r) {
  const glm::vec3 q = glm::abs(p - centre) - (half - glm::vec3(r));
  return glm::length(glm::max(q, glm::vec3(0.0f))) + std::min(std::max(q.x, std::max(q.y, q.z)), 0.0f) - r;
}

inline Box box_of(const Shape& s, float margin) {
  Box b = s.bounds();
  b.grow(b.min, margin);
  b.grow(b.max, margin);
  return b;
}

}  // namespace effleura::forge::client_shape
