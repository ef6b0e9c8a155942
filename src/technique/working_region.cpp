#include "technique/working_region.hpp"

#include <algorithm>

#include <glm/common.hpp>

namespace effleura::technique {

anatomy::Bounds working_region(const Timeline& timeline, int samples) {
  samples = std::max(samples, 2);
  constexpr float kFingerReach = 0.17f;  // m from the palm centre to the fingertips
  anatomy::Bounds box{glm::vec3(1e9f), glm::vec3(-1e9f)};
  TechniqueFrame frame;
  for (int i = 0; i < samples; ++i) {
    timeline.evaluate(timeline.duration() * i / (samples - 1), frame);
    for (const HandState& hand : frame.hands) {
      const glm::vec3 palm(hand.transform[3]);
      const glm::vec3 tips = palm + kFingerReach * glm::vec3(hand.transform[2]);  // col 2: the fingers
      box.min = glm::min(box.min, glm::min(palm, tips));
      box.max = glm::max(box.max, glm::max(palm, tips));
    }
  }
  return box;
}

}  // namespace effleura::technique
