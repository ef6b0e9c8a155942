// working_region: the box the camera frames for a technique, from where its hands go.
#include <doctest/doctest.h>

#include "anatomy/leg_surface.hpp"
#include "core/frame.hpp"
#include "technique/working_region.hpp"
#include "technique_test_support.hpp"

using namespace effleura;
using namespace effleura::technique;
using effleura::frame::kAnkleCentre;
using effleura::frame::kKneeCentre;

namespace {

const anatomy::AnalyticLegSurface& leg() {
  static const anatomy::AnalyticLegSurface surface;
  return surface;
}

anatomy::Bounds region_of(const char* id) {
  const Technique* t = test::real_library().find(id);
  REQUIRE(t != nullptr);
  const Timeline tl(*t, test::real_poses(), leg());
  return working_region(tl);
}

}  // namespace

TEST_CASE("calf squeezes work between the ankle and the knee, effleurage spans most of the leg") {
  const anatomy::Bounds calf = region_of("calf-squeezes");
  // The hands stay on the lower leg (fingertips may reach a little past the knee).
  CHECK(calf.min.y > kAnkleCentre.y);
  CHECK(calf.max.y < kKneeCentre.y + 0.2f);
  const anatomy::Bounds long_strokes = region_of("effleurage");
  // Long strokes run from low on the leg to the thigh: a much taller box.
  CHECK(long_strokes.size().y > calf.size().y + 0.2f);
  CHECK(long_strokes.max.y > kKneeCentre.y + 0.1f);
}

TEST_CASE("toe taps and ankle pumps work at the foot") {
  for (const char* id : {"toe-taps", "ankle-pumps"}) {
    const anatomy::Bounds foot = region_of(id);
    CAPTURE(id);
    CHECK(foot.min.y < kAnkleCentre.y + 0.05f);
    CHECK(foot.max.y < kKneeCentre.y);
  }
}

TEST_CASE("the region holds every sampled palm, with at least two samples") {
  const Technique* t = test::real_library().find("petrissage");
  REQUIRE(t != nullptr);
  const Timeline tl(*t, test::real_poses(), leg());
  const anatomy::Bounds box = working_region(tl, 1);  // clamped to start and end
  for (double time : {0.0, tl.duration()}) {
    const TechniqueFrame f = tl.evaluate(time);
    for (const HandState& h : f.hands) {
      const glm::vec3 palm(h.transform[3]);
      for (int i = 0; i < 3; ++i) {
        CHECK(palm[i] >= box.min[i] - 1e-5f);
        CHECK(palm[i] <= box.max[i] + 1e-5f);
      }
    }
  }
}
