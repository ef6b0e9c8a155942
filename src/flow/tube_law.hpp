#pragma once
// The collapsible-tube law of one vein compartment: relative volume v = V / V0 as a function
// of transmural pressure ptm (inside minus outside, mmHg), V0 being the volume of the round
// vein at its reference diameter.
//   distended (ptm >= p0):        v = 1 + c (ptm - p0)       c = relative area compliance per mmHg
//   flattening (p0 - k <= ...):   v = x = 1 - (p0 - ptm) / k  a thin wall gives way over a few mmHg
//   flat (x < xc):                v = xc exp((x - xc) / xc)  smooth tail toward an empty vein
// A vein is round above p0 and flat at the tissue pressure give or take a few mmHg: it gives
// up its volume over the k mmHg below p0 (a thin-walled tube buckles at a transmural pressure
// of about -E h^3 / (12 R^3), a few mmHg for veins; Shapiro 1977). The tail keeps the law
// smooth and invertible; even the emptiest compartment (kMinRelativeVolume) sits only
// xc k (1 + ln(xc / kMinRelativeVolume)) below p0 - k, so pressure never falls more than a
// few mmHg below the tissue pressure (3.5 mmHg with p0 8, k 10).
#include <algorithm>
#include <cmath>

namespace effleura::flow {

struct TubeLaw {
  double c = 0.02;    // relative area compliance, 1/mmHg (Vasa 2006)
  double p0 = 8.0;    // transmural pressure at which the vein is round, mmHg
  double k = 10.0;    // width of the flattening range below p0, mmHg

  static constexpr double kMinRelativeVolume = 1e-3;
  static constexpr double kTail = 0.05;   // xc: where the linear flattening hands over to the tail

  [[nodiscard]] double relative_volume(double ptm) const {
    if (ptm >= p0) return 1.0 + c * (ptm - p0);
    const double x = 1.0 - (p0 - ptm) / k;
    return x >= kTail ? x : kTail * std::exp((x - kTail) / kTail);
  }
  // d v / d ptm, 1/mmHg; always positive.
  [[nodiscard]] double relative_compliance(double ptm) const {
    if (ptm >= p0) return c;
    const double x = 1.0 - (p0 - ptm) / k;
    return x >= kTail ? 1.0 / k : relative_volume(ptm) / (kTail * k);
  }
  // Inverse of relative_volume for v > 0 (smaller v is treated as the floor).
  [[nodiscard]] double transmural(double v) const {
    if (v >= 1.0) return p0 + (v - 1.0) / c;
    const double vv = std::max(v, kMinRelativeVolume);
    const double x = vv >= kTail ? vv : kTail + kTail * std::log(vv / kTail);
    return p0 - k * (1.0 - x);
  }
  // The lowest transmural pressure the law can reach (at kMinRelativeVolume).
  [[nodiscard]] double lowest_transmural() const { return transmural(kMinRelativeVolume); }
};

}  // namespace effleura::flow
