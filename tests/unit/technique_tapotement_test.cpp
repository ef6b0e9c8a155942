// Tapotement on the back of the thigh: the cupped hand lands on its heel there too, up to the
// gluteal fold. Above along ~0.80 the back of the leg bulges 3-5 cm out into the buttock; when
// the thigh step's palms went up to along 0.83 the curled fingers met that bulge, the fit raised
// the hand onto them, and its heel hung up to 80 mm off the thigh (heel within 3 mm at 70 of 89
// moments down). content/techniques/tapotement.toml now stops the palms at 0.76.
#include <doctest/doctest.h>

#include <cmath>

#include "technique/hand_contact.hpp"
#include "technique_test_support.hpp"
#include "../support/sanitizer.hpp"

using namespace effleura;
using namespace effleura::technique;

TEST_CASE("tapotement on the thigh lands the heel of each cupped hand, up to the gluteal fold") {
  const Timeline tl = test::shipped_timeline("tapotement");
  const anatomy::LegSurface& surface = test::shipped_surface();
  TechniqueFrame f;
  int down = 0, heel_on = 0;
  float worst_mm = 0.0f, highest = 0.0f;
  // Every 100 ms (400 ms under the sanitizers) of the thigh step, while a hand presses.
  for (double time = 0.0; time <= tl.duration(); time += 0.1 * test::kSanitizedStride) {
    tl.evaluate(time, f);
    if (f.step != 1) continue;
    for (const HandState& hand : f.hands) {
      if (!hand.contact || hand.pressure_mmhg <= 0.0f) continue;
      const SkinSide skin = skin_under(surface, f, hand);
      const HandShape shape = build_hand(hand.transform, hand.pose, hand.hand);
      const HandPart& palm = shape.parts[0];
      // The heel: the palm's underside 5 % of its length from the wrist.
      const glm::vec3 under = glm::vec3(palm.frame[3]) - glm::vec3(palm.frame[1]) * palm.radius.y;
      const glm::vec3 heel = under + glm::vec3(palm.frame[2]) * (0.05f * palm.length);
      const float off = skin.outside(heel);
      ++down;
      if (std::abs(off) <= kTouchToleranceM) ++heel_on;
      worst_mm = std::max(worst_mm, 1000.0f * std::abs(off));
      highest = std::max(highest, heel.y);
    }
  }
  MESSAGE("tapotement thigh: heel within 3 mm at " << heel_on << " of " << down << " moments down, worst "
                                                   << worst_mm << " mm, highest heel at along " << highest);
  REQUIRE(down > 10);
  CHECK(heel_on > 0.9 * down);
  CHECK(worst_mm < 10.0f);
  // The thigh step still works up to the fold, not only the middle of the thigh.
  CHECK(highest > 0.70f);
}
