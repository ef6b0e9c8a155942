#pragma once
// The hands' mesh (assets/hands.glb) bound to the skeleton of technique/hand_rig.hpp: each
// hand's vertices at the bind pose with up to four rig parts and weights each, and every
// part's inverse bind matrix. Posing it is linear blend skinning with a palette of
// posed frame * inverse bind, per part; the renderer does that on the GPU, skin_vertex here
// on the CPU for tests. No GL.
#include <array>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include <glm/mat4x4.hpp>
#include <glm/vec3.hpp>
#include <glm/vec4.hpp>

#include "core/contact.hpp"
#include "core/error.hpp"
#include "technique/hand_rig.hpp"

namespace effleura::technique {

using JointPalette = std::array<glm::mat4, kHandParts>;

struct SkinnedHand {
  Hand hand = Hand::right;
  std::vector<glm::vec3> positions;  // bind pose, in the hand's palm frame
  std::vector<glm::vec3> normals;
  std::vector<std::uint32_t> indices;
  std::vector<std::array<std::uint8_t, 4>> parts;  // rig part indices (hand_part), per vertex
  std::vector<glm::vec4> weights;                   // per vertex, summing to 1
  JointPalette inverse_bind{};                      // per rig part
};

// A mesh bound rigidly to one joint (the forearm): bind-pose positions in the palm frame, and
// the joint's inverse bind matrix. Posed by forearm frame * inverse_bind (technique/forearm.hpp).
struct RigidPiece {
  std::vector<glm::vec3> positions;
  std::vector<glm::vec3> normals;
  std::vector<std::uint32_t> indices;
  glm::mat4 inverse_bind{1.0f};
};

struct HandModel {
  std::string source;
  std::array<SkinnedHand, 2> hands;  // [0] left, [1] right, as FrameView::hands
  std::array<SkinnedHand, 2> nails;  // "nails.left", "nails.right": on the same skeleton
  std::array<RigidPiece, 2> forearms;  // bare skin from the wrist, [0] left
  std::array<RigidPiece, 2> sleeves;   // cloth over the forearm to the elbow
  [[nodiscard]] std::size_t triangle_count() const;
};

// Reads the file and checks that it holds both hands ("hand.left", "hand.right"), each skinned
// to the eighteen joints of the rig by name, and both forearms and sleeves, each bound to its
// forearm joint; anything else is an error naming the file.
Expected<HandModel> load_hand_model(const std::filesystem::path& path);

// posed.parts[j].frame * inverse_bind[j] for every part.
JointPalette skinning_palette(const SkinnedHand& hand, const HandShape& posed);
glm::vec3 skin_vertex(const SkinnedHand& hand, std::size_t vertex, const JointPalette& palette);

}  // namespace effleura::technique
