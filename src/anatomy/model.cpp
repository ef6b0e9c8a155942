#include "anatomy/model.hpp"

#include <algorithm>
#include <limits>

#include <glm/common.hpp>

namespace effleura::anatomy {

Bounds Model::bounds() const {
  Bounds b{glm::vec3(std::numeric_limits<float>::max()), glm::vec3(std::numeric_limits<float>::lowest())};
  bool any = false;
  for (const auto& m : meshes)
    for (const auto& p : m.positions) {
      b.min = glm::min(b.min, p);
      b.max = glm::max(b.max, p);
      any = true;
    }
  return any ? b : Bounds{};
}

std::size_t Model::triangle_count() const {
  std::size_t n = 0;
  for (const auto& m : meshes) n += m.indices.size() / 3;
  return n;
}

const Mesh* Model::find(const std::string& name) const {
  auto it = std::find_if(meshes.begin(), meshes.end(), [&](const Mesh& m) { return m.name == name; });
  return it == meshes.end() ? nullptr : &*it;
}

Layer layer_from_name(const std::string& name) {
  auto starts = [&](const char* p) { return name.rfind(p, 0) == 0; };
  if (name == "skin" || starts("skin.")) return Layer::skin;
  if (starts("muscle.") || starts("tendon.") || starts("band.")) return Layer::muscle;
  if (starts("bone.")) return Layer::bone;
  if (starts("vein.")) return Layer::vein;
  if (starts("artery.")) return Layer::artery;
  if (starts("nerve.")) return Layer::nerve;
  if (starts("hand.")) return Layer::hand;
  return Layer::other;
}

}  // namespace effleura::anatomy
