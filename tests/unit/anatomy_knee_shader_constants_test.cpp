// The knee bend is computed twice: in C++ (anatomy::bend_knee, which the hands, picking, the
// flow model and these tests use) and in the three vertex shaders that draw the bent leg
// (shaders/model.vert, coloured.vert, particles.vert). Their copies of the reach behind the knee
// (anatomy::knee_reach) are #defines: a value changed on one side only would draw the leg
// somewhere the hands and the hover do not think it is. Read from the shader files as shipped.
#include "../support/test_paths.hpp"
#include <doctest/doctest.h>

#include <fstream>
#include <optional>
#include <sstream>
#include <string>

#include "anatomy/client_pose.hpp"
#include "anatomy/client_pose_bends.hpp"

using namespace effleura;

namespace {

// The value of `#define name value` in the shader `file`, or nullopt when it has none.
std::optional<double> shader_define(const std::string& file, const std::string& name) {
  std::ifstream in(std::string(EFFLEURA_SOURCE_DIR) + "/shaders/" + file);
  REQUIRE_MESSAGE(in.good(), "cannot read shaders/" << file);
  std::string line;
  while (std::getline(in, line)) {
    std::istringstream words(line);
    std::string define, key;
    double value = 0.0;
    if (words >> define >> key >> value && define == "#define" && key == name) return value;
  }
  return std::nullopt;
}

}  // namespace

TEST_CASE("the three vertex shaders bend the knee with the C++ bend's reach") {
  for (const char* file : {"model.vert", "coloured.vert", "particles.vert"}) {
    CAPTURE(file);
    const auto mid = shader_define(file, "KNEE_REACH_MID");
    const auto side = shader_define(file, "KNEE_REACH_SIDE");
    const auto half = shader_define(file, "KNEE_REACH_HALF");
    REQUIRE(mid.has_value());
    REQUIRE(side.has_value());
    REQUIRE(half.has_value());
    CHECK(*mid == doctest::Approx(anatomy::kKneeReachMid).epsilon(1e-6));
    CHECK(*side == doctest::Approx(anatomy::kKneeReachSide).epsilon(1e-6));
    CHECK(*half == doctest::Approx(anatomy::kKneeReachHalf).epsilon(1e-6));
  }
  // The blend zone's half height: until session 27 named in model.vert only, a bare 0.06 (and
  // its double, 0.12) in the other two, so widening the blend in C++ and model.vert alone would
  // have left the trails, valves and particles bending over the old zone.
  for (const char* file : {"model.vert", "coloured.vert", "particles.vert"}) {
    CAPTURE(file);
    const auto blend = shader_define(file, "KNEE_BLEND");
    REQUIRE(blend.has_value());
    CHECK(*blend == doctest::Approx(anatomy::kKneeBlend).epsilon(1e-6));
  }
}

TEST_CASE("the knee's reach follows its outline: deepest mid-back, shallow at the side walls, smooth") {
  // Flat at the centre and past the sides (no crease in the shading where it meets them).
  CHECK(anatomy::knee_reach(0.0f).reach == doctest::Approx(anatomy::kKneeReachMid));
  CHECK(anatomy::knee_reach(0.0f).slope == doctest::Approx(0.0f));
  CHECK(anatomy::knee_reach(anatomy::kKneeReachHalf).reach == doctest::Approx(anatomy::kKneeReachSide));
  CHECK(anatomy::knee_reach(anatomy::kKneeReachHalf + 0.01f).slope == doctest::Approx(0.0f));
  // Symmetric (the other leg's outside is at -x), and the slope is the reach's derivative.
  for (float dx : {-0.07f, -0.05f, -0.02f, 0.01f, 0.04f, 0.06f}) {
    CAPTURE(dx);
    CHECK(anatomy::knee_reach(dx).reach == doctest::Approx(anatomy::knee_reach(-dx).reach));
    constexpr float h = 1e-4f;
    const float numeric = (anatomy::knee_reach(dx + h).reach - anatomy::knee_reach(dx - h).reach) / (2.0f * h);
    CHECK(anatomy::knee_reach(dx).slope == doctest::Approx(numeric).epsilon(0.01));
  }
}
