// Calf squeezes as a student squeezes a calf: each hand wraps it, fingers round one side and the
// thumb round the other, squeezing between them. With the thumb laid beside the fingers (the
// kneading grip across the calf) both pads sat on one side: the angle between them about the
// leg's axis was under 60 degrees at every pressing moment.
#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>
#include <string>

#include <glm/geometric.hpp>

#include "anatomy/leg_surface.hpp"
#include "technique/hand_contact.hpp"
#include "technique/hand_fit.hpp"
#include "technique/hand_rig.hpp"
#include "technique/timeline.hpp"
#include "technique_claw.hpp"
#include "technique_test_support.hpp"
#include "../support/sanitizer.hpp"

using namespace effleura;
using namespace effleura::technique;

namespace {

// Degrees about the leg's axis at the point's own height (0 front, 90 outer side).
float around_deg(const glm::vec3& p) {
  const glm::vec3 c = anatomy::LegSurface::axis(p.y);
  return std::atan2(p.x - c.x, p.z - c.z) * 180.0f / std::numbers::pi_v<float>;
}

// Signed degrees from b to a, -180..180.
float turn_deg(float a, float b) {
  float d = std::fmod(a - b, 360.0f);
  if (d > 180.0f) d -= 360.0f;
  if (d < -180.0f) d += 360.0f;
  return d;
}

// The pad of a finger: two thirds of the way along its last phalanx.
glm::vec3 pad(const HandShape& shape, std::size_t finger) {
  const HandPart& last = shape.parts[hand_part(finger, 2)];
  const glm::vec3 start(last.frame[3]);
  return start + (2.0f / 3.0f) * (last.tip - start);
}

}  // namespace

TEST_CASE("calf squeezes: the thumb pad and the finger pads lie on opposite sides of the calf") {
  const Timeline tl = test::shipped_timeline("calf-squeezes");
  // A squeeze presses 45 mmHg; the moments it is firmly on (not landing or letting go).
  constexpr float kFirmMmhg = 20.0f;
  std::array<int, 2> firm{}, opposed{};
  std::array<float, 2> least{360.0f, 360.0f};
  TechniqueFrame frame;
  const double dt = 0.02 * test::kSanitizedStride;
  for (double time = 0.0; time <= tl.duration(); time += dt) {
    tl.evaluate(time, frame);
    for (std::size_t h = 0; h < 2; ++h) {
      const HandState& hand = frame.hands[h];
      if (!hand.contact || hand.pressure_mmhg < kFirmMmhg) continue;
      const HandShape shape = build_hand(hand.transform, hand.pose, hand.hand);
      // The middle finger's pad stands for the fingers (they lie side by side, spread -3 degrees).
      // Measured round the calf through the palm: the thumb one way from it, the fingers the
      // other; on the slim lower calf the two may reach round to meet nearly at the front.
      const float palm = around_deg(glm::vec3(hand.transform[3]));
      const float thumb = turn_deg(around_deg(pad(shape, 0)), palm);
      const float fingers = turn_deg(around_deg(pad(shape, 2)), palm);
      const float apart = thumb * fingers < 0.0f ? std::abs(thumb) + std::abs(fingers) : 0.0f;
      ++firm[h];
      if (apart >= 120.0f) ++opposed[h];
      least[h] = std::min(least[h], apart);
    }
  }
  for (std::size_t h = 0; h < 2; ++h) {
    CAPTURE(h);
    CAPTURE(least[h]);
    CAPTURE(opposed[h]);
    REQUIRE(firm[h] > 100);
    // "At most pressing moments": a squeeze's first and last moments may still be closing.
    CHECK(static_cast<double>(opposed[h]) / firm[h] > 0.9);
  }
}

