#pragma once
// A point's pixel in a window of `size` from its clip-space position (in front of the camera:
// c.w > 0), counted from the top left as Dear ImGui's rectangles are: the layout tests compare
// where the leg is drawn with where the panels are.
#include <glm/vec2.hpp>
#include <glm/vec4.hpp>

namespace effleura::test {

inline glm::vec2 top_left_pixel(const glm::vec4& c, glm::ivec2 size) {
  return {(c.x / c.w * 0.5f + 0.5f) * static_cast<float>(size.x), (0.5f - c.y / c.w * 0.5f) * static_cast<float>(size.y)};
}

}  // namespace effleura::test
