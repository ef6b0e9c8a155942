// Effleurage's gliding hands mould flat to the leg; no finger curls into a claw off the skin.
// Until session 17 they did in its fuller glides (step 3, the left hand up the outer calf: 112 of
// 462 pressing moments), up the shin (step 2, the right hand: 64 of 482) and at the start of the
// warm-up (step 1: 27 + 7): every 20 ms, 139 of the left hand's 1386 pressing moments and 73 of
// the right's 1446. Two causes in the fit (technique/hand_fit.cpp, step 2): an edge finger
// pointing along a side that falls away under it never met the skin and stopped where any part
// of it came nearest, which was at full curl (the little finger beside the lower calf, 70 degrees
// a joint, its pad 18 mm off); and up the lower leg's outer side (step 1) the rigid palm bridged
// its hollow 8-18 mm high and the index closed until its middle touched, the tip 10 mm off.
// Now a finger closes only as far as its pad comes nearest, and only as much as that pad then
// reaches the skin; step 1's left hand glides up behind the outer ankle bone (110 degrees from
// 1.6 s, was 85, where the palm rides high). A few moments stay, where a finger's pad comes
// 3-6 mm near and closes part way (its pad 3.0-4.2 mm off, just past the 3 mm that counts as
// touching): 7 left, 4 right.
#include <doctest/doctest.h>

#include <cstdio>

#include "technique_claw.hpp"
#include "technique_test_support.hpp"

using namespace effleura;

TEST_CASE("effleurage: the gliding hands' fingers lie on the leg, never curled into the air") {
  const technique::Technique* t = test::real_library().find("effleurage");
  REQUIRE(t != nullptr);
  const test::ClawCount c = test::count_claws(*t);
  std::printf("effleurage: a clawing finger at %d of %d pressing moments (left), %d of %d (right); "
              "most curl %.0f degrees\n",
              c.clawing[0], c.pressing[0], c.clawing[1], c.pressing[1], static_cast<double>(c.worst_curl_deg));
  for (std::size_t h = 0; h < 2; ++h) {
    CAPTURE(h);
    REQUIRE(c.pressing[h] > 300);
    // At most 1 % of a hand's pressing moments (the old fit: 10.0 % left, 5.0 % right).
    CHECK(c.clawing[h] <= c.pressing[h] / 100);
  }
}
