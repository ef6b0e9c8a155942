#pragma once
// Where a technique's hands work: the box holding both palms and fingertips over its whole
// timeline. The camera frames it, so a student sees the calf being kneaded rather than a
// small leg in a large frame.
#include "anatomy/model.hpp"
#include "technique/timeline.hpp"

namespace effleura::technique {

// Samples the timeline `samples` times (at least 2), start and end included. Each hand
// contributes its palm centre and the point a hand's length along its fingers.
[[nodiscard]] anatomy::Bounds working_region(const Timeline& timeline, int samples = 96);

}  // namespace effleura::technique
