#pragma once
// A plain indexed triangle mesh as the forge passes it between steps.
#include <cstdint>
#include <functional>
#include <vector>

#include <glm/vec3.hpp>

#include "forge/shape.hpp"

namespace effleura::forge {

struct TriMesh {
  std::vector<glm::vec3> positions;
  std::vector<std::uint32_t> indices;
  [[nodiscard]] std::size_t triangle_count() const { return indices.size() / 3; }
};

// A signed distance (or close to one: 1-Lipschitz near the surface), negative inside.
using Field = std::function<float(const glm::vec3&)>;

// Meshes the zero level of `field` inside `box` at `voxel` spacing with OpenVDB (narrow-band
// level set, then volumeToMesh). The result is closed if the surface stays inside the box,
// and faces point outward. Single-threaded, so the output is the same on every run.
TriMesh mesh_level_set(const Field& field, const Box& box, float voxel);

}  // namespace effleura::forge
