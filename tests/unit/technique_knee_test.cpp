// A technique's step may bend the massaged knee (content: knee = [{ t, angle }], as the ankle's
// keyframes): parsed, blended over the cycle like the ankle, and none where a step has none.
#include <doctest/doctest.h>

#include <string>

#include "anatomy/leg_surface.hpp"
#include "technique/technique_loader.hpp"
#include "technique/timeline.hpp"
#include "technique_test_support.hpp"
#include "knee_technique_text.hpp"

using namespace effleura;
using namespace effleura::technique;

TEST_CASE("knee keyframes: a step bends the knee to 90 degrees and back, blended like the ankle") {
  const Technique& t = test::knee_technique();
  REQUIRE(t.steps.size() == 2);
  REQUIRE(t.steps[0].knee.size() == 3);
  CHECK(t.steps[0].knee[1].t == doctest::Approx(1.0f));
  CHECK(t.steps[0].knee[1].angle_deg == doctest::Approx(90.0f));
  CHECK(t.steps[1].knee.empty());

  static const anatomy::AnalyticLegSurface leg;
  const Timeline tl(t, test::real_poses(), leg);
  // Step 0: 2 s, twice (0-4 s); step 1 (4-6 s) has no knee keyframes.
  REQUIRE(tl.knee_at(0.0).has_value());
  CHECK(*tl.knee_at(0.0) == doctest::Approx(0.0f).epsilon(0.001));
  CHECK(*tl.knee_at(1.0) == doctest::Approx(90.0f));
  CHECK(*tl.knee_at(3.0) == doctest::Approx(90.0f));  // the second cycle bends it again
  // Between keyframes a smooth curve, not a jump: rising through the first half second.
  const float a = *tl.knee_at(0.25), b = *tl.knee_at(0.5), c = *tl.knee_at(0.75);
  CHECK(a > 0.0f);
  CHECK(a < b);
  CHECK(b < c);
  CHECK(c < 90.0f);
  CHECK(tl.evaluate(1.0).knee_deg == tl.knee_at(1.0));
  CHECK_FALSE(tl.knee_at(5.0).has_value());
  CHECK_FALSE(tl.evaluate(5.0).knee_deg.has_value());
  // The shipped techniques ask for no bent knee yet: their frames leave the posture's own knee.
  CHECK_FALSE(test::shipped_timeline("effleurage").evaluate(3.0).knee_deg.has_value());
}
