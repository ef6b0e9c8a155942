#include "render/faded_order.hpp"

#include <algorithm>

#include <glm/geometric.hpp>

namespace effleura::render {

std::vector<std::size_t> faded_back_to_front(const std::vector<FadedCandidate>& candidates, const glm::vec3& eye) {
  std::vector<std::pair<float, std::size_t>> order;
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    const FadedCandidate& c = candidates[i];
    if (!c.drawn || c.opacity <= 0.0f || c.opacity >= 0.999f) continue;
    order.emplace_back(glm::distance(c.centre, eye), i);
  }
  // Farthest first; equal distances keep mesh order, so the picture does not flicker.
  std::stable_sort(order.begin(), order.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  std::vector<std::size_t> out;
  out.reserve(order.size());
  for (const auto& o : order) out.push_back(o.second);
  return out;
}

}  // namespace effleura::render
