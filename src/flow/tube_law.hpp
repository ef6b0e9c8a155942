#pragma once
// The collapsible-tube law of one vein compartment: relative volume v = V / V0 as a function
// of transmural pressure ptm (inside minus outside, mmHg), V0 being the volume of the round
// vein at its reference diameter.
//   distended (ptm >= p0):        v = 1 + c (ptm - p0)       c = relative area compliance per mmHg
//   flattening (x >= f + xc):     v = x = 1 - (p0 - ptm) / k  a thin wall gives way over a few mmHg
//   in contact (x < f + xc):      v = f + xc exp((x - f - xc) / xc)   smooth tail onto the floor f
// A vein is round above p0 and flat at the tissue pressure give or take a few mmHg: it gives
// up its volume over the k mmHg below p0 (a thin-walled tube buckles at a transmural pressure
// of about -E h^3 / (12 R^3), a few mmHg for veins; Shapiro 1977). Once its opposite walls
// touch, the lobes left at the edges of the flattened cross-section keep a part of the round
// area that a squeeze cannot press out (Shapiro's collapsed branch, where the area falls only
// slowly with the load): the contact floor f, a tenth (estimate: physiology.md gives no figure
// for the lumen of a collapsed vein). The same tenth is the area a flat vein conducts through
// (flow_internal.hpp), so a squeezed vein keeps the blood its flow path holds; before the
// floor a held squeeze pressed the calf's sinuses to 0.4 of their 84 mL, emptier than raising
// the leg leaves them. The tail keeps the law smooth and invertible; even the emptiest
// compartment (kMinRelativeVolume, just above the floor) sits only
// xc k (1 + ln(xc / (kMinRelativeVolume - f))) below p0 - k (1 - f - xc), so pressure never
// falls more than a few mmHg below the tissue pressure (2.5 mmHg with p0 8, k 10).
#include <algorithm>
#include <cmath>

namespace effleura::flow {

struct TubeLaw {
  double c = 0.02;    // relative area compliance, 1/mmHg (Vasa 2006)
  double p0 = 8.0;    // transmural pressure at which the vein is round, mmHg
  double k = 10.0;    // width of the flattening range below p0, mmHg

  static constexpr double kContactFloor = 0.1;  // f: what the walls in contact leave (estimate)
  static constexpr double kTail = 0.05;         // xc: the tail's span above the floor
  static constexpr double kMinRelativeVolume = kContactFloor + 1e-3;

  [[nodiscard]] double relative_volume(double ptm) const {
    if (ptm >= p0) return 1.0 + c * (ptm - p0);
    const double x = 1.0 - (p0 - ptm) / k;
    const double y = x - kContactFloor;
    return y >= kTail ? x : kContactFloor + kTail * std::exp((y - kTail) / kTail);
  }
  // d v / d ptm, 1/mmHg; always positive.
  [[nodiscard]] double relative_compliance(double ptm) const {
    if (ptm >= p0) return c;
    const double y = 1.0 - (p0 - ptm) / k - kContactFloor;
    return y >= kTail ? 1.0 / k : (relative_volume(ptm) - kContactFloor) / (kTail * k);
  }
  // Inverse of relative_volume for v > kContactFloor (smaller v is treated as the floor).
  [[nodiscard]] double transmural(double v) const {
    if (v >= 1.0) return p0 + (v - 1.0) / c;
    const double y = std::max(v, kMinRelativeVolume) - kContactFloor;
    const double x = kContactFloor + (y >= kTail ? y : kTail + kTail * std::log(y / kTail));
    return p0 - k * (1.0 - x);
  }
  // The lowest transmural pressure the law can reach (at kMinRelativeVolume).
  [[nodiscard]] double lowest_transmural() const { return transmural(kMinRelativeVolume); }
};

}  // namespace effleura::flow