// "Wrap the whole hand around the calf": the four fingers lie side by side on the skin round one
// side, as a hand holding the calf does. Session 16's content centred the upper hand at 165
// degrees, on the slope of the calf muscle's outer head, with the fingers fanned 2 degrees
// apart: each finger curled by a different amount to find the skin, the widest gap between
// neighbouring pads averaged 38 mm (left) and 53 mm (right), and half the pads hung in the
// air, curled like a spider's legs (pads on the skin: left 0.51, right 0.45; three or four of
// the four at 36 % and 11 % of the pressing moments; the left hand's neighbouring pads within
// 40 mm at 79 %). A pad is two thirds along the finger's last phalanx and touches within
// kTouchToleranceM of the dented skin, as `--hand-report` counts a touch.
// Sitting the same holds (technique/sitting_reach.cpp, the wrap grip): turned down the hanging
// leg, the lower hand pointed its fingers past the ankle (its pads on 0.36, three or four at
// 0.20 of its squeezes) and the upper hand's fingers lay 16.6 mm inside the lower hand.
TEST_CASE("calf squeezes: each hand's four finger pads lie on the skin side by side while it squeezes") {
  const anatomy::LegSurface& surface = test::shipped_surface();
  constexpr float kFirmMmhg = 20.0f;
  // Neighbouring knuckles are 17-19 mm apart and the fingers differ in length by up to 12 mm:
  // pads further apart than this have fanned or curled apart.
  constexpr float kSideBySideM = 0.040f;
  for (const bool sitting : {false, true}) {
    CAPTURE(sitting);
    Timeline tl = test::shipped_timeline("calf-squeezes");
    tl.set_client_sitting(sitting);
    std::array<int, 2> firm{}, pads_on{}, most_on{}, side_by_side{};
    float closest = 1.0f;
    TechniqueFrame frame;
    const double dt = 0.02 * test::kSanitizedStride;
    for (double time = 0.0; time <= tl.duration(); time += dt) {
      tl.evaluate(time, frame);
      std::array<HandCapsules, 2> capsules;
      for (std::size_t h = 0; h < 2; ++h) {
        const HandState& hand = frame.hands[h];
        const HandShape shape = build_hand(hand.transform, hand.pose, hand.hand);
        capsules[h] = hand_capsules(shape);
        if (!hand.contact || hand.pressure_mmhg < kFirmMmhg) continue;
        const SkinSide skin = skin_under(surface, frame, hand);
        int on = 0;
        float widest = 0.0f;
        for (std::size_t f = 1; f < kFingerCount; ++f) {
          const float radius = shape.parts[hand_part(f, 2)].radius.y;
          if (skin.outside(pad(shape, f)) - radius <= kTouchToleranceM) ++on;
          if (f + 1 < kFingerCount) widest = std::max(widest, glm::length(pad(shape, f) - pad(shape, f + 1)));
        }
        ++firm[h];
        pads_on[h] += on;
        if (on >= 3) ++most_on[h];
        if (widest < kSideBySideM) ++side_by_side[h];
      }
      // Squeezing or carried back through the air, the two hands never overlap (lying 8.0 mm
      // apart at the closest, sitting 12.3).
      closest = std::min(closest, hands_gap(capsules[0], capsules[1]));
    }
    CAPTURE(closest);
    CHECK(closest > 0.0f);
    for (std::size_t h = 0; h < 2; ++h) {
      CAPTURE(h);
      REQUIRE(firm[h] > 100);
      const double share = static_cast<double>(pads_on[h]) / (4.0 * firm[h]);
      const double most = static_cast<double>(most_on[h]) / firm[h];
      const double together = static_cast<double>(side_by_side[h]) / firm[h];
      CAPTURE(share);
      CAPTURE(most);
      CAPTURE(together);
      CHECK(share > (h == 0 ? 0.65 : 0.75));
      // Three or four pads on: the right hand 0.53 with a flat palm, 0.79 arched (session 18).
      // Lying 1.00 / 0.94, sitting 1.00 / 0.85.
      CHECK(most > (h == 0 ? 0.5 : 0.7));
      // The left hand's fingers wrap the outer side, toward the step's camera. The right hand's
      // reach round the inner side, where the slim lower calf falls steeply to the shin bone and
      // the far fingers must curl further to reach it: closed one by one, each to its own touch,
      // they fanned (side by side at 17 % of moments); closed together (hand_fit's
      // close_together, session 17) at 37 %; with the palm arching round the calf (hand_fit's
      // arch_palm, session 18) at 70 %, its pads on the skin 0.67 -> 0.83.
      CHECK(together > (h == 0 ? 0.9 : 0.6));
    }
  }
}

// A wrapping hand's fingers curl round the calf, but a finger curled past 100 degrees whose tip
// stays off the skin reads as a hook grabbing at air. The lower hand's far fingers cannot all
// reach the inner side with the rigid palm: closing the four together (as a cupped hand does)
// kept them side by side at 59 % of moments instead of 17 %, but hooked the right hand's fingers
// at 433-488 of its 968 pressing moments (78 with each finger closing on its own); evening out
// their curl did the same to the left hand (120-279 of 968). close_together therefore lets such
// a finger curl no further than 95 degrees: left 1, right 45 of 968.
TEST_CASE("calf squeezes: the wrapping fingers do not hook into the air") {
  const technique::Technique* t = test::real_library().find("calf-squeezes");
  REQUIRE(t != nullptr);
  const test::ClawCount c = test::count_claws(*t);
  for (std::size_t h = 0; h < 2; ++h) {
    CAPTURE(h);
    CAPTURE(c.clawing[h]);
    CAPTURE(c.pressing[h]);
    REQUIRE(c.pressing[h] > 100);
    CHECK(static_cast<double>(c.clawing[h]) / c.pressing[h] < 0.07);
  }
}
