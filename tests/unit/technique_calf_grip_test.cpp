// Calf squeezes as a student squeezes a calf: each hand wraps it, fingers round one side and the
// thumb round the other, squeezing between them. With the thumb laid beside the fingers (the
// kneading grip across the calf) both pads sat on one side: the angle between them about the
// leg's axis was under 60 degrees at every pressing moment.
#include <doctest/doctest.h>

#include <array>
#include <cmath>
#include <numbers>
#include <string>

#include "anatomy/leg_surface.hpp"
#include "technique/hand_rig.hpp"
#include "technique/timeline.hpp"
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
      // The middle finger's pad stands for the fingers (they lie side by side, spread 2 degrees).
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
