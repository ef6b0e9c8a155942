#pragma once
// Writes skinned meshes (the hands) as one binary glTF, each mesh with its own skin.
//
// Not through Assimp: Assimp 5.2's glTF2 exporter gathers the bones of every mesh into one
// shared skin, and when it narrows JOINTS_0 from float to unsigned short it reads past the end
// of its buffer and leaves the other half of the old float data, uninitialised heap bytes,
// in the file (glTF2Exporter.cpp ExportSkin, glTF2Asset.inl ReplaceData_joint): the output
// would differ from run to run. This writer is small and fully deterministic; Assimp still
// reads the result (anatomy/model_loader.cpp).
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include <glm/mat4x4.hpp>
#include <glm/vec3.hpp>
#include <glm/vec4.hpp>

#include "core/error.hpp"

namespace effleura::forge {

struct SkinJoint {
  std::string name;
  int parent = -1;         // index in the same list, earlier than this joint; -1 for the root
  glm::mat4 bind{1.0f};    // the joint's rigid frame at the bind pose, in model space
};

struct SkinnedOutMesh {
  std::string name;
  std::vector<glm::vec3> positions;  // bind pose, model space
  std::vector<glm::vec3> normals;
  std::vector<std::uint32_t> indices;
  std::vector<std::array<std::uint8_t, 4>> joints;  // per vertex, indices into `skeleton`
  std::vector<glm::vec4> weights;                    // per vertex, summing to 1
  std::vector<SkinJoint> skeleton;
  glm::vec3 colour{0.8f};
};

Expected<std::vector<std::uint8_t>> write_skinned_glb(const std::vector<SkinnedOutMesh>& meshes);

}  // namespace effleura::forge
