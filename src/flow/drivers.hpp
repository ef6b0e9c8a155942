#pragma once
// Built-in rhythms of the calf muscle pump: the pressure the contracting calf puts on its
// veins over time. Intramuscular pressures of this size are an estimate (see
// docs/flow-model.md); the rhythm follows the issue: walking ~1 step per second, ankle pumps
// one every 2 s.
#include <cmath>
#include <numbers>

namespace effleura::flow {

struct CalfPumpRhythm {
  double period_s = 1.0;        // one contraction per period
  double contraction_s = 0.4;   // how long the muscle is tense
  double peak_mmhg = 120.0;     // pressure on the muscle sinuses at the height of a contraction

  // Smooth (sin^2) rise and fall within each contraction, zero while relaxed.
  [[nodiscard]] double pressure_at(double t) const {
    if (!(t >= 0.0) || period_s <= 0.0) return 0.0;
    const double phase = std::fmod(t, period_s);
    if (phase >= contraction_s) return 0.0;
    const double s = std::sin(std::numbers::pi * phase / contraction_s);
    return peak_mmhg * s * s;
  }
};

inline constexpr CalfPumpRhythm kWalking{1.0, 0.4, 120.0};
inline constexpr CalfPumpRhythm kAnklePumps{2.0, 0.8, 90.0};

}  // namespace effleura::flow
