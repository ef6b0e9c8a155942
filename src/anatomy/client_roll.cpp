#include "anatomy/client_roll.hpp"

#include <algorithm>
#include <array>
#include <cmath>

namespace effleura::anatomy {
namespace {

constexpr float kPi = 3.14159265358979f;

// The support every 5 degrees of the roll (turn = i / 36), metres, measured on assets/client.glb
// and assets/leg.glb (every vertex over the table top, the arms as client_pose turns them at that
// moment). tests/unit/anatomy_client_roll_test measures the same meshes and fails when the
// client's lowest point leaves the top: re-measure after a re-forge that changes the body's
// cross-section or the arms. Prone the support is the hands' (1.27 dm; the chest's 1.15),
// supine the sheet under the buttocks' (1.73 dm); halfway the lower arm along the flank (2.67 dm;
// the hip's 2.26). The two ways differ by the legs and the drape, under 5 mm.
constexpr std::array<float, 37> kLeftDown = {
    0.1268f, 0.1450f, 0.1620f, 0.1774f, 0.1911f, 0.2030f, 0.2132f, 0.2218f, 0.2291f, 0.2350f,
    0.2395f, 0.2429f, 0.2457f, 0.2488f, 0.2509f, 0.2536f, 0.2580f, 0.2617f, 0.2645f, 0.2660f,
    0.2664f, 0.2665f, 0.2652f, 0.2639f, 0.2620f, 0.2608f, 0.2586f, 0.2556f, 0.2517f, 0.2462f,
    0.2390f, 0.2303f, 0.2196f, 0.2070f, 0.1923f, 0.1806f, 0.1729f};
constexpr std::array<float, 37> kRightDown = {
    0.1268f, 0.1453f, 0.1622f, 0.1773f, 0.1909f, 0.2029f, 0.2133f, 0.2220f, 0.2291f, 0.2349f,
    0.2392f, 0.2426f, 0.2463f, 0.2489f, 0.2504f, 0.2535f, 0.2581f, 0.2614f, 0.2641f, 0.2661f,
    0.2668f, 0.2662f, 0.2650f, 0.2639f, 0.2620f, 0.2606f, 0.2580f, 0.2555f, 0.2517f, 0.2462f,
    0.2391f, 0.2303f, 0.2198f, 0.2073f, 0.1927f, 0.1761f, 0.1729f};

}  // namespace

float roll_arm_adduction_deg(float turn) {
  if (!(turn > 0.0f && turn < 1.0f)) return 0.0f;  // exactly none at rest (sin(pi) is not 0 in floats)
  return kRollArmAdductionDeg * std::sin(kPi * turn);
}

float roll_support(float turn, bool outer_up) {
  const auto& table = outer_up ? kRightDown : kLeftDown;
  // Linear between samples: the true support (a maximum of sinusoids) bulges above the chord by
  // at most r (1 - cos 2.5 deg), under 0.3 mm at r = 0.3 m.
  const float at = std::clamp(turn, 0.0f, 1.0f) * static_cast<float>(table.size() - 1);
  const auto i = std::min(static_cast<std::size_t>(at), table.size() - 2);
  const float f = at - static_cast<float>(i);
  return table[i] + f * (table[i + 1] - table[i]);
}

}  // namespace effleura::anatomy
