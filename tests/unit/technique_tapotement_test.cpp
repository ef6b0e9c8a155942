// Tapotement on the back of the thigh: the cupped hand lands on its heel there too, up to the
// gluteal fold. Above along ~0.80 the back of the leg bulges 3-5 cm out into the buttock; when
// the thigh step's palms went up to along 0.83 the curled fingers met that bulge, the fit raised
// the hand onto them, and its heel hung up to 80 mm off the thigh (heel within 3 mm at 70 of 89
// moments down). content/techniques/tapotement.toml now stops the palms at 0.76.
#include <doctest/doctest.h>

#include <algorithm>
#include <array>
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

namespace {

// The lowest point of a hand over the skin it taps (dented as at rest, as the fit sees it): the
// least clearance of any capsule of the hand, at its ends and middle.
float lowest_over_skin(const SkinSide& skin, const HandState& hand) {
  float least = 1.0f;
  for (const Capsule& c : hand_capsules(build_hand(hand.transform, hand.pose, hand.hand)))
    for (const glm::vec3& p : {c.a, 0.5f * (c.a + c.b), c.b})
      if (skin.covers(p)) least = std::min(least, skin.outside(p) - c.radius);
  return least;
}

}  // namespace

// Tapotement's blow, as a student watching at 0.25x should read it: each cupped hand leaves
// the skin by 2-4 cm (its lowest point, not its palm: the cupped hand tips onto its heel, so the
// heel and the fingertips hang below the palm), comes down and lands. Per blow, the highest its
// lowest point rises over the skin; blows where the rhythm fades in or out (0.2 s at the ends of
// a run on the skin, timeline.cpp) are left out. Every 10 ms (40 ms under the sanitizers) of a
// 3 Hz tap with duty 0.3: the hand is in the air ~230 ms a blow.
TEST_CASE("tapotement: each blow lifts the cupped hand 2-4 cm clear of the skin and brings it down") {
  const Technique& t = test::shipped_technique("tapotement");
  const Timeline tl = test::shipped_timeline("tapotement");
  const anatomy::LegSurface& surface = test::shipped_surface();
  TechniqueFrame f;
  std::array<bool, 2> in_air{false, false};
  std::array<float, 2> top{0.0f, 0.0f};
  std::array<double, 2> left_at{0.0, 0.0};
  int blows = 0, in_range = 0, landed = 0;
  float lowest_top = 1.0f, highest_top = 0.0f;
  for (double time = 0.0; time <= tl.duration(); time += 0.01 * test::kSanitizedStride) {
    tl.evaluate(time, f);
    const Step& step = t.steps[f.step];
    const double tc = std::fmod(time - tl.step_start(f.step), static_cast<double>(step.duration));
    for (std::size_t h = 0; h < 2; ++h) {
      const HandState& hand = f.hands[h];
      // The stroke is on the skin (it presses: the untapped envelope's dent) while the rhythm
      // lifts and drops the hand.
      if (hand.indentation_m <= 0.0f) {
        in_air[h] = false;
        continue;
      }
      const float low = lowest_over_skin(skin_under(surface, f, hand), hand);
      if (!hand.contact) {
        if (!in_air[h]) top[h] = 0.0f, left_at[h] = tc;
        in_air[h] = true;
        top[h] = std::max(top[h], low);
        continue;
      }
      if (in_air[h]) {
        // A blow ends as the hand lands. Full height only a fade and a tap period away from
        // where the run on the skin begins and ends (the keys at 1.0 and 4.6 s).
        const double margin = 0.2 + 1.0 / static_cast<double>(step.oscillation.frequency_hz);
        if (left_at[h] > 1.0 + margin && tc < 4.6 - margin) {
          ++blows;
          if (top[h] >= 0.020f && top[h] <= 0.040f) ++in_range;
          if (low <= kTouchToleranceM) ++landed;
          lowest_top = std::min(lowest_top, top[h]);
          highest_top = std::max(highest_top, top[h]);
        }
      }
      in_air[h] = false;
    }
  }
  MESSAGE("tapotement: " << blows << " blows, " << in_range << " with the hand's lowest point 20-40 mm over the skin at the top (least "
                         << lowest_top * 1000.0f << ", most " << highest_top * 1000.0f << " mm), " << landed
                         << " landing within 3 mm");
  REQUIRE(blows > 20);
  CHECK(in_range == blows);
  CHECK(landed == blows);
}
