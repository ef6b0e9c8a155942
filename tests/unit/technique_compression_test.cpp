// Compression's flat hands hold the calf; they never claw. Watched from its own camera (session
// 16), the outer hand pressing the lower calf's outer side (around 100-117 degrees, fingers up
// the leg, the hand nearest the camera) curled its fingers into a claw standing off the skin at
// the presses of the second and third holds and along the calf: the calf's side falls away under
// fingers that point along it, so the fit closed them (flat-palm's max_curl 70 a joint) into the
// air without meeting the skin. A student reads that as a hand grabbing at nothing, not as a
// press. The same happened to the left hand at the top of the thigh (step 5), where the fit closed
// a finger that never met the skin all the way. What counts as a claw: technique_claw.hpp.
#include <doctest/doctest.h>

#include <cstdio>

#include "technique_claw.hpp"
#include "technique_test_support.hpp"

using namespace effleura;

TEST_CASE("compression: the pressing hands' fingers lie on the leg, never curled into the air") {
  const technique::Technique* t = test::real_library().find("compression");
  REQUIRE(t != nullptr);
  const test::ClawCount c = test::count_claws(*t);
  std::printf("compression: a clawing finger at %d of %d pressing moments (left), %d of %d (right); "
              "most curl %.0f degrees\n",
              c.clawing[0], c.pressing[0], c.clawing[1], c.pressing[1], static_cast<double>(c.worst_curl_deg));
  CHECK(c.pressing[0] > 100);
  CHECK(c.pressing[1] > 100);
  // Session 15's content: the left (outer) hand clawed at 101 of the calf steps' 517 pressing
  // moments (every 20 ms), up to 210 degrees; with its fingers turned 15 degrees toward the back
  // of the calf (content/techniques/compression.toml, roll 15) they lie round it: 0 of 517.
  // (Turned 12 degrees: 9 moments; the inner hand turned the same way clawed instead.) On the
  // thigh it clawed at 84 of 403 until a finger that never meets the skin stopped where it came
  // nearest (technique/hand_fit.cpp): 0.
  CHECK(c.clawing[0] == 0);
  CHECK(c.clawing[1] == 0);
}
