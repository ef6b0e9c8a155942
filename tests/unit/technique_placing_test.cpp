// A hand lifted and placed (petrissage's move to the front of the thigh) arrives ready to grip:
// its thumb curls toward the skin with the fingers instead of standing out from the hand. Before
// the relaxed thumb was softly curled and half opposed (timeline.cpp kLiftedThumb), a lifted
// gripping thumb straightened beside the index (0/5/5 degrees, opposed 20): from the step's
// camera it pointed up in the air at the other hand as the lower hand came down (session 14's
// final window at 27.9 s), its tip up to 39 mm further from the skin than the palm's middle.
#include <doctest/doctest.h>

#include <algorithm>

#include "technique/hand_contact.hpp"
#include "technique_test_support.hpp"
#include "../support/sanitizer.hpp"

using namespace effleura;
using namespace effleura::technique;

TEST_CASE("placing: a lifted kneading hand's thumb curls toward the skin, not up in the air") {
  const Timeline tl = test::shipped_timeline("petrissage");
  constexpr std::size_t kTurnOver = 3;  // step 4, "Move round to the front of the thigh"
  REQUIRE(tl.step_count() > kTurnOver);
  const double dt = 0.02 * test::kSanitizedStride;
  TechniqueFrame f;
  int lifted = 0;
  float worst = -1.0f;  // thumb tip's distance from the skin less the palm middle's (m)
  for (double time = tl.step_start(kTurnOver); time < tl.step_end(kTurnOver); time += dt) {
    tl.evaluate(time, f);
    for (const HandState& hand : f.hands) {
      if (hand.contact) continue;
      const SkinSide skin = skin_under(test::shipped_surface(), f, hand);
      const HandShape shape = build_hand(hand.transform, hand.pose, hand.hand);
      const float palm = skin.outside(glm::vec3(shape.parts[0].frame[3]));
      const float thumb = skin.outside(shape.parts[hand_part(0, 2)].tip);
      worst = std::max(worst, thumb - palm);
      ++lifted;
    }
  }
  REQUIRE(lifted > 0);
  MESSAGE("petrissage turn-over: of " << lifted << " lifted hand moments, the thumb tip at most " << 1000.0f * worst
                                      << " mm further from the skin than the palm's middle");
  // Measured -3.8 mm (every 20 ms); the straight thumb reached +38.7 mm (every 20 ms).
  CHECK(worst <= 0.0f);
}
