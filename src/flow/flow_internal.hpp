#pragma once
// What the flow model's files share: unit conversions, the tone limits of the arterioles,
// where a point lies along a segment, and the area a (possibly flattened) vein conducts
// through. Internal to src/flow (flow_system.cpp, flow_loads.cpp, flow_step.cpp,
// flow_readouts.cpp).
#include <glm/geometric.hpp>

#include <algorithm>
#include <cmath>

#include "core/units.hpp"
#include "flow/flow_system.hpp"

namespace effleura::flow::detail {

constexpr double kMlToM3 = 1e-6;
// mmHg s per m^3 from Pa s per m^3.
constexpr double kPaToMmHg = 1.0 / units::kPascalPerMmHg;
// Autoregulation: the arterioles reset their tone over about half a minute so that a bed
// keeps its inflow when the pressure across it changes (estimate of the time constant);
// they can neither close fully nor open more than threefold.
constexpr double kToneTimeS = 10.0;
constexpr double kSettleToneTimeS = 10.0;  // settle() could hurry them, but a faster loop rings
constexpr double kToneMin = 0.25, kToneMax = 6.0;

inline double closest_param(const glm::vec3& a, const glm::vec3& b, const glm::vec3& p) {
  const glm::vec3 ab = b - a;
  const float len2 = glm::dot(ab, ab);
  if (len2 <= 0.0f) return 0.0;
  return std::clamp(static_cast<double>(glm::dot(p - a, ab) / len2), 0.0, 1.0);
}

inline double distance_to_segment(const glm::vec3& a, const glm::vec3& b, const glm::vec3& p) {
  const float t = static_cast<float>(closest_param(a, b, p));
  return static_cast<double>(glm::distance(a + (b - a) * t, p));
}

inline double finite_or(double v, double fallback) { return std::isfinite(v) ? v : fallback; }

// Venoarteriolar reflex: once the venous pressure in a dependent limb rises more than about
// 25 mmHg above that at heart level, local arterioles constrict and cut the bed's inflow, up to
// 60 % here once it is 45 mmHg above (onset and ramp: estimates). The size comes from the shank
// sitting, where only this reflex acts: the popliteal artery carries 110 +- 43 mL/min lying and
// 57 +- 27 sitting, 0.52 (Arch Surg, posture and popliteal artery haemodynamics, 37 normal legs,
// colour duplex); the old 40 % left the sitting shank 0.70 of lying, 60 % leaves it 0.55. The
// stimulus is the distension of the veins, not the height: preventing it with an outside pressure
// equal to the column abolished the reflex in the leg on head-up tilt (133Xe washout, 7 subjects);
// a dependent lower leg cut its skin's flow by 37 +- 9 % (J Appl Physiol 2007;103:959).
constexpr double kReflexStartMmHg = 25.0, kReflexFullMmHg = 45.0, kReflexCut = 0.6;
// The share of a bed's inflow the reflex cuts at `venous_mmhg` above the heart's venous pressure.
inline double reflex_cut(double venous_mmhg) {
  return kReflexCut * std::clamp((venous_mmhg - kReflexStartMmHg) / (kReflexFullMmHg - kReflexStartMmHg), 0.0, 1.0);
}
// The venous pressure a segment's column alone gives, from hanging below the heart (mmHg).
inline double column_mmhg(const Segment& s) {
  return std::max(0.0, -units::kBloodDensity * units::kGravity * kPaToMmHg * s.height_m);
}

// A flattened vein still carries blood through the lobes at the edges of its cross-section,
// so for resistance, inertance and velocity its area counts as at least the tube law's contact
// floor, a tenth of the round area (without this floor a flat segment chokes and lets go in
// bursts, a flutter far larger than the small, fast one seen in collapsible tubes; estimate).
// The tube law keeps that volume too, so the floor only guards rounding.
constexpr double kMinConductingArea = TubeLaw::kContactFloor;
inline double conducting_area(const Segment& s) {
  return std::max(s.volume_m3, s.ref_volume_m3 * kMinConductingArea) / s.length_m;
}

}  // namespace effleura::flow::detail
