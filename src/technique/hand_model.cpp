#include "technique/hand_model.hpp"

#include <algorithm>

#include "anatomy/model_cache.hpp"
#include "core/cache_file.hpp"
#include "technique/forearm.hpp"

namespace effleura::technique {
namespace {

constexpr const char* kExpected =
    "expected the meshes \"hand.left\", \"hand.right\", \"nails.left\" and \"nails.right\", each skinned to "
    "the 18 joints of the hand skeleton (\"hand.right.palm\", \"hand.right.thumb.1\" ... "
    "\"hand.right.little.3\", \"hand.right.palm.radial\", \"hand.right.palm.ulnar\"), and \"forearm.left\", \"forearm.right\", \"sleeve.left\", \"sleeve.right\", "
    "each bound to its joint \"hand.left.forearm\" or \"hand.right.forearm\"; rebuild it with "
    "effleura-forge --part hands";

// `every_joint`: the hand must name all eighteen; the nails carry weight on five only, and a
// glTF reader keeps just the joints a mesh's vertices use.
Expected<SkinnedHand> bind_hand(const anatomy::Model& model, Hand hand, const std::string& name, const std::string& file,
                                bool every_joint) {
  const anatomy::Mesh* mesh = model.find(name);
  if (!mesh) return fail("hands model has no mesh \"" + name + "\": " + kExpected, file);
  const anatomy::Skin& skin = mesh->skin;
  if (skin.empty() || skin.joints.size() != mesh->positions.size())
    return fail("hands model's mesh \"" + name + "\" is not skinned: " + kExpected, file);
  SkinnedHand out;
  out.hand = hand;
  out.positions = mesh->positions;
  out.normals = mesh->normals;
  out.indices = mesh->indices;
  out.weights = skin.weights;
  // The file's joint order is its own; map each joint to the rig part of the same name.
  std::array<std::uint8_t, 256> part_of{};
  std::array<bool, kHandParts> bound{};
  for (std::size_t j = 0; j < skin.joint_names.size(); ++j) {
    std::size_t part = kHandParts;
    for (std::size_t p = 0; p < kHandParts; ++p)
      if (skin.joint_names[j] == joint_name(hand, p)) part = p;
    if (part == kHandParts)
      return fail("hands model's mesh \"" + name + "\" has an unknown joint \"" + skin.joint_names[j] + "\": " + kExpected, file);
    part_of[j] = static_cast<std::uint8_t>(part);
    out.inverse_bind[part] = skin.inverse_binds[j];
    bound[part] = true;
  }
  for (std::size_t p = 0; p < kHandParts; ++p)
    if (every_joint && !bound[p])
      return fail("hands model's mesh \"" + name + "\" lacks the joint \"" + joint_name(hand, p) + "\": " + kExpected, file);
  out.parts.reserve(skin.joints.size());
  for (const auto& j : skin.joints) out.parts.push_back({part_of[j[0]], part_of[j[1]], part_of[j[2]], part_of[j[3]]});
  return out;
}

Expected<RigidPiece> bind_piece(const anatomy::Model& model, const std::string& name, Hand hand, const std::string& file) {
  const anatomy::Mesh* mesh = model.find(name);
  if (!mesh) return fail("hands model has no mesh \"" + name + "\": " + kExpected, file);
  const anatomy::Skin& skin = mesh->skin;
  if (skin.empty() || skin.joint_names.size() != 1 || skin.joint_names[0] != forearm_joint_name(hand))
    return fail("hands model's mesh \"" + name + "\" is not bound to the joint \"" + forearm_joint_name(hand) + "\": " + kExpected, file);
  return RigidPiece{mesh->positions, mesh->normals, mesh->indices, skin.inverse_binds[0]};
}

}  // namespace

std::size_t HandModel::triangle_count() const {
  std::size_t n = 0;
  for (std::size_t h = 0; h < 2; ++h)
    n += hands[h].indices.size() + nails[h].indices.size() + forearms[h].indices.size() + sleeves[h].indices.size();
  return n / 3;
}

Expected<HandModel> load_hand_model(const std::filesystem::path& path) {
  // Through the start-up cache (anatomy/model_cache.hpp): unchanged hands need no Assimp at all.
  auto model = anatomy::load_model_cached(path, "hands", 1, nullptr, cache_directory());
  if (!model) {
    Error e = model.error();
    e.message = "hands model unusable: " + e.message + "; expected the two rigged hands that effleura-forge --part hands builds";
    return std::unexpected(e);
  }
  HandModel out;
  out.source = path.string();
  for (Hand h : {Hand::left, Hand::right}) {
    auto hand = bind_hand(*model, h, hand_mesh_name(h), path.string(), true);
    if (!hand) return std::unexpected(hand.error());
    auto nails = bind_hand(*model, h, h == Hand::left ? "nails.left" : "nails.right", path.string(), false);
    if (!nails) return std::unexpected(nails.error());
    out.nails[h == Hand::left ? 0 : 1] = std::move(*nails);
    out.hands[h == Hand::left ? 0 : 1] = std::move(*hand);
    auto forearm = bind_piece(*model, forearm_mesh_name(h), h, path.string());
    if (!forearm) return std::unexpected(forearm.error());
    auto sleeve = bind_piece(*model, sleeve_mesh_name(h), h, path.string());
    if (!sleeve) return std::unexpected(sleeve.error());
    out.forearms[h == Hand::left ? 0 : 1] = std::move(*forearm);
    out.sleeves[h == Hand::left ? 0 : 1] = std::move(*sleeve);
  }
  return out;
}

JointPalette skinning_palette(const SkinnedHand& hand, const HandShape& posed) {
  JointPalette palette{};
  for (std::size_t p = 0; p < kHandParts; ++p) palette[p] = posed.parts[p].frame * hand.inverse_bind[p];
  return palette;
}

glm::vec3 skin_vertex(const SkinnedHand& hand, std::size_t vertex, const JointPalette& palette) {
  glm::vec4 out(0.0f);
  const glm::vec4 p(hand.positions[vertex], 1.0f);
  for (std::size_t i = 0; i < 4; ++i) {
    const float w = hand.weights[vertex][static_cast<glm::length_t>(i)];
    if (w > 0.0f) out += w * (palette[hand.parts[vertex][i]] * p);
  }
  return glm::vec3(out);
}

}  // namespace effleura::technique
