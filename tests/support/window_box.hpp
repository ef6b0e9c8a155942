// Where a box lands in the window: the rectangle, in fractions of the window from its top-left,
// that holds its eight corners seen through a view-projection (the camera framing tests measure
// how much of the free area a region fills, and that it stays inside).
#pragma once

#include <doctest/doctest.h>

#include <glm/common.hpp>
#include <glm/mat4x4.hpp>
#include <glm/vec2.hpp>
#include <glm/vec4.hpp>

#include "anatomy/model.hpp"

namespace effleura::test {

struct WindowBox {
  glm::vec2 lo{1e9f}, hi{-1e9f};
};

// `box` in the frame `view_projection` takes to clip space; every corner must be in front of the eye.
inline WindowBox window_box(const glm::mat4& view_projection, const anatomy::Bounds& box) {
  WindowBox w;
  for (int k = 0; k < 8; ++k) {
    const glm::vec4 q = view_projection * glm::vec4((k & 1) ? box.max.x : box.min.x, (k & 2) ? box.max.y : box.min.y,
                                                    (k & 4) ? box.max.z : box.min.z, 1.0f);
    REQUIRE(q.w > 0.0f);
    const glm::vec2 p(0.5f + 0.5f * q.x / q.w, 0.5f - 0.5f * q.y / q.w);
    w.lo = glm::min(w.lo, p);
    w.hi = glm::max(w.hi, p);
  }
  return w;
}

// Checks that `w` lies inside `area` (left, top, right, bottom in window fractions) within `tol`,
// and returns the share of the area's width and height it spans.
inline glm::vec2 span_inside(const WindowBox& w, const glm::vec4& area, float tol = 0.0f) {
  CHECK(w.lo.x >= area.x - tol);
  CHECK(w.hi.x <= area.z + tol);
  CHECK(w.lo.y >= area.y - tol);
  CHECK(w.hi.y <= area.w + tol);
  return (w.hi - w.lo) / glm::vec2(area.z - area.x, area.w - area.y);
}

}  // namespace effleura::test
