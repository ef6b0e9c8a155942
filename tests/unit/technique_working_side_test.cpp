// working_side: which side of the leg a step works, which decides whether the client lies
// prone or supine while it plays.
#include <doctest/doctest.h>

#include <string>

#include "anatomy/leg_surface.hpp"
#include "technique/working_side.hpp"
#include "technique_test_support.hpp"

using namespace effleura;
using namespace effleura::technique;

namespace {

std::vector<WorkingSide> sides_of(const char* id) {
  static const anatomy::AnalyticLegSurface leg;
  const Technique* t = test::real_library().find(id);
  REQUIRE(t != nullptr);
  const Timeline tl(*t, test::real_poses(), leg);
  return step_sides(tl);
}

std::string describe(const std::vector<WorkingSide>& sides) {
  std::string s;
  for (auto side : sides) s += side == WorkingSide::back ? "B" : side == WorkingSide::front ? "F" : "-";
  return s;
}

}  // namespace

TEST_CASE("effleurage strokes the back of the leg first, then the front") {
  const auto sides = sides_of("effleurage");
  CAPTURE(describe(sides));
  REQUIRE(sides.size() >= 2);
  CHECK(sides[0] == WorkingSide::back);
  CHECK(sides[1] == WorkingSide::front);
}

TEST_CASE("calf squeezes work the back of the calf, every technique gets one side per step") {
  const auto calf = sides_of("calf-squeezes");
  CAPTURE(describe(calf));
  CHECK(std::count(calf.begin(), calf.end(), WorkingSide::back) >= 1);
  CHECK(std::count(calf.begin(), calf.end(), WorkingSide::front) == 0);
  for (const auto& t : test::real_library().all()) {
    const auto sides = sides_of(t.id.c_str());
    CAPTURE(t.id);
    CAPTURE(describe(sides));
    CHECK(sides.size() == t.steps.size());
  }
}
