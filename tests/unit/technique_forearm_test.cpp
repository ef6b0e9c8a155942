// place_forearms: where the therapist's forearms go, for every moment of every technique. The
// elbow trails the wrist, rises off the skin, and the forearm never passes through the leg.
#include <doctest/doctest.h>

#include <algorithm>

#include <glm/geometric.hpp>
#include <glm/matrix.hpp>

#include "anatomy/leg_surface.hpp"
#include "technique/forearm.hpp"
#include "technique/timeline.hpp"
#include "technique_test_support.hpp"

using namespace effleura;
using namespace effleura::technique;

namespace {

const anatomy::LegSurface& leg() {
  if (const auto* a = test::leg_asset(); a && a->surface) return *a->surface;
  static const anatomy::AnalyticLegSurface surface;
  return surface;
}

}  // namespace

TEST_CASE("at the bind pose the forearm frame is the wrist, straight on, for either hand") {
  for (Hand h : {Hand::left, Hand::right}) {
    const glm::mat4 b = forearm_bind(h);
    CHECK(glm::length(glm::vec3(b[3]) - kWristInPalm) < 1e-6f);
    CHECK(glm::determinant(glm::mat3(b)) == doctest::Approx(1.0f).epsilon(1e-5));
    CHECK(glm::dot(glm::vec3(b[2]), glm::vec3(0, 0, 1)) == doctest::Approx(1.0f).epsilon(1e-5));
  }
}

TEST_CASE("a palm flat on a table: the elbows trail the wrists, up off the skin, toward one torso") {
  // Palms down on the floor plane, fingers along +Z, the hands 10 cm apart.
  std::array<glm::mat4, 2> palms{glm::mat4(1.0f), glm::mat4(1.0f)};
  palms[0][3] = glm::vec4(-0.05f, 0.0f, 0.0f, 1.0f);
  palms[1][3] = glm::vec4(0.05f, 0.0f, 0.0f, 1.0f);
  const auto arms = place_forearms(palms);
  for (const Forearm& a : arms) {
    const glm::vec3 d = a.elbow - a.wrist;
    CHECK(glm::length(d) == doctest::Approx(kForearmLength).epsilon(1e-3));
    CHECK(d.y > 0.3f * kForearmLength);   // up off the skin
    CHECK(d.z < -0.3f * kForearmLength);  // behind the wrist
    CHECK(glm::determinant(glm::mat3(a.frame)) == doctest::Approx(1.0f).epsilon(1e-4));
  }
  // Both lean toward the same torso between them: the elbows are no further apart than the hands.
  CHECK(glm::distance(arms[0].elbow, arms[1].elbow) <= glm::distance(arms[0].wrist, arms[1].wrist) + 1e-4f);
}

TEST_CASE("in every technique the forearms stay out of the leg and rise off it") {
  const anatomy::LegSurface& surface = leg();
  for (const Technique& t : test::real_library().all()) {
    CAPTURE(t.id);
    const Timeline tl(t, test::real_poses(), surface);
    TechniqueFrame f;
    float worst = 1.0f;
    int low_wrists = 0, samples = 0;
    for (double s = 0.0; s <= tl.duration(); s += 0.1) {
      tl.evaluate(s, f);
      const auto arms = place_forearms({f.hands[0].transform, f.hands[1].transform}, &surface);
      for (std::size_t h = 0; h < 2; ++h) {
        const Forearm& a = arms[h];
        ++samples;
        const glm::vec3 back(f.hands[h].transform[1]);
        if (glm::dot(a.elbow - a.wrist, back) < 0.25f * kForearmLength) ++low_wrists;
        for (int k = 2; k <= 6; ++k) {
          // From a third of the way up: the wrist end sits just above the skin by design.
          const glm::vec3 p = a.wrist + (a.elbow - a.wrist) * (static_cast<float>(k) / 6.0f);
          if (p.y > surface.min_along()) worst = std::min(worst, surface.radial_outside(p));
        }
      }
    }
    // The forearm's axis keeps at least its own radius (~3 cm) clear of the skin.
    CHECK(worst > 0.025f);
    CHECK(low_wrists == 0);
    CHECK(samples > 0);
  }
}
