#include "../support/test_paths.hpp"
#include <doctest/doctest.h>

#include <cmath>
#include <string>

#include "anatomy/area_content.hpp"

using namespace effleura;
using namespace effleura::anatomy;

namespace {

// A minimal valid file: all nine areas, each a band 0.1 m high all round the leg.
std::string valid_text(const std::string& replace_from = {}, const std::string& replace_to = {}) {
  std::string t =
      "reference_stature = 1.75\n"
      "[centreline]\n"
      "points = [[0.0, 0.0, 0.0], [0.0, 1.0, 0.0]]\n";
  for (std::size_t i = 0; i < kAreaCount; ++i) {
    const float lo = 0.1f * static_cast<float>(i);
    t += "[[area]]\nid = \"" + std::string(kAreaIds[i]) + "\"\nname = \"N\"\ndescription = \"D\"\n"
         "muscles = []\npressure = \"light\"\npressure_mmhg = [5, 15]\ncautions = [\"C\"]\n"
         "[area.region]\nalong = [" + std::to_string(lo) + ", " + std::to_string(lo + 0.1f) + "]\n"
         "around = [0, 360]\nfalloff_along = 0.02\n";
  }
  if (!replace_from.empty()) {
    const auto at = t.find(replace_from);
    REQUIRE(at != std::string::npos);
    t.replace(at, replace_from.size(), replace_to);
  }
  return t;
}

int line_of(const std::string& text, const std::string& needle) {
  const auto at = text.find(needle);
  int line = 1;
  for (std::size_t i = 0; i < at && i < text.size(); ++i) line += text[i] == '\n' ? 1 : 0;
  return line;
}

}  // namespace

TEST_CASE("content/areas.toml describes all nine areas with their pressures and cautions") {
  auto c = load_area_content(EFFLEURA_SOURCE_DIR + "/content/areas.toml");
  REQUIRE_MESSAGE(c.has_value(), c.error().describe());
  for (std::size_t i = 0; i < kAreaCount; ++i) {
    const AreaInfo& a = c->areas[i];
    CHECK(a.id == kAreaIds[i]);
    CHECK_FALSE(a.name.empty());
    CHECK(a.description.size() > 40);
    CHECK_FALSE(a.cautions.empty());
    CHECK(a.pressure_mmhg_min < a.pressure_mmhg_max);
  }
  // subject.md: behind the knee, light pressure only.
  const AreaInfo& popliteal = c->areas[*area_index("popliteal")];
  CHECK(popliteal.pressure == Pressure::light);
  for (const auto& a : c->areas)
    if (a.id != "popliteal") CHECK(popliteal.pressure_mmhg_max <= a.pressure_mmhg_max);
  CHECK(c->areas[*area_index("calves")].muscles.size() >= 3);
}

TEST_CASE("region weights are soft at the edges and zero far away") {
  auto c = parse_area_content(valid_text(), "a.toml");
  REQUIRE_MESSAGE(c.has_value(), c.error().describe());
  const std::size_t shin = *area_index("shin");  // band [0.3, 0.4], falloff 0.02
  CHECK(c->weight(shin, {0.05f, 0.35f, 0.0f}, 1.75f) == doctest::Approx(1.0f));
  CHECK(c->weight(shin, {0.05f, 0.40f, 0.0f}, 1.75f) == doctest::Approx(0.5f));
  CHECK(c->weight(shin, {0.05f, 0.405f, 0.0f}, 1.75f) > 0.0f);
  CHECK(c->weight(shin, {0.05f, 0.42f, 0.0f}, 1.75f) == doctest::Approx(0.0f));
  // A shorter person: the same band sits lower.
  CHECK(c->weight(shin, {0.05f, 0.35f * 1.5f / 1.75f, 0.0f}, 1.5f) == doctest::Approx(1.0f));
}

TEST_CASE("angular sectors wrap through the front of the leg") {
  auto c = parse_area_content(valid_text("around = [0, 360]\nfalloff_along = 0.02\n[[area]]\nid = \"thighs\"",
                                         "around = [300, 420]\nfalloff_around = 10\nfalloff_along = 0.02\n[[area]]\nid = \"thighs\""),
                              "a.toml");
  REQUIRE_MESSAGE(c.has_value(), c.error().describe());
  const std::size_t shin = *area_index("shin");
  CHECK(c->weight(shin, {0.0f, 0.35f, 0.1f}, 1.75f) == doctest::Approx(1.0f));   // front (0 deg)
  CHECK(c->weight(shin, {-0.1f, 0.35f, 0.1f}, 1.75f) == doctest::Approx(1.0f));  // 315 deg
  CHECK(c->weight(shin, {0.1f, 0.35f, 0.0f}, 1.75f) == doctest::Approx(0.0f));   // 90 deg
  CHECK(c->weight(shin, {0.0f, 0.35f, -0.1f}, 1.75f) == doctest::Approx(0.0f));  // back
}

