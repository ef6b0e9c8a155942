#include <doctest/doctest.h>

#include "anatomy/area_mapping.hpp"

using namespace effleura;
using namespace effleura::anatomy;

namespace {

Model two_mesh_model() {
  Model m;
  m.source = "foreign.obj";
  for (const char* name : {"LowerLeg", "UpperLeg"}) {
    Mesh mesh;
    mesh.name = name;
    mesh.positions = {{0, 0, 0}, {1, 0, 0}, {0, 1, 0}};
    mesh.normals = {{0, 0, 1}, {0, 0, 1}, {0, 0, 1}};
    mesh.indices = {0, 1, 2};
    m.meshes.push_back(mesh);
  }
  return m;
}

}  // namespace

TEST_CASE("a mapping gives mapped meshes full weight in their areas") {
  auto map = parse_area_mapping("[meshes]\nLowerLeg = [\"calves\", \"shin\"]\nUpperLeg = \"thighs\"\n", "m.toml");
  REQUIRE_MESSAGE(map.has_value(), map.error().describe());
  Model model = two_mesh_model();
  REQUIRE(apply_area_mapping(*map, model).has_value());
  const Mesh& lower = *model.find("LowerLeg");
  REQUIRE(lower.area_weights.size() == 3);
  CHECK(lower.area_weights[0][*area_index("calves")] == 1.0f);
  CHECK(lower.area_weights[2][*area_index("shin")] == 1.0f);
  CHECK(lower.area_weights[1][*area_index("thighs")] == 0.0f);
  CHECK(model.find("UpperLeg")->area_weights[0][*area_index("thighs")] == 1.0f);
}

TEST_CASE("a mapping that names a mesh the model lacks fails and changes nothing") {
  const std::string text = "[meshes]\nLowerLeg = \"calves\"\n\"Foot_R\" = \"feet\"\n";
  auto map = parse_area_mapping(text, "map.toml");
  REQUIRE(map.has_value());
  Model model = two_mesh_model();
  auto r = apply_area_mapping(*map, model);
  REQUIRE_FALSE(r.has_value());
  CHECK(r.error().file == "map.toml");
  CHECK(r.error().line == 3);
  CHECK(r.error().key == "meshes.Foot_R");
  CHECK(r.error().message.find("\"Foot_R\"") != std::string::npos);
  CHECK(r.error().message.find("foreign.obj") != std::string::npos);
  CHECK(model.find("LowerLeg")->area_weights.empty());
}

TEST_CASE("malformed mappings fail with line, column and key") {
  SUBCASE("unknown area") {
    auto m = parse_area_mapping("[meshes]\nLowerLeg = [\"calves\", \"knee\"]\n", "m.toml");
    REQUIRE_FALSE(m.has_value());
    CHECK(m.error().line == 2);
    CHECK(m.error().column > 20);  // at "knee", not at the start of the line
    CHECK(m.error().key == "meshes.LowerLeg");
    CHECK(m.error().message.find("it-band") != std::string::npos);
  }
  SUBCASE("not a string") {
    auto m = parse_area_mapping("[meshes]\nLowerLeg = 3\n", "m.toml");
    REQUIRE_FALSE(m.has_value());
    CHECK(m.error().line == 2);
  }
  SUBCASE("no [meshes] table") {
    auto m = parse_area_mapping("[mesh]\nLowerLeg = \"calves\"\n", "m.toml");
    REQUIRE_FALSE(m.has_value());
    CHECK(m.error().key == "mesh");
  }
  SUBCASE("empty table") {
    auto m = parse_area_mapping("[meshes]\n", "m.toml");
    REQUIRE_FALSE(m.has_value());
    CHECK(m.error().key == "meshes");
  }
  SUBCASE("missing file") {
    auto m = load_area_mapping("/nonexistent/map.toml");
    REQUIRE_FALSE(m.has_value());
    CHECK(m.error().file == "/nonexistent/map.toml");
  }
}
