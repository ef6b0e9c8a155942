#pragma once
// Whether points lie inside a closed triangle mesh, by the parity of a ray's crossings (tests
// only: the committed meshes are checked as drawn). The ray leaves along +x, tilted a little so
// it does not run along the mesh's edges.
#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <vector>

#include <glm/geometric.hpp>
#include <glm/vec3.hpp>

#include "anatomy/model.hpp"

namespace effleura::test {

class Solid {
 public:
  explicit Solid(const anatomy::Mesh& m) : Solid(m.positions, m.indices) {}
  // The mesh's triangles with its vertices moved (drawn): `positions` in the mesh's order.
  Solid(const std::vector<glm::vec3>& positions, const std::vector<std::uint32_t>& indices) {
    for (std::size_t i = 0; i + 2 < indices.size(); i += 3)
      tris_.push_back({positions[indices[i]], positions[indices[i + 1]], positions[indices[i + 2]]});
  }
  [[nodiscard]] bool inside(const glm::vec3& o) const {
    const glm::vec3 dir = glm::normalize(glm::vec3(1.0f, 0.0123f, 0.0071f));
    int hits = 0;
    for (const auto& t : tris_) {
      // Cheap reject: the ray stays within ~2 cm of o's y and z across the body (tilt 0.0123).
      const float lo_y = std::min({t[0].y, t[1].y, t[2].y}), hi_y = std::max({t[0].y, t[1].y, t[2].y});
      const float lo_z = std::min({t[0].z, t[1].z, t[2].z}), hi_z = std::max({t[0].z, t[1].z, t[2].z});
      if (hi_y < o.y - 0.02f || lo_y > o.y + 0.02f || hi_z < o.z - 0.02f || lo_z > o.z + 0.02f) continue;
      if (std::max({t[0].x, t[1].x, t[2].x}) < o.x) continue;
      // Moller-Trumbore.
      const glm::vec3 e1 = t[1] - t[0], e2 = t[2] - t[0];
      const glm::vec3 pv = glm::cross(dir, e2);
      const float det = glm::dot(e1, pv);
      if (std::abs(det) < 1e-12f) continue;
      const glm::vec3 tv = o - t[0];
      const float u = glm::dot(tv, pv) / det;
      if (u < 0.0f || u > 1.0f) continue;
      const glm::vec3 qv = glm::cross(tv, e1);
      const float v = glm::dot(dir, qv) / det;
      if (v < 0.0f || u + v > 1.0f) continue;
      if (glm::dot(e2, qv) / det > 0.0f) ++hits;
    }
    return hits % 2 == 1;
  }

 private:
  std::vector<std::array<glm::vec3, 3>> tris_;
};

}  // namespace effleura::test
