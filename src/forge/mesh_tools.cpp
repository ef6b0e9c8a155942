#include "forge/mesh_tools.hpp"

#include <meshoptimizer.h>

#include <algorithm>

#include <glm/geometric.hpp>

namespace effleura::forge {

void drop_degenerate(TriMesh& mesh) {
  std::vector<std::uint32_t> kept;
  kept.reserve(mesh.indices.size());
  for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3) {
    const std::uint32_t a = mesh.indices[t], b = mesh.indices[t + 1], c = mesh.indices[t + 2];
    if (a == b || b == c || a == c) continue;
    const glm::vec3 n = glm::cross(mesh.positions[b] - mesh.positions[a], mesh.positions[c] - mesh.positions[a]);
    if (glm::length(n) < 1e-12f) continue;
    kept.insert(kept.end(), {a, b, c});
  }
  mesh.indices = std::move(kept);
}

void simplify(TriMesh& mesh, std::size_t target_triangles, float max_error) {
  if (mesh.indices.empty()) return;
  if (mesh.triangle_count() > target_triangles) {
    // meshoptimizer's error is relative to the mesh extent.
    const float extent = meshopt_simplifyScale(&mesh.positions[0].x, mesh.positions.size(), sizeof(glm::vec3));
    std::vector<std::uint32_t> out(mesh.indices.size());
    const std::size_t n = meshopt_simplify(out.data(), mesh.indices.data(), mesh.indices.size(),
                                           &mesh.positions[0].x, mesh.positions.size(), sizeof(glm::vec3),
                                           target_triangles * 3, max_error / std::max(extent, 1e-6f), 0, nullptr);
    out.resize(n);
    mesh.indices = std::move(out);
  }
  drop_degenerate(mesh);
  meshopt_optimizeVertexCache(mesh.indices.data(), mesh.indices.data(), mesh.indices.size(), mesh.positions.size());
  std::vector<glm::vec3> positions(mesh.positions.size());
  const std::size_t used = meshopt_optimizeVertexFetch(positions.data(), mesh.indices.data(), mesh.indices.size(),
                                                       mesh.positions.data(), mesh.positions.size(), sizeof(glm::vec3));
  positions.resize(used);
  mesh.positions = std::move(positions);
}

std::vector<glm::vec3> field_normals(const TriMesh& mesh, const Field& field, float step) {
  std::vector<glm::vec3> normals;
  normals.reserve(mesh.positions.size());
  const glm::vec3 dx(step, 0, 0), dy(0, step, 0), dz(0, 0, step);
  for (const auto& p : mesh.positions) {
    const glm::vec3 g(field(p + dx) - field(p - dx), field(p + dy) - field(p - dy), field(p + dz) - field(p - dz));
    const float len = glm::length(g);
    normals.push_back(len > 1e-12f ? g / len : glm::vec3(0, 1, 0));
  }
  return normals;
}

}  // namespace effleura::forge
