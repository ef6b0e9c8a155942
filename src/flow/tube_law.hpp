#pragma once
// The collapsible-tube law of one vein compartment: relative volume v = V / V0 as a function
// of transmural pressure (inside minus outside, mmHg), V0 being the volume of the round vein
// at its reference diameter.
//   distended (ptm >= p0): v = 1 + c (ptm - p0)          c = relative area compliance per mmHg
//   collapsing (ptm < p0): v = (1 + (p0 - ptm)/k)^(-2/3)  Shapiro's law, ptm = p0 - k (v^-1.5 - 1)
// The collapsing branch never reaches zero volume, so pressure -> -infinity as v -> 0.
#include <algorithm>
#include <cmath>

namespace effleura::flow {

struct TubeLaw {
  double c = 0.02;    // relative area compliance, 1/mmHg (Vasa 2006)
  double p0 = 8.0;    // transmural pressure at which the vein is round, mmHg
  double k = 7.0;     // collapse stiffness, mmHg

  static constexpr double kMinRelativeVolume = 1e-3;

  [[nodiscard]] double relative_volume(double ptm) const {
    if (ptm >= p0) return 1.0 + c * (ptm - p0);
    const double x = 1.0 + (p0 - ptm) / k;
    const double r = std::cbrt(x);
    return 1.0 / (r * r);
  }
  // d v / d ptm, 1/mmHg; always positive.
  [[nodiscard]] double relative_compliance(double ptm) const {
    if (ptm >= p0) return c;
    const double x = 1.0 + (p0 - ptm) / k;
    const double r = std::cbrt(x);
    return (2.0 / 3.0) / k / (x * r * r);
  }
  // Inverse of relative_volume for v > 0 (smaller v is treated as the floor).
  [[nodiscard]] double transmural(double v) const {
    if (v >= 1.0) return p0 + (v - 1.0) / c;
    const double vv = std::max(v, kMinRelativeVolume);
    return p0 - k * (1.0 / (vv * std::sqrt(vv)) - 1.0);
  }
};

}  // namespace effleura::flow
