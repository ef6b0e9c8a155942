#include <doctest/doctest.h>

#include <glm/geometric.hpp>

#include "render/valve_geometry.hpp"

using namespace effleura;

TEST_CASE("shut leaflets meet in the middle of the vein, open ones lie against the wall") {
  render::ValveView v;
  v.position = {0.0f, 0.3f, 0.0f};
  v.downstream = {0.0f, 1.0f, 0.0f};
  v.radius_m = 0.003f;
  v.open = 0.0f;
  const float shut_gap = glm::length(render::leaflet_tip(v, 0) - render::leaflet_tip(v, 1));
  v.open = 1.0f;
  const float open_gap = glm::length(render::leaflet_tip(v, 0) - render::leaflet_tip(v, 1));
  CHECK(shut_gap < 0.4f * open_gap);
  // Open leaflets point downstream (toward the heart), so blood passes between them.
  CHECK(render::leaflet_tip(v, 0).y > v.position.y + 0.004f);
}

TEST_CASE("each valve adds two double-sided leaflets, leaky ones in amber") {
  render::ValveView v;
  v.incompetent = true;
  std::vector<render::ColouredVertex> out;
  render::append_valves({v, render::ValveView{}}, out);
  CHECK(out.size() == 2 * 2 * 6);
  CHECK(out.front().colour.x > out.front().colour.z + 0.5f);
}
