#pragma once
// Unit conversions used across simulation and content. The simulation works in SI
// (m, s, m^3, Pa); content and reports speak mmHg, mL, mL/min and cm/s.
namespace effleura::units {

inline constexpr double kPascalPerMmHg = 133.322387415;
inline constexpr double kGravity = 9.80665;            // m/s^2
inline constexpr double kBloodDensity = 1055.0;        // kg/m^3 (physiology.md: 1050-1060)
inline constexpr double kBloodViscosity = 3.5e-3;      // Pa s (physiology.md: ~3.5 mPa s)

constexpr double mmhg_to_pa(double mmhg) { return mmhg * kPascalPerMmHg; }
constexpr double pa_to_mmhg(double pa) { return pa / kPascalPerMmHg; }
constexpr double ml_to_m3(double ml) { return ml * 1e-6; }
constexpr double m3_to_ml(double m3) { return m3 * 1e6; }
constexpr double ml_per_min_to_m3_per_s(double q) { return q * 1e-6 / 60.0; }
constexpr double m3_per_s_to_ml_per_min(double q) { return q * 1e6 * 60.0; }

}  // namespace effleura::units
