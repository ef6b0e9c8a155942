#pragma once
// The smooth step 3s^2 - 2s^3 (GLSL's smoothstep between 0 and 1): eases a blend in and out with
// no jump in its rate at either end, so what it drives starts and stops gently. One definition for
// the technique code, which had it written out some fifteen times.
#include <algorithm>

namespace effleura {

// s in [0, 1] (not clamped: callers clamp where s can leave it).
[[nodiscard]] constexpr float smooth_step(float s) { return s * s * (3.0f - 2.0f * s); }

// GLSL's smoothstep(e0, e1, x): 0 up to e0, 1 from e1, smooth between.
[[nodiscard]] inline float smooth_step(float e0, float e1, float x) {
  return smooth_step(std::clamp((x - e0) / (e1 - e0), 0.0f, 1.0f));
}

}  // namespace effleura
