#pragma once
// Where a box in the world lands on the screen: the pixel rectangle that holds everything
// drawn inside it. The edge filter only needs to run there (the background gradient has no
// edges), which on a software renderer saves most of a full-screen pass per frame.
#include <glm/mat4x4.hpp>
#include <glm/vec2.hpp>
#include <glm/vec3.hpp>
#include <glm/vec4.hpp>

namespace effleura::render {

// A rectangle in OpenGL window coordinates (origin at the bottom left): x, y, width, height.
using PixelRect = glm::ivec4;

// The rectangle covering the box [lo, hi] seen through view_projection on a viewport of
// `size`, grown by `margin_px` on each side and clipped to the viewport. If the box reaches
// behind the camera its projection is unbounded, so the whole viewport is returned. A box
// entirely off screen gives an empty rectangle (width or height 0).
PixelRect screen_rect(const glm::vec3& lo, const glm::vec3& hi, const glm::mat4& view_projection,
                      glm::ivec2 size, int margin_px);

}  // namespace effleura::render
