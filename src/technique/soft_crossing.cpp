#include "technique/soft_crossing.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>

#include "core/smooth_step.hpp"

namespace effleura::technique {
namespace {

// The weight of a point whose highest h so far is H: 1 below -band, 0 above band.
float before(float h, float band) { return 1.0f - smooth_step(std::clamp((h + band) / (2.0f * band), 0.0f, 1.0f)); }

// The integral of smooth_step(clamp(t)) from 0 to t: t^3 - t^4/2 within [0, 1], 0 below, t - 1/2
// above.
float step_area(float t) {
  if (t <= 0.0f) return 0.0f;
  if (t >= 1.0f) return t - 0.5f;
  return t * t * t - 0.5f * t * t * t * t;
}

// The integral of `before` over h from a to b (a < b).
float before_area(float a, float b, float band) {
  const float two = 2.0f * band;
  return (b - a) - two * (step_area((b + band) / two) - step_area((a + band) / two));
}

}  // namespace

float soft_first_crossing(std::span<const float> s, std::span<const float> h, float band) {
  const std::size_t n = std::min(s.size(), h.size());
  if (n == 0) return 0.0f;
  float length = 0.0f;
  float highest = h[0];
  for (std::size_t i = 0; i + 1 < n && highest < band; ++i) {
    const float x0 = s[i], x1 = s[i + 1], h1 = h[i + 1];
    if (h1 <= highest) {  // the highest so far holds over the whole stretch
      length += (x1 - x0) * before(highest, band);
      continue;
    }
    // h passes the highest so far at x: level before it, rising with h after.
    const float h0 = h[i];
    const float x = x0 + (x1 - x0) * (highest - h0) / (h1 - h0);
    length += (x - x0) * before(highest, band);
    // Over the rising part the weight's mean is its integral over h by the rise (h1 > highest);
    // over a rise too small for that quotient in floats, its value midway (equal to second order).
    const float rise = h1 - highest;
    const float mean =
        rise > 0.01f * band ? before_area(highest, h1, band) / rise : before(highest + 0.5f * rise, band);
    length += (x1 - x) * mean;
    highest = h1;
  }
  return s[0] + length;
}

}  // namespace effleura::technique
