#pragma once
// How far a hand pressing with a given pressure pushes the skin in (estimate, no source in
// physiology.md): soft tissue over muscle stiffens as it compresses, so depth saturates:
// d = 12 mm * (1 - exp(-p / 80 mmHg)) gives ~1.4 mm at 10 mmHg, ~4.7 mm at 40, ~8.6 at 100.
#include <algorithm>
#include <cmath>

namespace effleura::technique {

inline constexpr float kMaxIndentationM = 0.012f;
inline constexpr float kIndentationScaleMmHg = 80.0f;

inline float indentation_depth(float pressure_mmhg) {
  return kMaxIndentationM * (1.0f - std::exp(-std::max(pressure_mmhg, 0.0f) / kIndentationScaleMmHg));
}

}  // namespace effleura::technique
