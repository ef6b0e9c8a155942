#include "app/area_box.hpp"

#include <glm/common.hpp>

namespace effleura::app {

namespace {
void grow(std::optional<anatomy::Bounds>& box, const glm::vec3& p) {
  if (!box) box = anatomy::Bounds{p, p};
  box->min = glm::min(box->min, p);
  box->max = glm::max(box->max, p);
}
}  // namespace

std::optional<anatomy::Bounds> area_box(const anatomy::Model& model, std::size_t area) {
  std::array<bool, anatomy::kAreaCount> one{};
  if (area >= one.size()) return std::nullopt;
  one[area] = true;
  return areas_box(model, one);
}

std::optional<anatomy::Bounds> areas_box(const anatomy::Model& model, const std::array<bool, anatomy::kAreaCount>& selected) {
  std::optional<anatomy::Bounds> box;
  for (const auto& m : model.meshes) {
    if (m.layer != anatomy::Layer::skin || m.area_weights.size() != m.positions.size()) continue;
    for (std::size_t i = 0; i < m.positions.size(); ++i)
      for (std::size_t a = 0; a < selected.size(); ++a)
        if (selected[a] && m.area_weights[i][a] >= 0.5f) {
          grow(box, m.positions[i]);
          break;
        }
  }
  return box;
}

}  // namespace effleura::app
