#include "../support/test_paths.hpp"
#include <doctest/doctest.h>

#include "flow_test_support.hpp"

#include <filesystem>

#include <glm/geometric.hpp>

#include <algorithm>
#include <string>

#include "anatomy/leg_surface.hpp"
#include "anatomy/model_loader.hpp"
#include "anatomy/vein_network.hpp"
#include "core/frame.hpp"

using namespace effleura;
using anatomy::VeinKind;

namespace {

const anatomy::VeinNetwork& veins() { return flow_test::network(); }

float distance_to_polyline(const anatomy::Vein& v, const glm::vec3& p) {
  float best = 1e9f;
  for (std::size_t i = 1; i < v.points.size(); ++i) {
    const glm::vec3 a = v.points[i - 1], ab = v.points[i] - a;
    const float t = std::clamp(glm::dot(p - a, ab) / glm::dot(ab, ab), 0.0f, 1.0f);
    best = std::min(best, glm::distance(a + ab * t, p));
  }
  return best;
}

// Distance from the bone line ankle -> knee -> hip (core/frame.hpp) at the point's height.
float distance_to_bone_axis(const glm::vec3& p) {
  const glm::vec3 a = p.y < frame::kKneeCentre.y ? frame::kAnkleCentre : frame::kKneeCentre;
  const glm::vec3 b = p.y < frame::kKneeCentre.y ? frame::kKneeCentre : frame::kHipCentre;
  const float t = (p.y - a.y) / (b.y - a.y);
  const glm::vec3 c = a + (b - a) * t;
  return glm::distance(glm::vec3(c.x, p.y, c.z), p);
}

}  // namespace

TEST_CASE("veins.toml names every vessel issue 5 asks for") {
  const auto& net = veins();
  for (const char* id : {"common-femoral", "femoral", "deep-femoral", "popliteal", "posterior-tibial",
                         "anterior-tibial", "peroneal", "great-saphenous", "small-saphenous"})
    CHECK_MESSAGE(net.find(id) != nullptr, id);
  int perforators = 0, soleal = 0, gastrocnemius = 0, central = 0;
  for (const auto& v : net.veins) {
    if (v.kind == VeinKind::perforator) {
      ++perforators;
      CHECK(!v.inlet.empty());  // a perforator joins a superficial vein to a deep one
      CHECK(net.find(v.inlet)->kind == VeinKind::superficial);
      CHECK(net.find(v.outflow)->kind == VeinKind::deep);
    }
    if (v.kind == VeinKind::sinus && v.id.find("soleal") != std::string::npos) ++soleal;
    if (v.kind == VeinKind::sinus && v.id.find("gastrocnemius") != std::string::npos) ++gastrocnemius;
    if (v.outflow == "central") ++central;
    CHECK(v.radii_m.size() == v.points.size());
  }
  CHECK(perforators >= 3);
  CHECK(soleal >= 1);
  CHECK(gastrocnemius >= 1);
  CHECK(central == 1);
  CHECK(net.find("posterior-tibial")->paired == 2);  // tibial and peroneal veins come in pairs
  CHECK(net.find("peroneal")->paired == 2);
}

TEST_CASE("great saphenous valves follow the cadaver count: about 2.4 below the knee, 6.3 above") {
  const auto* gsv = veins().find("great-saphenous");
  REQUIRE(gsv);
  int below = 0, above = 0;
  for (double f : gsv->valves) (gsv->point_at(f).y < frame::kKneeCentre.y ? below : above)++;
  CHECK(below >= 2);
  CHECK(below <= 3);
  CHECK(above >= 5);
  CHECK(above <= 8);
}

TEST_CASE("saphenous veins run where anatomy puts them") {
  const auto& net = veins();
  const auto* gsv = net.find("great-saphenous");
  const auto* ssv = net.find("small-saphenous");
  REQUIRE(gsv);
  REQUIRE(ssv);
  const glm::vec3 ankle = frame::kAnkleCentre;
  // Great saphenous: starts in front of the medial malleolus, runs up the medial side.
  CHECK(gsv->points.front().x < ankle.x - 0.015f);
  CHECK(gsv->points.front().z > ankle.z);
  for (float y : {0.25f, 0.35f, 0.55f, 0.70f}) {
    glm::vec3 p{};
    for (std::size_t i = 1; i < gsv->points.size(); ++i)
      if (gsv->points[i - 1].y <= y && gsv->points[i].y >= y) {
        const float t = (y - gsv->points[i - 1].y) / (gsv->points[i].y - gsv->points[i - 1].y);
        p = gsv->points[i - 1] + (gsv->points[i] - gsv->points[i - 1]) * t;
      }
    const glm::vec3 axis = y < frame::kKneeCentre.y ? frame::kKneeCentre : frame::kHipCentre;
    // At least 2.5 cm to the inner side of the limb's axis (the leg is 7-12 cm across here).
    CHECK_MESSAGE(p.x < axis.x - 0.025f, "great saphenous is medial at y = " << y);
  }
  // ...and ends at the groin on the common femoral vein.
  CHECK(gsv->points.back().y > 0.82f);
  CHECK(distance_to_polyline(*net.find("common-femoral"), gsv->points.back()) < 0.015f);
  // Small saphenous: behind the lateral malleolus, up the back of the calf to the popliteal.
  CHECK(ssv->points.front().x > ankle.x + 0.01f);
  CHECK(ssv->points.front().z < ankle.z - 0.01f);
  CHECK(ssv->point_at(0.6).z < -0.04f);
  CHECK(distance_to_polyline(*net.find("popliteal"), ssv->points.back()) < 0.01f);
}

