#pragma once
// The leg (or any model) as plain data, as loaded through Assimp: named meshes grouped into
// layers. The renderer uploads this; simulation code reads it. No GL here.
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include <glm/common.hpp>
#include <glm/mat4x4.hpp>
#include <glm/vec3.hpp>
#include <glm/vec4.hpp>

#include "anatomy/areas.hpp"

namespace effleura::anatomy {

enum class Layer { skin, muscle, bone, vein, hand, other, artery, nerve };

// What binds a skinned mesh (the hands) to its skeleton: per joint its name and inverse bind
// matrix (model space to the joint's frame at the bind pose), per vertex up to four joints
// (indices into joint_names) with weights summing to 1. Empty for rigid meshes.
struct Skin {
  std::vector<std::string> joint_names;
  std::vector<glm::mat4> inverse_binds;
  std::vector<std::array<std::uint8_t, 4>> joints;
  std::vector<glm::vec4> weights;
  [[nodiscard]] bool empty() const { return joint_names.empty(); }
};

struct Mesh {
  std::string name;                  // glTF node/mesh name, e.g. "muscle.gastrocnemius-medial"
  // The name a student reads ("Gastrocnemius, medial head"): the forge writes it as the
  // material's name. Empty for foreign models (their material names mean nothing to a student).
  std::string label;
  Layer layer = Layer::other;
  std::vector<glm::vec3> positions;  // metres, core/frame.hpp
  std::vector<glm::vec3> normals;    // unit, one per position
  std::vector<std::uint32_t> indices;  // triangles
  // Soft membership of each vertex in each of the nine areas (0..1), kAreaCount floats per
  // vertex; empty when the mesh carries no area data (muscles, bones, foreign models).
  std::vector<std::array<float, kAreaCount>> area_weights;
  // Unit direction of the muscle fibres per vertex (muscles only; empty otherwise).
  std::vector<glm::vec3> fibre_dirs;
  // How much of a muscle is tendon or aponeurosis at each vertex (0 belly, 1 tendon); empty
  // when the mesh has no tendon part.
  std::vector<float> tendon;
  // How much each vertex turns with the foot about the ankle (0 not at all, 1 fully), so
  // ankle pumps can move the foot without a seam; empty when the mesh has no foot part.
  std::vector<float> ankle_blend;
  // Ambient light reaching each vertex, 0..1 (anatomy/occlusion.hpp); empty means fully lit.
  std::vector<float> occlusion;
  Skin skin;
};

struct Bounds {
  glm::vec3 min{0.0f};
  glm::vec3 max{0.0f};
  [[nodiscard]] glm::vec3 centre() const { return (min + max) * 0.5f; }
  [[nodiscard]] glm::vec3 size() const { return max - min; }
  // The smallest box holding this one and `other`.
  [[nodiscard]] Bounds united(const Bounds& other) const { return {glm::min(min, other.min), glm::max(max, other.max)}; }
};

// A named point with no mesh (the forge's "landmark.<name>" nodes): a bony landmark a
// therapist palpates, named on hover.
struct Landmark {
  std::string name;
  glm::vec3 position{0.0f};
};

struct Model {
  std::string source;   // the file it came from
  std::vector<Mesh> meshes;
  std::vector<Landmark> landmarks;

  [[nodiscard]] Bounds bounds() const;
  [[nodiscard]] std::size_t triangle_count() const;
  [[nodiscard]] const Mesh* find(const std::string& name) const;
};

// Mesh names carry their layer as a prefix: "skin", "muscle.<id>", "bone.<id>", "vein.<id>",
// "artery.<id>", "nerve.<id>", "hand.<side>". Anything else is Layer::other (foreign models).
Layer layer_from_name(const std::string& name);

}  // namespace effleura::anatomy
