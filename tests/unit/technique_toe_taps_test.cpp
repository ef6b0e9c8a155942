// Toe taps: one hand steadies the foot, the other's fingertips tap the sole, arch first, then the
// ball and the toes. Session 8's content laid both hands across the sole (one on the heel, one on
// the ball) and tapped with both; the fingertips barely left the skin and any placement nearer
// the arch made the hands overlap by 14-24 mm. This checks what a student should see:
//  - at each tap the tapping hand's fingertips (index, middle and ring, in a line) are on the
//    sole: the nearest within 3 mm of the dented skin, none more than 3 mm inside it, and all
//    three within 8 mm of it together;
//  - between taps they lift clear: at least 10 mm at the top of every lift (away from where
//    the rhythm fades in and out);
//  - the taps reach the arch (the middle of the sole, u 0.3-0.6) and later the toes (u > 0.75);
//  - the two hands never overlap.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "technique/hand_contact.hpp"
#include "technique_test_support.hpp"
#include "../support/sanitizer.hpp"

using namespace effleura;
using namespace effleura::technique;

namespace {

constexpr std::size_t kTapFingers[] = {1, 2, 3};  // index, middle, ring
// The three tips end level in the air (poses.toml tapping-fingers), but the measured sole rises
// toward the arch's inner edge, so on the arch the outer tips touch first. The fit closes (or, in
// the arch's hollow, reaches with) each named finger that ends in the air until its pad meets the
// sole (hand_fit_landing.cpp close_finger_pad): at a tap all three tips lie within this of each other.
// Before it, 0 of 446 taps did (the ring tip hung 9-14 mm off on the arch); with it 446 of 446,
// at every 10 ms and every 40 ms alike.
constexpr float kLevelM = 0.008f;

// Each tapping fingertip's least flesh clearance from the sole (mid and end of the last
// phalanx, less its radius): the nearest and the farthest of the three, and where the nearest
// lies along the sole (u, 0 heel .. 1 toe tip).
struct Tips {
  float nearest = std::numeric_limits<float>::max();
  float farthest = std::numeric_limits<float>::lowest();
  float u = 0.0f;
};

Tips fingertips(const anatomy::LegSurface& surface, const TechniqueFrame& f, const HandState& hand) {
  // The skin as dented under the hand at rest: a hand in the air of a tap keeps the stroke's
  // indentation (HandState::indentation_m), so heights are measured from the same skin.
  const SkinSide skin = skin_under(surface, f, hand);
  const HandShape shape = build_hand(hand.transform, hand.pose, hand.hand);
  Tips t;
  for (std::size_t finger : kTapFingers) {
    const HandPart& part = shape.parts[hand_part(finger, 2)];
    const glm::vec3 mid = 0.5f * (glm::vec3(part.frame[3]) + part.tip);
    const float gap = std::min(skin.outside(mid), skin.outside(part.tip)) - part.radius.y;
    if (gap < t.nearest) {
      t.nearest = gap;
      t.u = surface.foot().project_sole(part.tip, f.ankle_deg).along;
    }
    t.farthest = std::max(t.farthest, gap);
  }
  return t;
}

// Whether the rhythm runs at full height at `time`: the taps fade in and out over 0.2 s where
// the hand's run on the skin begins and ends (timeline.cpp kRhythmFade), so lifts there are
// lower by design; one full tap period (and the fade) away from both ends they are not.
bool full_rhythm(const Technique& t, const Timeline& tl, double time, std::size_t h) {
  const std::size_t si = tl.step_at(time);
  const Step& step = t.steps[si];
  const double tc = std::fmod(time - tl.step_start(si), static_cast<double>(step.duration));
  const double margin = 0.2 + 1.0 / static_cast<double>(step.oscillation.frequency_hz);
  double first = -1.0, last = -1.0;
  for (const Keyframe& k : step.hands[h])
    if (k.contact) {
      if (first < 0.0) first = k.t;
      last = k.t;
    }
  return first >= 0.0 && tc > first + margin && tc < last - margin;
}

}  // namespace

