#include <doctest/doctest.h>

#include <glm/geometric.hpp>

#include "render/trail_geometry.hpp"

using namespace effleura;

namespace {
glm::vec3 axis_at(float along) { return {0.0f, along, 0.0f}; }

technique::TrailBuffer stroke(float dy) {
  technique::TrailBuffer t(3.0);
  for (int i = 0; i < 20; ++i) {
    const glm::vec3 p(0.0f, 0.3f + dy * static_cast<float>(i), 0.06f);  // front of the leg
    t.push(p, glm::vec3(0.0f, dy * 60.0f, 0.0f), 30.0f, i / 60.0);
  }
  return t;
}
}  // namespace

TEST_CASE("an upward stroke is drawn in the toward-the-heart colour, a downward one not") {
  std::vector<render::ColouredVertex> up, down;
  render::append_trail(stroke(0.004f), 20 / 60.0, up, axis_at);
  render::append_trail(stroke(-0.004f), 20 / 60.0, down, axis_at);
  REQUIRE(!up.empty());
  REQUIRE(!down.empty());
  CHECK(glm::length(glm::vec3(up[0].colour) - render::kTowardHeartColour) < 1e-5f);
  CHECK(glm::length(glm::vec3(down[0].colour) - render::kOtherStrokeColour) < 1e-5f);
  CHECK(up.size() % 3 == 0);
}

TEST_CASE("the ribbon lies on the skin: flat across the stroke, facing out from the leg") {
  std::vector<render::ColouredVertex> v;
  render::append_trail(stroke(0.004f), 20 / 60.0, v, axis_at);
  // The first quad's two near corners differ across the stroke (x), not in depth (z).
  const glm::vec3 across = v[1].position - v[0].position;
  CHECK(std::abs(across.x) > 0.015f);
  CHECK(std::abs(across.z) < 1e-4f);
}

TEST_CASE("older parts of the trail are fainter, and chevrons mark the direction") {
  std::vector<render::ColouredVertex> v;
  render::append_trail(stroke(0.004f), 20 / 60.0, v, axis_at);
  CHECK(v.front().colour.w < v[v.size() - 4].colour.w + 1e-6f);
  // 19 segments of 4 mm = 76 mm of stroke: at least two arrowheads at one per 35 mm.
  std::size_t arrows = (v.size() - 19 * 6) / 3;
  CHECK(arrows >= 2);
}

TEST_CASE("a jump between points (hand lifted and replaced) leaves a gap, not a streak") {
  technique::TrailBuffer t(3.0);
  t.push(glm::vec3(0.0f, 0.2f, 0.06f), glm::vec3(0.0f, 0.1f, 0.0f), 30.0f, 0.0);
  t.push(glm::vec3(0.0f, 0.5f, 0.06f), glm::vec3(0.0f, 0.1f, 0.0f), 30.0f, 0.02);
  std::vector<render::ColouredVertex> v;
  render::append_trail(t, 0.02, v, axis_at);
  CHECK(v.empty());
}
