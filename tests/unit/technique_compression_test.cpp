// Compression's flat hands hold the calf; they never claw. Watched from its own camera (session
// 16), the outer hand pressing the lower calf's outer side (around 100-117 degrees, fingers up
// the leg, the hand nearest the camera) curled its fingers into a claw standing off the skin at
// the presses of the second and third holds and along the calf: the calf's side falls away under
// fingers that point along it, so the fit closed them (flat-palm's max_curl 70 a joint) into the
// air without meeting the skin. A student reads that as a hand grabbing at nothing, not as a
// press. The same happened to the left hand at the top of the thigh (step 5), where the fit closed
// a finger that never met the skin all the way. Sampled every 20 ms (80 ms under the sanitizers)
// while a hand presses, over the whole technique: a finger claws when its three joints together
// curl past 100 degrees and its pad still ends more than 3 mm off the dented skin.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdio>

#include "technique/hand_contact.hpp"
#include "technique/hand_rig.hpp"
#include "technique_test_support.hpp"
#include "../support/sanitizer.hpp"

using namespace effleura;
using namespace effleura::technique;

TEST_CASE("compression: the pressing hands' fingers lie on the leg, never curled into the air") {
  const Technique* t = test::real_library().find("compression");
  REQUIRE(t != nullptr);
  const Timeline tl(*t, test::real_poses(), test::shipped_surface());
  const double dt = 0.02 * static_cast<double>(test::kSanitizedStride);
  constexpr float kClawDeg = 100.0f;
  int pressing[2] = {0, 0}, clawing[2] = {0, 0};
  float worst_curl = 0.0f;
  TechniqueFrame f;
  for (double time = 0.0; time < tl.duration(); time += dt) {
    tl.evaluate(time, f);
    for (std::size_t h = 0; h < 2; ++h) {
      const HandState& hand = f.hands[h];
      if (!hand.contact || hand.pressure_mmhg <= 0.0f) continue;
      ++pressing[h];
      const SkinSide skin = skin_under(test::shipped_surface(), f, hand);
      const HandShape shape = build_hand(hand.transform, hand.pose, hand.hand);
      bool claw = false;
      for (std::size_t k = 1; k < kFingerCount; ++k) {
        const float curl = hand.pose.flexion[k][0] + hand.pose.flexion[k][1] + hand.pose.flexion[k][2];
        const HandPart& pad = shape.parts[hand_part(k, 2)];
        const float gap = skin.outside(pad.tip) - pad.radius.y;
        if (curl > kClawDeg && gap > kTouchToleranceM) {
          claw = true;
          worst_curl = std::max(worst_curl, curl);
        }
      }
      if (claw) ++clawing[h];
    }
  }
  std::printf("compression: a clawing finger at %d of %d pressing moments (left), %d of %d (right); "
              "most curl %.0f degrees\n",
              clawing[0], pressing[0], clawing[1], pressing[1], static_cast<double>(worst_curl));
  CHECK(pressing[0] > 100);
  CHECK(pressing[1] > 100);
  // Session 15's content: the left (outer) hand clawed at 101 of the calf steps' 517 pressing
  // moments (every 20 ms), up to 210 degrees; with its fingers turned 15 degrees toward the back
  // of the calf (content/techniques/compression.toml, roll 15) they lie round it: 0 of 517.
  // (Turned 12 degrees: 9 moments; the inner hand turned the same way clawed instead.) On the
  // thigh it clawed at 84 of 403 until a finger that never meets the skin stopped where it came
  // nearest (technique/hand_fit.cpp): 0.
  CHECK(clawing[0] == 0);
  CHECK(clawing[1] == 0);
}
