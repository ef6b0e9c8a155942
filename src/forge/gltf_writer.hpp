#pragma once
// Writes the forged meshes as one binary glTF through Assimp's exporter ("glb2"), in memory,
// so the same bytes can be written to a file or compared with a committed one.
#include <cstdint>
#include <string>
#include <vector>

#include <glm/vec3.hpp>

#include "anatomy/area_attributes.hpp"
#include "core/error.hpp"

namespace effleura::forge {

struct OutMesh {
  std::string name;  // node and mesh name; its prefix is its layer
  std::string label; // what a student reads on hover (the material's name); empty: none
  std::vector<glm::vec3> positions;
  std::vector<glm::vec3> normals;
  std::vector<std::uint32_t> indices;
  anatomy::VertexAttributes attrs;
  glm::vec3 colour{0.8f};
};

// A named point with no mesh, written as an empty node "landmark.<name>" translated to `p`.
struct OutPoint {
  std::string name;
  glm::vec3 p{0.0f};
};

Expected<std::vector<std::uint8_t>> write_glb(const std::vector<OutMesh>& meshes,
                                              const std::vector<OutPoint>& points = {});

}  // namespace effleura::forge
