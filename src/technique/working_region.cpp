#include "technique/working_region.hpp"

#include <algorithm>

#include <glm/common.hpp>

namespace effleura::technique {

namespace {

constexpr float kFingerReach = 0.17f;  // m from the palm centre to the fingertips

void grow(anatomy::Bounds& box, const TechniqueFrame& frame) {
  for (const HandState& hand : frame.hands) {
    const glm::vec3 palm(hand.transform[3]);
    const glm::vec3 tips = palm + kFingerReach * glm::vec3(hand.transform[2]);  // col 2: the fingers
    box.min = glm::min(box.min, glm::min(palm, tips));
    box.max = glm::max(box.max, glm::max(palm, tips));
  }
}

}  // namespace

anatomy::Bounds working_region(const Timeline& timeline, int samples) {
  samples = std::max(samples, 2);
  anatomy::Bounds box{glm::vec3(1e9f), glm::vec3(-1e9f)};
  TechniqueFrame frame;
  for (int i = 0; i < samples; ++i) {
    timeline.evaluate(timeline.duration() * i / (samples - 1), frame);
    grow(box, frame);
  }
  return box;
}

std::vector<StepFraming> step_framings(const Timeline& timeline, int samples) {
  samples = std::max(samples, 2);
  std::vector<StepFraming> out;
  TechniqueFrame frame;
  for (std::size_t s = 0; s < timeline.step_count(); ++s) {
    const double start = timeline.step_start(s);
    const double end = timeline.step_end(s);
    StepFraming f{{glm::vec3(1e9f), glm::vec3(-1e9f)}, glm::vec3(0.0f), timeline.step_camera_turn(s)};
    int touching = 0;
    for (int i = 0; i < samples; ++i) {
      // Just inside the step at both ends, so the sample belongs to it.
      const double t = start + (end - start) * (0.002 + 0.996 * i / (samples - 1));
      timeline.evaluate(t, frame);
      grow(f.region, frame);
      for (const HandState& hand : frame.hands)
        if (hand.contact || hand.pressure_mmhg > 0.0f || hand.indentation_m > 0.0f) {
          f.facing += glm::vec3(hand.transform[1]);  // col 1: the back of the hand, the skin's normal
          ++touching;
        }
    }
    if (touching > 0) f.facing /= static_cast<float>(touching);
    out.push_back(f);
  }
  return out;
}

}  // namespace effleura::technique
