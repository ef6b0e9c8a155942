#pragma once
// Where a technique's hands work: the box holding both palms and fingertips over its whole
// timeline. The camera frames it, so a student sees the calf being kneaded rather than a
// small leg in a large frame.
#include "anatomy/model.hpp"
#include <vector>

#include <glm/vec3.hpp>

#include "technique/timeline.hpp"

namespace effleura::technique {

// Samples the timeline `samples` times (at least 2), start and end included. Each hand
// contributes its palm centre and the point a hand's length along its fingers.
[[nodiscard]] anatomy::Bounds working_region(const Timeline& timeline, int samples = 96);

// What a camera following the work needs for one step: the box of both hands through the step
// (as working_region), and the mean outward skin normal under the hands while they touch
// (unnormalised: short when the hands face opposite ways, as round the calf in a squeeze;
// zero when they never touch).
struct StepFraming {
  anatomy::Bounds region;
  glm::vec3 facing{0.0f};
  float turn = 0.0f;  // radians further toward the leg's outer side (Step::camera_turn_deg)
};
// One per step, each sampled `samples` times (at least 2) over the step.
[[nodiscard]] std::vector<StepFraming> step_framings(const Timeline& timeline, int samples = 48);

}  // namespace effleura::technique
