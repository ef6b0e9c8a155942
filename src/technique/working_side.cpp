#include "technique/working_side.hpp"

#include <algorithm>
#include <cmath>

namespace effleura::technique {

std::vector<WorkingSide> step_sides(const Timeline& timeline, int samples) {
  samples = std::max(samples, 2);
  std::vector<WorkingSide> sides;
  TechniqueFrame frame;
  for (std::size_t s = 0; s < timeline.step_count(); ++s) {
    const double start = timeline.step_start(s);
    const double end = timeline.step_end(s);
    // cos(around) is +1 at the front of the leg and -1 at the back; averaged over the contacts.
    double sum = 0.0;
    int contacts = 0;
    for (int i = 0; i < samples; ++i) {
      timeline.evaluate(start + (end - start) * (i + 0.5) / samples, frame);
      for (const HandState& hand : frame.hands) {
        if (!hand.contact || hand.on_sole) continue;
        sum += std::cos(static_cast<double>(hand.around));
        ++contacts;
      }
    }
    const double mean = contacts > 0 ? sum / contacts : 0.0;
    sides.push_back(mean < -0.25 ? WorkingSide::back : mean > 0.25 ? WorkingSide::front : WorkingSide::either);
  }
  return sides;
}

}  // namespace effleura::technique
