// soft_first_crossing (technique/soft_crossing.hpp): where a gap first crosses the skin along a
// path, moving continuously with the gap. fit_thumb places the ball of a gripping thumb and the
// curl of its outer joints with it; a root there jumped across a gap lying level near the skin.
#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>

#include "technique/soft_crossing.hpp"

using namespace effleura::technique;

namespace {

constexpr std::size_t kN = 31;
constexpr float kBand = 0.002f;

std::array<float, kN> path() {
  std::array<float, kN> s{};
  for (std::size_t i = 0; i < kN; ++i) s[i] = 90.0f * static_cast<float>(i) / static_cast<float>(kN - 1);
  return s;
}

// A gap (m) that rises from 6 mm inside the skin to `level` at 40 degrees, lies there to 75
// (within 0.4 mm: petrissage's ball on the thigh, session 27), then rises clear by 90.
std::array<float, kN> plateau(float level) {
  const std::array<float, kN> s = path();
  std::array<float, kN> h{};
  for (std::size_t i = 0; i < kN; ++i) {
    const float x = s[i];
    const float wave = 0.0004f * std::sin(x * 0.2f);
    if (x < 40.0f) h[i] = -0.006f + (level + 0.006f) * x / 40.0f;
    else if (x < 75.0f) h[i] = level + wave * (x - 40.0f) / 35.0f;
    else h[i] = level + wave + (x - 75.0f) * 0.0003f;
  }
  return h;
}

}  // namespace

TEST_CASE("soft first crossing: a gap that crosses the skin steeply crosses where a root would") {
  const std::array<float, kN> s = path();
  for (const float root : {10.0f, 31.5f, 44.2f, 61.0f}) {
    CAPTURE(root);
    std::array<float, kN> h{};
    for (std::size_t i = 0; i < kN; ++i) h[i] = 0.001f * (s[i] - root);  // 1 mm a degree
    CHECK(soft_first_crossing(s, h, kBand) == doctest::Approx(root).epsilon(1e-4));
  }
}

TEST_CASE("soft first crossing: only the first crossing counts, and a gap that never crosses gives the whole path") {
  const std::array<float, kN> s = path();
  std::array<float, kN> h{};
  // Crosses at 30 degrees, then sinks back below the skin from 60 (a closing pad that meets the
  // skin, then curls away from it): the first meeting stands.
  for (std::size_t i = 0; i < kN; ++i) h[i] = s[i] < 45.0f ? 0.001f * (s[i] - 30.0f) : 0.001f * (60.0f - s[i]);
  CHECK(soft_first_crossing(s, h, kBand) == doctest::Approx(30.0f).epsilon(1e-3));
  h.fill(-0.01f);
  CHECK(soft_first_crossing(s, h, kBand) == doctest::Approx(90.0f));
  h.fill(0.01f);
  CHECK(soft_first_crossing(s, h, kBand) == doctest::Approx(0.0f));
}

TEST_CASE("soft first crossing: a gap lying level near the skin moves the crossing gradually as it sinks") {
  // The plateau sinks from 0.6 mm clear to 0.6 mm inside in steps of 0.01 mm. Its root (the
  // first point at or above 0) jumps from 40 to 75 degrees as the plateau passes 0; the soft
  // crossing moves at most kMostStep per step (today's figure 0.18: the plateau's 35 degrees over
  // the band's 4 mm is 0.09 a step on average, the smooth step's steepest 1.5 times that).
  constexpr float kMostStep = 0.25f;
  const std::array<float, kN> s = path();
  float was = soft_first_crossing(s, plateau(0.0006f), kBand);
  float most = 0.0f, first = was, last = was;
  for (int k = 1; k <= 120; ++k) {
    const float now = soft_first_crossing(s, plateau(0.0006f - 0.00001f * static_cast<float>(k)), kBand);
    most = std::max(most, std::abs(now - was));
    was = last = now;
  }
  MESSAGE("soft crossing moved at most " << most << " degrees a step, " << first << " -> " << last);
  CHECK(most <= kMostStep);
  CHECK(first < 45.0f);  // mostly before the plateau while it lies clear
  CHECK(last > 60.0f);   // mostly past it once it has sunk
}