TEST_CASE("toe taps: one hand steadies the foot, the other's fingertips tap the sole and lift between taps") {
  const Technique& t = test::shipped_technique("toe-taps");
  const Timeline tl = test::shipped_timeline("toe-taps");
  const anatomy::LegSurface& surface = test::shipped_surface();

  // Every 10 ms (40 ms under the sanitizers): a 4 Hz tap lasts 90 ms on the skin.
  const double dt = 0.01 * test::kSanitizedStride;
  TechniqueFrame f;
  int taps = 0, tips_on = 0, level = 0, lifts = 0, lifts_clear = 0, tapping_moments = 0;
  float deepest = 0.0f, closest = std::numeric_limits<float>::max(), least_lift = 1.0f;
  float arch_taps = 0, toe_taps = 0;
  std::array<bool, 2> tapped{false, false};
  std::array<float, 2> lift_top{0.0f, 0.0f};
  std::array<bool, 2> in_air{false, false};
  for (double time = 0.0; time <= tl.duration(); time += dt) {
    tl.evaluate(time, f);
    const auto left = hand_capsules(build_hand(f.hands[0].transform, f.hands[0].pose, Hand::left));
    const auto right = hand_capsules(build_hand(f.hands[1].transform, f.hands[1].pose, Hand::right));
    closest = std::min(closest, hands_gap(left, right));
    for (std::size_t h = 0; h < 2; ++h) {
      const HandState& hand = f.hands[h];
      // The tapping hand works on the sole with its fingertips; its stroke presses (indentation
      // from the untapped envelope) while the rhythm lifts and drops it.
      if (!hand.on_sole || hand.indentation_m <= 0.0f) {
        in_air[h] = false;
        continue;
      }
      ++tapping_moments;
      tapped[h] = true;
      const Tips tips = fingertips(surface, f, hand);
      if (hand.contact) {
        if (in_air[h] && full_rhythm(t, tl, time, h)) {
          ++lifts;
          if (lift_top[h] >= 0.010f) ++lifts_clear;
          least_lift = std::min(least_lift, lift_top[h]);
        }
        in_air[h] = false;
        ++taps;
        if (std::abs(tips.nearest) <= kTouchToleranceM) ++tips_on;
        if (tips.farthest - tips.nearest <= kLevelM) ++level;
        deepest = std::min(deepest, tips.nearest);
        if (tips.u > 0.3f && tips.u < 0.6f) ++arch_taps;
        if (tips.u > 0.75f) ++toe_taps;
      } else {
        if (!in_air[h]) lift_top[h] = 0.0f;
        in_air[h] = true;
        lift_top[h] = std::max(lift_top[h], tips.nearest);
      }
    }
  }
  MESSAGE("toe taps: " << tips_on << " of " << taps << " moments on the skin with a fingertip within 3 mm, " << level
                       << " with all three within 8 mm of each other; "
                       << lifts_clear << " of " << lifts << " lifts clear by 10 mm (least " << least_lift * 1000.0f
                       << " mm); deepest " << deepest * 1000.0f << " mm; taps on the arch " << arch_taps
                       << ", on the toes " << toe_taps << "; hands' closest approach " << closest * 1000.0f << " mm");
  // One hand taps, the other steadies the foot (it holds the heel; it is not on the sole).
  CHECK(tapped[0] != tapped[1]);
  REQUIRE(taps > 50);
  CHECK(tips_on >= 0.9 * taps);
  // The three fingertips strike the sole together (the issue asks for 80 % of the taps).
  CHECK(level >= 0.9 * taps);
  CHECK(deepest > -kTouchToleranceM);
  REQUIRE(lifts > 20);
  CHECK(lifts_clear == lifts);
  CHECK(arch_taps > 0.25 * taps);
  CHECK(toe_taps > 0.15 * taps);
  CHECK(closest > 0.0f);
}
