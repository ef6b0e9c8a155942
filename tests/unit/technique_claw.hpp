#pragma once
// A flat hand's finger "claws" when it curls into the air instead of lying on the leg: its
// three joints together curl past kClawDeg and its pad still ends more than kTouchToleranceM
// off the dented skin. A student reads that as a hand grabbing at nothing. Counted per hand at
// the moments the hand presses, sampled every 20 ms (80 ms under the sanitizers) over the whole
// technique. Shared by the compression and effleurage tests.
#include <algorithm>
#include <array>

#include "technique/hand_contact.hpp"
#include "technique/hand_rig.hpp"
#include "technique_test_support.hpp"
#include "../support/sanitizer.hpp"

namespace effleura::test {

inline constexpr float kClawDeg = 100.0f;

struct ClawCount {
  std::array<int, 2> pressing{0, 0};  // [0] left, [1] right
  std::array<int, 2> clawing{0, 0};
  float worst_curl_deg = 0.0f;  // the most curled clawing finger (three joints together)
};

inline ClawCount count_claws(const technique::Technique& t) {
  using namespace technique;
  const Timeline tl(t, real_poses(), shipped_surface());
  const double dt = 0.02 * static_cast<double>(kSanitizedStride);
  ClawCount out;
  TechniqueFrame f;
  for (double time = 0.0; time < tl.duration(); time += dt) {
    tl.evaluate(time, f);
    for (std::size_t h = 0; h < 2; ++h) {
      const HandState& hand = f.hands[h];
      if (!hand.contact || hand.pressure_mmhg <= 0.0f) continue;
      ++out.pressing[h];
      const SkinSide skin = skin_under(shipped_surface(), f, hand);
      const HandShape shape = build_hand(hand.transform, hand.pose, hand.hand);
      bool claw = false;
      for (std::size_t k = 1; k < kFingerCount; ++k) {
        const float curl = hand.pose.flexion[k][0] + hand.pose.flexion[k][1] + hand.pose.flexion[k][2];
        const HandPart& pad = shape.parts[hand_part(k, 2)];
        if (curl > kClawDeg && skin.outside(pad.tip) - pad.radius.y > kTouchToleranceM) {
          claw = true;
          out.worst_curl_deg = std::max(out.worst_curl_deg, curl);
        }
      }
      if (claw) ++out.clawing[h];
    }
  }
  return out;
}

}  // namespace effleura::test