TEST_CASE("a diamond region fades from its middle to the middles of its box's sides") {
  const std::string after = "[[area]]\nid = \"hamstrings\"";
  auto c = parse_area_content(valid_text("around = [0, 360]\nfalloff_along = 0.02\n" + after,
                                         "shape = \"diamond\"\naround = [135, 225]\nfalloff_along = 0.02\n" + after),
                              "a.toml");
  REQUIRE_MESSAGE(c.has_value(), c.error().describe());
  const std::size_t pop = *area_index("popliteal");  // band [0.5, 0.6], sector 135-225 degrees
  // A point 10 cm from the (vertical) centreline at `deg` around it and height y.
  auto at = [&](float deg, float y) {
    const float a = deg * 3.14159265f / 180.0f;
    return c->weight(pop, {0.1f * std::sin(a), y, 0.1f * std::cos(a)}, 1.75f);
  };
  CHECK(at(180.0f, 0.55f) == doctest::Approx(1.0f));   // the middle
  CHECK(at(180.0f, 0.60f) == doctest::Approx(0.5f));   // upper corner: on the edge
  CHECK(at(135.0f, 0.55f) == doctest::Approx(0.5f));   // side corner
  CHECK(at(225.0f, 0.60f) == doctest::Approx(0.0f));   // the box's corner lies outside
  CHECK(at(135.0f, 0.50f) == doctest::Approx(0.0f));
  // Halfway up, the diamond is half as wide: straight edges, not a box.
  CHECK(at(202.5f, 0.575f) == doctest::Approx(0.5f).epsilon(0.01));
  CHECK(at(202.5f, 0.55f) == doctest::Approx(1.0f));
  CHECK(at(202.5f, 0.59f) < 0.2f);
  // The front of the leg is far from a diamond at the back.
  CHECK(at(0.0f, 0.55f) == doctest::Approx(0.0f));

  SUBCASE("a diamond all round the leg is refused") {
    const std::string t = valid_text("around = [0, 360]\nfalloff_along = 0.02\n" + after,
                                     "shape = \"diamond\"\naround = [0, 360]\nfalloff_along = 0.02\n" + after);
    auto bad = parse_area_content(t, "a.toml");
    REQUIRE_FALSE(bad.has_value());
    CHECK(bad.error().key == "area[5].region.around");
  }
  SUBCASE("an unknown shape names the ones allowed") {
    const std::string t = valid_text("around = [0, 360]\nfalloff_along = 0.02\n" + after,
                                     "shape = \"oval\"\naround = [135, 225]\nfalloff_along = 0.02\n" + after);
    auto bad = parse_area_content(t, "a.toml");
    REQUIRE_FALSE(bad.has_value());
    CHECK(bad.error().key == "area[5].region.shape");
    CHECK(bad.error().message.find("diamond") != std::string::npos);
  }
}

TEST_CASE("malformed areas files fail with file:line:column and key") {
  SUBCASE("unknown area id") {
    const std::string t = valid_text("id = \"calves\"", "id = \"calfs\"");
    auto c = parse_area_content(t, "a.toml");
    REQUIRE_FALSE(c.has_value());
    CHECK(c.error().file == "a.toml");
    CHECK(c.error().line == line_of(t, "calfs"));
    CHECK(c.error().key == "area[2].id");
    CHECK(c.error().message.find("popliteal") != std::string::npos);  // lists the allowed ids
  }
  SUBCASE("pressure word not known") {
    const std::string t = valid_text("pressure = \"light\"", "pressure = \"deep\"");
    auto c = parse_area_content(t, "a.toml");
    REQUIRE_FALSE(c.has_value());
    CHECK(c.error().line == line_of(t, "\"deep\""));
    CHECK(c.error().message.find("light, medium, firm") != std::string::npos);
  }
  SUBCASE("a typo in a key") {
    const std::string t = valid_text("cautions = [", "cautons = [");
    auto c = parse_area_content(t, "a.toml");
    REQUIRE_FALSE(c.has_value());
    CHECK(c.error().key == "area[0].cautons");
    CHECK(c.error().line == line_of(t, "cautons"));
  }
  SUBCASE("an area described twice (and so another missing)") {
    const std::string t = valid_text("id = \"shin\"", "id = \"feet\"");
    auto c = parse_area_content(t, "a.toml");
    REQUIRE_FALSE(c.has_value());
    CHECK(c.error().message.find("twice") != std::string::npos);
    CHECK(c.error().line == line_of(t, "id = \"feet\"\nname = \"N\"\ndescription = \"D\"\nmuscles = []\npressure = \"light\"\npressure_mmhg = [5, 15]\ncautions = [\"C\"]\n[area.region]\nalong = [0.3"));
  }
  SUBCASE("an area missing") {
    std::string t = valid_text();
    t = t.substr(0, t.rfind("[[area]]"));
    auto c = parse_area_content(t, "a.toml");
    REQUIRE_FALSE(c.has_value());
    CHECK(c.error().message.find("glutes") != std::string::npos);
  }
  SUBCASE("an inverted pressure range") {
    const std::string t = valid_text("pressure_mmhg = [5, 15]", "pressure_mmhg = [15, 5]");
    auto c = parse_area_content(t, "a.toml");
    REQUIRE_FALSE(c.has_value());
    CHECK(c.error().key == "area[0].pressure_mmhg");
  }
  SUBCASE("a region without a height band") {
    const std::string t = valid_text("along = [0.000000, 0.100000]\n", "");
    auto c = parse_area_content(t, "a.toml");
    REQUIRE_FALSE(c.has_value());
    CHECK(c.error().key == "area[0].region.along");
  }
  SUBCASE("a missing file") {
    auto c = load_area_content("/nonexistent/areas.toml");
    REQUIRE_FALSE(c.has_value());
    CHECK(c.error().file == "/nonexistent/areas.toml");
  }
}
