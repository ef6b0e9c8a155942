#pragma once
// Built-in muscle rhythms: the pressure the foot, calf and thigh put on their veins over time.
// Intramuscular and plantar pressures of this size are estimates (docs/flow-model.md); the
// timing follows the gait cycle and the clinic's protocols (ankle pumps, tiptoes).
#include <cmath>
#include <numbers>

namespace effleura::flow {

// One smooth (sin^2) pulse from `start` to `end` (s, within a period), zero outside.
inline double pulse(double phase, double start, double end) {
  if (!(phase >= start && phase < end) || end <= start) return 0.0;
  const double s = std::sin(std::numbers::pi * (phase - start) / (end - start));
  return s * s;
}

struct CalfPumpRhythm {
  double period_s = 1.0;        // one contraction per period
  double contraction_s = 0.4;   // how long the muscle is tense
  double peak_mmhg = 120.0;     // pressure on the muscle sinuses at the height of a contraction

  // Smooth (sin^2) rise and fall within each contraction, zero while relaxed.
  [[nodiscard]] double pressure_at(double t) const {
    if (!(t >= 0.0) || period_s <= 0.0) return 0.0;
    return peak_mmhg * pulse(std::fmod(t, period_s), 0.0, contraction_s);
  }
};

inline constexpr CalfPumpRhythm kWalking{1.0, 0.4, 120.0};
inline constexpr CalfPumpRhythm kAnklePumps{2.0, 0.8, 90.0};
// A contraction that is held: 0.15 s to rise, `hold_s` at `peak_mmhg`, 0.15 s to let go,
// once per period (tiptoes: the calf holds the body up while on the toes).
struct HeldContraction {
  double period_s = 2.0;
  double hold_s = 1.0;
  double peak_mmhg = 120.0;
  double ramp_s = 0.15;
  [[nodiscard]] double pressure_at(double t) const {
    if (!(t >= 0.0) || period_s <= 0.0 || ramp_s <= 0.0) return 0.0;
    const double ph = std::fmod(t, period_s);
    if (ph < ramp_s) return peak_mmhg * ph / ramp_s;
    if (ph < ramp_s + hold_s) return peak_mmhg;
    if (ph < 2.0 * ramp_s + hold_s) return peak_mmhg * (2.0 * ramp_s + hold_s - ph) / ramp_s;
    return 0.0;
  }
};

// The clinic's tiptoe (air plethysmography): up on the toes for a second.
inline constexpr HeldContraction kTiptoe{10.0, 1.0, 120.0, 0.5};
// Ten tiptoes at one a second (residual volume): up and down within the first half second
// (0.15 s to rise, 0.2 s on the toes, 0.15 s down), the heel down and the calf relaxed for the
// other half. An estimate, as its 0.4 s on the toes was until session 16 (the heel down only
// 0.3 s of each second): the residual is read after the last, so it holds what the last pause
// let back in, and with a leaky great saphenous vein that is most of what raises it above a
// normal leg's (docs/flow-model.md).
inline constexpr HeldContraction kTenTiptoes{1.0, 0.2, 120.0, 0.15};

// What each pump presses with at one moment.
struct PumpPressures {
  double foot = 0.0;    // on the plantar venous plexus (weight on the sole)
  double calf = 0.0;    // on the calf muscle sinuses
  double thigh = 0.0;   // on the deep thigh veins
};

// One leg's gait cycle (a stride per second). Heel strike and stance load the sole first and
// squeeze the plantar plexus (the foot pump fires before the calf); push-off contracts the
// calf; the thigh muscles brace at loading and swing the leg through. Peaks: estimates
// chosen so a step ejects what plethysmography measures (calf ~65 %, thigh ~15 %).
struct GaitCycle {
  double period_s = 1.0;
  double foot_peak_mmhg = 150.0;
  double calf_peak_mmhg = 120.0;
  double thigh_peak_mmhg = 50.0;

  [[nodiscard]] PumpPressures at(double t) const {
    if (!(t >= 0.0) || period_s <= 0.0) return {};
    const double ph = std::fmod(t, period_s) / period_s;
    return {foot_peak_mmhg * pulse(ph, 0.0, 0.55), calf_peak_mmhg * pulse(ph, 0.25, 0.65),
            thigh_peak_mmhg * (pulse(ph, 0.0, 0.3) + pulse(ph, 0.6, 0.95))};
  }
};

inline constexpr GaitCycle kGait{};

// Quiet breathing, 15 breaths a minute: the diaphragm descends on inspiration and raises the
// abdominal pressure around the inferior vena cava, which slows the outflow from the legs
// (supine femoral flow is phasic with respiration). Swing: an estimate.
struct Breathing {
  double period_s = 4.0;
  double swing_mmhg = 3.0;   // abdominal pressure rise at full inspiration
  // Inspiration over the first 40 % of a breath, expiration over the rest.
  [[nodiscard]] double abdominal_mmhg(double t) const {
    if (!(t >= 0.0) || period_s <= 0.0) return 0.0;
    const double ph = std::fmod(t, period_s) / period_s;
    const double s = ph < 0.4 ? std::sin(0.5 * std::numbers::pi * ph / 0.4)
                              : std::cos(0.5 * std::numbers::pi * (ph - 0.4) / 0.6);
    return swing_mmhg * s * s;
  }
};

}  // namespace effleura::flow
