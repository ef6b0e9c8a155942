// Sitting, ankle pumps are worked from in front (sitting_stance = "front"): the sole hand lies end
// for end, its fingers toward the heel (technique/timeline.cpp). How much of that hand lies on the
// sole: the share of its touching surface (its pose's palm and pads) within 3 mm of the sole while
// it presses, as --hand-report counts it (technique/hand_contact.cpp).
#include <doctest/doctest.h>

#include "technique/hand_contact.hpp"
#include "technique/hand_rig.hpp"
#include "technique_test_support.hpp"
#include "../support/sanitizer.hpp"

using namespace effleura;
using namespace effleura::technique;

TEST_CASE("sitting, ankle pumps' sole hand turned end for end lies on the sole") {
  // Session 27 turned the hand end for end but kept its keyed place across the sole (v 0.3, the
  // outer half, chosen lying so its forearm does not hide the heel hand): its fingers, now toward
  // the heel, where the sole narrows, ran off the outer edge, and the share fell from 0.43 (lying
  // as keyed, fingers toward the toes) to 0.29 (Release, every 40 ms). On the sole's middle line
  // the whole hand lies on it: 0.43.
  constexpr double kLeastShare = 0.40;
  const anatomy::LegSurface& surface = test::shipped_surface();
  Timeline tl(test::shipped_technique("ankle-pumps"), test::real_poses(), surface);
  tl.set_client_sitting(true);
  TechniqueFrame f;
  double sum = 0.0;
  int n = 0;
  for (double s = 0.0; s <= tl.duration(); s += 0.04 * test::kSanitizedStride) {
    tl.evaluate(s, f);
    for (const HandState& hand : f.hands) {
      if (!hand.on_sole || !hand.contact || hand.pressure_mmhg <= 0.0f) continue;
      const HandSitting sitting = measure_sitting(skin_under(surface, f, hand), build_hand(hand.transform, hand.pose, hand.hand), hand.pose);
      REQUIRE(sitting.intended > 0);
      sum += static_cast<double>(sitting.touching) / sitting.intended;
      ++n;
    }
  }
  REQUIRE(n > 100 / test::kSanitizedStride);
  MESSAGE("sitting, ankle pumps: the sole hand's touching share " << sum / n << " over " << n << " moments");
  CHECK(sum / n >= kLeastShare);
}
