#include "app/client_gait.hpp"

#include <array>
#include <cmath>
#include <numbers>

#include "flow/drivers.hpp"

namespace effleura::app {
namespace {

struct Key {
  double phase;
  float hip, knee, ankle;
};

// Winter 1991 (normal cadence), rounded; phase in fractions of a stride from heel strike. The
// ankle is most dorsiflexed near 0.45 (the peak of the flow model's calf pulse, 0.25-0.65) and
// plantarflexes to toe-off at 0.62 while the pulse falls.
constexpr std::array<Key, 10> kKeys{{
    {0.00, 30.0f, 3.0f, 0.0f},
    {0.07, 28.0f, 12.0f, -6.0f},
    {0.15, 24.0f, 18.0f, -2.0f},
    {0.30, 8.0f, 8.0f, 5.0f},
    {0.45, -8.0f, 6.0f, 10.0f},
    {0.55, -10.0f, 22.0f, 2.0f},
    {0.62, -4.0f, 38.0f, -18.0f},
    {0.72, 14.0f, 60.0f, -8.0f},
    {0.87, 32.0f, 30.0f, 0.0f},
    {0.95, 32.0f, 5.0f, 0.0f},
}};

// Smooth between keys (cosine ease), wrapping from the last to the first.
GaitAngles at_phase(double ph) {
  ph -= std::floor(ph);
  std::size_t i = kKeys.size() - 1;
  for (std::size_t k = 0; k + 1 < kKeys.size(); ++k)
    if (ph >= kKeys[k].phase && ph < kKeys[k + 1].phase) i = k;
  const Key& a = kKeys[i];
  const Key& b = kKeys[(i + 1) % kKeys.size()];
  const double span = (i + 1 < kKeys.size() ? b.phase : b.phase + 1.0) - a.phase;
  const double u = (ph - a.phase) / span;
  const float w = static_cast<float>(0.5 - 0.5 * std::cos(std::numbers::pi * u));
  return {a.hip + w * (b.hip - a.hip), a.knee + w * (b.knee - a.knee), a.ankle + w * (b.ankle - a.ankle)};
}

}  // namespace

GaitAngles gait_angles(double t) {
  if (!(t >= 0.0)) t = 0.0;
  return at_phase(std::fmod(t, flow::kGait.period_s) / flow::kGait.period_s);
}

GaitAngles other_leg_gait_angles(double t) { return gait_angles(t + 0.5 * flow::kGait.period_s); }

}  // namespace effleura::app
