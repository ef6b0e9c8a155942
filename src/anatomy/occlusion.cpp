#include "anatomy/occlusion.hpp"

#include <algorithm>
#include <cmath>

#include <glm/geometric.hpp>

namespace effleura::anatomy {

std::vector<float> cavity_occlusion(const Mesh& mesh) {
  const std::size_t n = mesh.positions.size();
  std::vector<glm::vec3> sum(n, glm::vec3(0.0f));
  std::vector<float> edge(n, 0.0f);
  std::vector<int> count(n, 0);
  for (std::size_t i = 0; i + 2 < mesh.indices.size(); i += 3) {
    for (int k = 0; k < 3; ++k) {
      const std::uint32_t a = mesh.indices[i + k], b = mesh.indices[i + (k + 1) % 3];
      if (a >= n || b >= n) continue;
      const float len = glm::length(mesh.positions[b] - mesh.positions[a]);
      sum[a] += mesh.positions[b];
      sum[b] += mesh.positions[a];
      edge[a] += len;
      edge[b] += len;
      ++count[a];
      ++count[b];
    }
  }
  std::vector<float> ao(n, 1.0f);
  for (std::size_t v = 0; v < n; ++v) {
    if (count[v] == 0 || v >= mesh.normals.size()) continue;
    const glm::vec3 centre = sum[v] / float(count[v]);
    const float mean_edge = edge[v] / float(count[v]);
    // How far the neighbourhood's centre lies above the vertex, along the normal, in edge
    // lengths: positive in a hollow, negative on a ridge.
    const float depth = glm::dot(mesh.normals[v], centre - mesh.positions[v]) / std::max(mean_edge, 1e-6f);
    ao[v] = 1.0f - std::clamp(depth * 2.5f, 0.0f, 0.55f);
  }
  // Two passes of neighbour averaging: occlusion is a broad effect, not per-triangle noise.
  for (int pass = 0; pass < 2; ++pass) {
    std::vector<float> acc(n, 0.0f);
    std::vector<int> k(n, 0);
    for (std::size_t i = 0; i + 2 < mesh.indices.size(); i += 3)
      for (int e = 0; e < 3; ++e) {
        const std::uint32_t a = mesh.indices[i + e], b = mesh.indices[i + (e + 1) % 3];
        if (a >= n || b >= n) continue;
        acc[a] += ao[b];
        acc[b] += ao[a];
        ++k[a];
        ++k[b];
      }
    for (std::size_t v = 0; v < n; ++v)
      if (k[v]) ao[v] = 0.5f * ao[v] + 0.5f * acc[v] / float(k[v]);
  }
  return ao;
}

void add_cavity_occlusion(Model& model) {
  for (auto& m : model.meshes)
    if (m.layer == Layer::skin) m.occlusion = cavity_occlusion(m);
}

}  // namespace effleura::anatomy
