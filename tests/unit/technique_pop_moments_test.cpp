// Finger pops session 25 left on the shipped leg (technique_skin_smoothness_test finds them
// every 20 ms over whole techniques), watched every 5 ms over a short stretch round each, so
// that each cause has a cheap case of its own. A joint of a hand on the skin that follows the
// skin under a gliding or shaking hand turns a few degrees in 5 ms; a pop turns tens at once.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "technique_test_support.hpp"

using namespace effleura;
using namespace effleura::technique;

namespace {

// The most any joint of `finger` of hand h turns between moments 5 ms apart from t0 to t1,
// the hand on the skin at each.
float worst_turn(const std::string& id, std::size_t h, std::size_t finger, double t0, double t1) {
  constexpr double kDt = 0.005;
  const Timeline tl = test::shipped_timeline(id);
  TechniqueFrame a, b;
  tl.evaluate(t0, a);
  float worst = 0.0f;
  for (double t = t0 + kDt; t <= t1 + 1e-9; t += kDt) {
    tl.evaluate(t, b);
    REQUIRE(a.hands[h].contact);
    REQUIRE(b.hands[h].contact);
    for (std::size_t j = 0; j < 3; ++j)
      worst = std::max(worst, std::abs(b.hands[h].pose.flexion[finger][j] - a.hands[h].pose.flexion[finger][j]));
    a = b;
  }
  return worst;
}

}  // namespace

TEST_CASE("vibration's right little finger curls onto the calf gradually as the shake brings it within reach") {
  // Flat on the back of the narrow lower calf (0.17 m up, 170 degrees round, fingers round the
  // leg), the right hand's fingers land their tips only curled nearly all the way (hand_fit_landing.cpp
  // pad_landing). The little finger, 58 mm over the skin in the pose's shape, landed as its
  // fully curled pad came within 6 -> 3 mm of the skin, which the 10 Hz shake did in 15 ms: it
  // curled 9 -> 40 -> 68 degrees at 1.225-1.235 s (31 degrees in 5 ms; 63.1 in 20 ms). A hook's
  // tip now lands over a wider ramp of its gap (kHookFarM).
  const float worst = worst_turn("vibration", 1, 4, 1.0, 1.3);
  MESSAGE("vibration's right little finger turned at most " << worst << " degrees in 5 ms (1.0-1.3 s)");
  CHECK(worst <= 8.0f);
}

TEST_CASE("petrissage's left thumb follows the thigh without jumping as the skin under its ball comes and goes") {
  // Landing on the front of the thigh (kneading-c, 15.5-15.7 s), the left thumb is laid on the
  // skin by fit_thumb: its ball opens until it clears the skin, then its outer joints close
  // until the pad meets it. Over 40-75 degrees of the ball's opening the gap stays within 0.6 mm
  // of the skin, and that plateau sinks 0.3 mm in 5 ms: each stage stopped at a root of its gap,
  // which jumped about 30 degrees along it, and the thumb's joints turned 40.1 degrees in 5 ms
  // at 15.58 s (47.3 in 20 ms, the smoothness test's worst). Both stops are soft first
  // crossings now (soft_crossing.hpp): 5.3 over 15.55-15.61 s. Then 21.7 at 15.61-15.62 s,
  // where the ball has opened fully and the outer joints sweep the thumb's first phalanx along
  // the skin, not toward it (its gap lay 0.4-1.6 mm inside over 90 % of the curl), so the curl's
  // stop slid from the pad's landing to mid-curl as that slope steepened (session 28). Since
  // session 29 the first phalanx of a thumb without spread counts only once 1.5 mm in
  // (kThumbSinkM): the pad stops the curl over most of it, 14.8 (9.3 from 2 mm in, but then the
  // calf step's left thumb tucked under the palm out of the step camera's sight).
  const float worst = worst_turn("petrissage", 0, 0, 15.55, 15.7);
  MESSAGE("petrissage's left thumb turned at most " << worst << " degrees in 5 ms (15.55-15.7 s)");
  CHECK(worst <= 15.0f);
}
