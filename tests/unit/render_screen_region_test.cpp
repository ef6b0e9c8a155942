// screen_rect: the pixel rectangle a world box covers, used to limit the edge filter.
#include <doctest/doctest.h>

#include <glm/ext/matrix_clip_space.hpp>
#include <glm/ext/matrix_transform.hpp>

#include "render/screen_region.hpp"

using effleura::render::screen_rect;

namespace {

// A camera 2 m in front of the origin looking at it, 90 degrees vertical field of view on a
// square viewport: the plane z = 0 spans -2..2 in x and y across the whole screen.
glm::mat4 camera() {
  const glm::mat4 view = glm::lookAt(glm::vec3(0, 0, 2), glm::vec3(0), glm::vec3(0, 1, 0));
  return glm::perspective(glm::radians(90.0f), 1.0f, 0.1f, 10.0f) * view;
}

}  // namespace

TEST_CASE("a box in the middle of the view maps to the matching pixels, with the margin") {
  // x and y from -1 to 1 at z = 0: the middle half of a 400x400 viewport, pixels 100..300.
  const auto r = screen_rect({-1, -1, 0}, {1, 1, 0}, camera(), {400, 400}, 0);
  CHECK(r == glm::ivec4(100, 100, 200, 200));
  const auto m = screen_rect({-1, -1, 0}, {1, 1, 0}, camera(), {400, 400}, 5);
  CHECK(m == glm::ivec4(95, 95, 210, 210));
}

TEST_CASE("a box nearer the camera covers more, and the rectangle is clipped to the viewport") {
  const auto near = screen_rect({-1, -1, 1}, {1, 1, 1}, camera(), {400, 400}, 0);  // 1 m away: fills it
  CHECK(near == glm::ivec4(0, 0, 400, 400));
  const auto right = screen_rect({1, -0.5f, 0}, {3, 0.5f, 0}, camera(), {400, 400}, 0);
  CHECK(right.x == 300);
  CHECK(right.x + right.z == 400);
  CHECK(right.y == 150);
  CHECK(right.w == 100);
}

TEST_CASE("a box reaching behind the eye gives the whole viewport, one off screen gives nothing") {
  CHECK(screen_rect({-1, -1, 1}, {1, 1, 3}, camera(), {640, 360}, 2) == glm::ivec4(0, 0, 640, 360));
  const auto off = screen_rect({5, 5, 0}, {6, 6, 0}, camera(), {400, 400}, 2);
  CHECK((off.z == 0 || off.w == 0));
}
