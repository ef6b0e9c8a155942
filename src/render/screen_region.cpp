#include "render/screen_region.hpp"

#include <algorithm>
#include <cmath>

namespace effleura::render {

PixelRect screen_rect(const glm::vec3& lo, const glm::vec3& hi, const glm::mat4& view_projection,
                      glm::ivec2 size, int margin_px) {
  const PixelRect whole{0, 0, size.x, size.y};
  glm::vec2 min_ndc{1e9f}, max_ndc{-1e9f};
  for (int corner = 0; corner < 8; ++corner) {
    const glm::vec3 p{(corner & 1) ? hi.x : lo.x, (corner & 2) ? hi.y : lo.y, (corner & 4) ? hi.z : lo.z};
    const glm::vec4 clip = view_projection * glm::vec4(p, 1.0f);
    if (!(clip.w > 1e-6f)) return whole;  // behind the eye (or NaN): no finite bound
    const glm::vec2 ndc = glm::vec2(clip) / clip.w;
    min_ndc = glm::min(min_ndc, ndc);
    max_ndc = glm::max(max_ndc, ndc);
  }
  const glm::vec2 half = glm::vec2(size) * 0.5f;
  const float m = static_cast<float>(margin_px);
  const float x0 = std::max(0.0f, std::floor((min_ndc.x + 1.0f) * half.x - m));
  const float y0 = std::max(0.0f, std::floor((min_ndc.y + 1.0f) * half.y - m));
  const float x1 = std::min(static_cast<float>(size.x), std::ceil((max_ndc.x + 1.0f) * half.x + m));
  const float y1 = std::min(static_cast<float>(size.y), std::ceil((max_ndc.y + 1.0f) * half.y + m));
  if (!(x1 > x0) || !(y1 > y0)) return {0, 0, 0, 0};
  return {static_cast<int>(x0), static_cast<int>(y0), static_cast<int>(x1 - x0), static_cast<int>(y1 - y0)};
}

}  // namespace effleura::render
