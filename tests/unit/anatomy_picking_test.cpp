#include <doctest/doctest.h>

#include "anatomy/picking.hpp"

using namespace effleura::anatomy;

namespace {

// An axis-aligned quad facing +Z at depth z, as two triangles, with every vertex fully in `area`.
Mesh quad(const std::string& name, float z, std::optional<std::size_t> area) {
  Mesh m;
  m.name = name;
  m.layer = layer_from_name(name);
  m.positions = {{-1, -1, z}, {1, -1, z}, {1, 1, z}, {-1, 1, z}};
  m.normals.assign(4, {0, 0, 1});
  m.indices = {0, 1, 2, 0, 2, 3};
  if (area) {
    m.area_weights.assign(4, {});
    for (auto& w : m.area_weights) w[*area] = 1.0f;
  }
  return m;
}

}  // namespace

TEST_CASE("a ray through the skin names the area there and the muscle beneath it") {
  Model model;
  model.meshes.push_back(quad("muscle.soleus", 0.0f, std::nullopt));
  model.meshes.push_back(quad("skin", 0.5f, area_index("calves")));
  const auto r = pick(model, Ray{{0.2f, 0.1f, 3.0f}, {0, 0, -1}});
  REQUIRE(r.skin.has_value());
  REQUIRE(r.muscle.has_value());
  CHECK(r.skin->area == area_index("calves"));
  CHECK(r.skin->distance == doctest::Approx(2.5f));
  CHECK(r.muscle->distance == doctest::Approx(3.0f));
  CHECK(model.meshes[r.muscle->mesh].name == "muscle.soleus");
  CHECK(r.nearest->mesh == r.skin->mesh);
}

TEST_CASE("a ray that misses gives nothing, and a weak area weight names no area") {
  Model model;
  model.meshes.push_back(quad("skin", 0.0f, std::nullopt));
  model.meshes[0].area_weights.assign(4, {});
  for (auto& w : model.meshes[0].area_weights) w[2] = 0.1f;  // below the 0.3 floor
  CHECK_FALSE(pick(model, Ray{{5, 5, 3}, {0, 0, -1}}).nearest.has_value());
  const auto r = pick(model, Ray{{0, 0, 3}, {0, 0, -1}});
  REQUIRE(r.skin.has_value());
  CHECK_FALSE(r.skin->area.has_value());
}

TEST_CASE("area centres are the weighted mean of the skin's vertices") {
  Model model;
  model.meshes.push_back(quad("skin", 0.0f, std::nullopt));
  model.meshes[0].area_weights.assign(4, {});
  model.meshes[0].area_weights[1][4] = 1.0f;  // thighs: only the vertex at (1,-1)
  model.meshes[0].area_weights[2][4] = 1.0f;  // and (1,1)
  const auto centres = area_centres(model);
  REQUIRE(centres[4].has_value());
  CHECK(centres[4]->x == doctest::Approx(1.0f));
  CHECK(centres[4]->y == doctest::Approx(0.0f));
  CHECK_FALSE(centres[0].has_value());
}

TEST_CASE("mesh names read as words") {
  CHECK(display_name("muscle.gastrocnemius-medial") == "gastrocnemius medial");
  CHECK(display_name("band.it") == "it");
  CHECK(display_name("skin") == "skin");
}

TEST_CASE("an area's label anchor is its strongly weighted vertex nearest the viewer") {
  Model model;
  model.meshes.push_back(quad("skin", 0.0f, area_index("shin")));
  model.meshes[0].positions[2].z = 0.4f;  // one corner nearer a viewer on +Z
  const auto a = area_anchor(model, *area_index("shin"), {1, 1, 3});
  REQUIRE(a.has_value());
  CHECK(a->point.z == doctest::Approx(0.4f));
  CHECK(a->faces_viewer);
  const auto from_behind = area_anchor(model, *area_index("shin"), {0, 0, -3});
  REQUIRE(from_behind.has_value());
  CHECK_FALSE(from_behind->faces_viewer);
  CHECK_FALSE(area_anchor(model, *area_index("glutes"), {0, 0, 3}).has_value());
}