TEST_CASE("superficial veins lie just under the skin, deep veins near the bones") {
  const auto& net = veins();
  // Measured against the generated skin the student sees (assets/leg.glb), not an idealised leg:
  // the first placement passed against the analytic leg yet stood 1-2 cm out of the real one.
  auto leg = anatomy::load_model(std::filesystem::path(EFFLEURA_SOURCE_DIR) / "assets" / "leg.glb");
  REQUIRE_MESSAGE(leg.has_value(), (leg ? "" : leg.error().describe()));
  auto fitted = anatomy::MeshLegSurface::build(*leg);
  REQUIRE(fitted.has_value());
  const anatomy::LegSurface& skin = *fitted;
  for (const char* id : {"great-saphenous", "small-saphenous"}) {
    const auto* v = net.find(id);
    REQUIRE(v);
    // All but the last point, where the vein dives through the fascia to its junction.
    for (std::size_t i = 0; i + 1 < v->points.size(); ++i) {
      const float d = skin.project(v->points[i]).distance;
      CHECK_MESSAGE(d < 0.0f, id << " point " << i << " is outside the skin");
      if (v->points[i].y < 0.45f || std::string(id) == "great-saphenous")
        CHECK_MESSAGE(d > -0.012f, id << " point " << i << " is " << -d << " m deep");
    }
  }
  for (const char* id : {"posterior-tibial", "peroneal", "anterior-tibial", "popliteal", "femoral",
                         "deep-femoral"})
    for (const auto& p : net.find(id)->points)
      CHECK_MESSAGE(distance_to_bone_axis(p) < 0.06f, id << " strays from the bones at y = " << p.y);
}

TEST_CASE("vein network errors name the file, line and key") {
  const std::string good_cfv =
      "[[vein]]\nid = \"cfv\"\nkind = \"deep\"\noutflow = \"central\"\nradius_mm = 5\n"
      "points = [[0, 0.8, 0], [0, 0.9, 0]]\n";
  SUBCASE("unknown outflow lists the known ids") {
    auto r = anatomy::parse_vein_network(good_cfv +
        "[[vein]]\nid = \"gsv\"\nkind = \"superficial\"\noutflow = \"cfvv\"\nradius_mm = 2\n"
        "points = [[0, 0.1, 0], [0, 0.8, 0]]\n", "v.toml");
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().line == 10);
    CHECK(r.error().key == "vein[1].outflow");
    CHECK(r.error().message.find("cfv") != std::string::npos);
  }
  SUBCASE("a typo in a key") {
    auto r = anatomy::parse_vein_network(good_cfv + "valvs = [0.5]\n", "v.toml");
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().key == "vein[0].valvs");
  }
  SUBCASE("a point that is not x, y, z") {
    auto r = anatomy::parse_vein_network(
        "[[vein]]\nid = \"cfv\"\nkind = \"deep\"\noutflow = \"central\"\nradius_mm = 5\n"
        "points = [[0, 0.8, 0], [0, 0.9]]\n", "v.toml");
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().line == 6);
  }
  SUBCASE("outflows that loop never reach the trunk") {
    auto r = anatomy::parse_vein_network(good_cfv +
        "[[vein]]\nid = \"a\"\nkind = \"deep\"\noutflow = \"b\"\nradius_mm = 2\npoints = [[0, 0.1, 0], [0, 0.2, 0]]\n"
        "[[vein]]\nid = \"b\"\nkind = \"deep\"\noutflow = \"a\"\nradius_mm = 2\npoints = [[0, 0.2, 0], [0, 0.3, 0]]\n",
        "v.toml");
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().message.find("loop") != std::string::npos);
  }
  SUBCASE("a valve outside the vein") {
    auto r = anatomy::parse_vein_network(good_cfv + "valves = [1.5]\n", "v.toml");
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().line == 7);
  }
}
