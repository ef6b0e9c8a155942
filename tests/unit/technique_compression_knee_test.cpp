// Compression's lift over the knee (step 4): both hands leave the back of the calf, the client
// rolls face up under them (outer side up, over 1.6 s, app/client_stage.cpp) and they come down
// across the front of the thigh. A therapist's hands travel palm down over the top of the leg,
// ready to press. Watched at 14.1 s (sessions 22-25) both hands stood on edge beside the
// turning thigh, their backs toward the camera and the fingers up, like a wave: the left's keyed
// place lagged the leg's top as it rolled (38 degrees behind it at 1.2 s), and the step's
// camera (around 40, tilt 5) looked across the thigh at the hands' backs.
//
// What content decides is where round the leg a lifted hand is keyed: a keyed hand lies parallel
// to the skin under it (timeline.cpp), so on the top of the leg it is palm down. Measured every
// 20 ms (80 ms under the sanitizers) from the lifted key at 0.2 s (until then each hand rises
// straight off its press, at 190 and 210 degrees) to each hand's landing: how far round the
// leg its place lies from the leg's top, "up" in the room taken into the leg's frame from the
// client's pose as the app draws it then (anatomy::client_pose, the turn eased over 1.6 s as
// ClientStage does). Also printed: how far the back of the hand turns from up, which adds the
// skin's own relief under it (the knee's sides and the thigh's muscles tilt the skin 10-45
// degrees from the leg's radial direction; technique_between_contacts_test bounds it).
#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <numbers>

#include <glm/geometric.hpp>
#include <glm/mat3x3.hpp>
#include <glm/matrix.hpp>

#include "anatomy/client_pose.hpp"
#include "technique_test_support.hpp"
#include "../support/sanitizer.hpp"

using namespace effleura;
using namespace effleura::technique;

namespace {

constexpr float kDeg = 180.0f / std::numbers::pi_v<float>;

// The short way between two angles round the leg, degrees.
float apart_deg(float a, float b) { return std::abs(std::remainder(a - b, 2.0f * std::numbers::pi_v<float>)) * kDeg; }

}  // namespace

TEST_CASE("compression: over the knee both hands travel palm down over the top of the turning leg") {
  const Timeline tl = test::shipped_timeline("compression");
  REQUIRE(tl.step_count() >= 5);
  constexpr std::size_t kStep = 3;  // "Lift over the knee"
  REQUIRE(tl.step_client_turn_outer_up(kStep));
  const double start = tl.step_start(kStep), end = tl.step_end(kStep);
  const double dt = 0.02 * static_cast<double>(test::kSanitizedStride);
  std::array<float, 2> off_top{0.0f, 0.0f}, from_up{0.0f, 0.0f};
  std::array<double, 2> off_top_at{0.0, 0.0};
  std::array<int, 2> lifted{0, 0};
  TechniqueFrame f;
  for (double time = start + 0.2; time < end; time += dt) {
    tl.evaluate(time, f);
    // Face down (0) to face up (1), eased, as ClientStage::pose_in_step draws it.
    const float share = std::clamp(static_cast<float>(time - start) / 1.6f, 0.0f, 1.0f);
    const float turn = share * share * (3.0f - 2.0f * share);
    const anatomy::ClientPose pose = anatomy::client_pose(anatomy::ClientPosture::supine, turn, true);
    const glm::vec3 up = glm::normalize(glm::inverse(glm::mat3(pose.left_leg)) * glm::vec3(0.0f, 1.0f, 0.0f));
    const float top = std::atan2(up.x, up.z);  // the leg's top, as `around` counts
    for (std::size_t h = 0; h < 2; ++h) {
      const HandState& hand = f.hands[h];
      if (hand.contact) continue;
      ++lifted[h];
      const float off = apart_deg(hand.around, top);
      if (off > off_top[h]) off_top[h] = off, off_top_at[h] = time;
      from_up[h] = std::max(from_up[h], std::acos(std::clamp(glm::dot(glm::vec3(hand.transform[1]), up), -1.0f, 1.0f)) * kDeg);
    }
  }
  std::printf("compression over the knee: lifted hands at most %.0f / %.0f degrees round from the leg's top (left / "
              "right, at %.2f / %.2f s), backs of the hands at most %.0f / %.0f degrees from up, over %d / %d moments\n",
              static_cast<double>(off_top[0]), static_cast<double>(off_top[1]), off_top_at[0], off_top_at[1],
              static_cast<double>(from_up[0]), static_cast<double>(from_up[1]), lifted[0], lifted[1]);
  for (std::size_t h = 0; h < 2; ++h) {
    CAPTURE(h);
    CHECK(lifted[h] * test::kSanitizedStride >= 50);
    // Session 25's keys: the left 38 degrees from the top (13.96 s), the right 20; now 28 and 20.
    // Within 30 the palm faces the ceiling more than a camera beside the table; 90 is a hand on
    // edge. Closer still (the left within 20-23) the two hands met over the knee as the right
    // passes the left (technique_compression_test: 8-32 mm into each other).
    CHECK(off_top[h] <= 30.0f);
  }
}
