#include "render/window_size.hpp"

#include <algorithm>
#include <cmath>

namespace effleura::render {

glm::ivec2 window_size(glm::ivec2 asked, glm::ivec2 free_area, float content_scale) {
  const float scale = content_scale > 0.0f ? content_scale : 1.0f;
  glm::ivec2 size{std::max(asked.x, 1), std::max(asked.y, 1)};
  if (free_area.x > 0 && free_area.y > 0) {
    size.x = std::min(size.x, std::max(1, static_cast<int>(std::floor(static_cast<float>(free_area.x) / scale))));
    size.y = std::min(size.y, std::max(1, static_cast<int>(std::floor(static_cast<float>(free_area.y) / scale))));
  }
  return size;
}

}  // namespace effleura::render
