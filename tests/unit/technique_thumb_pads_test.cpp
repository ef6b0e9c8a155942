// Cross-fibre works with the thumb pads (pose thumb-pads: touch = ["thumb"], the palm off the
// skin). Beside a palm resting on the round calf the straight thumb hung 10-40 mm above the skin,
// and the fit only ever raised such a hand, so no thumb pad touched in any step (contact share
// 0.0). Now a thumb pad left in the air closes onto the dented skin (hand_fit_landing.cpp close_pad),
// its joints within their ranges and the palm where it rests.
#include <doctest/doctest.h>

#include <string>

#include "technique/hand_contact.hpp"
#include "technique_test_support.hpp"
#include "../support/sanitizer.hpp"

using namespace effleura;
using namespace effleura::technique;

TEST_CASE("thumb pads: cross-fibre's thumbs touch the skin in every stroke step") {
  // Every 20 ms, as --hand-report samples (40 ms under the sanitizers: the same strokes).
  const double dt = 0.02 * static_cast<double>(test::kSanitizedStride > 1 ? 2 : 1);
  const TechniqueFigures fig = measure_technique(test::shipped_timeline("cross-fibre"), test::shipped_surface(), dt);
  int stroke_steps = 0;
  for (std::size_t s = 0; s < fig.steps.size(); ++s)
    for (std::size_t h = 0; h < 2; ++h) {
      const HandFigures& f = fig.steps[s].hands[h];
      // The travel step presses only at its two ends (a few moments): the strokes are held.
      if (f.pressing_samples < 20) continue;
      CAPTURE(s + 1);
      CAPTURE(h);
      ++stroke_steps;
      // Share of the thumb pad within 3 mm of the dented skin while pressing: 0.0 before, now
      // 0.21 / 0.28 on the calf and 0.77 / 0.49 on the IT band (left / right). How deep any
      // flesh goes is held for every technique by technique_hand_contact_test (3 mm).
      CHECK(f.contact_share > 0.1);
    }
  CHECK(stroke_steps == 4);  // both hands in the calf and the IT band steps
}
