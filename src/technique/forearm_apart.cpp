#include "technique/forearm_apart.hpp"
#include "technique/unit_or.hpp"

#include <cmath>

#include <glm/geometric.hpp>

namespace effleura::technique {
namespace {

// Spreading at most this much (the direction's change, ~50 degrees), tried in ninths of it from
// none, then bisected to ~1/150 of it.
constexpr float kMostSpread = 0.9f;
constexpr int kSpreadSteps = 9;
constexpr int kSpreadBisections = 4;

}  // namespace

// Each forearm is placed for its own hand, so hands side by side with their fingers turned in (the
// buttock in tapotement, vibration and petrissage) crossed them in an X, the sleeves fused 7 cm
// deep. Where they would meet, both elbows spread apart along the line between the wrists (each
// toward its own wrist's side, which uncrosses an X), and clear the skin and the table again:
// bisected for the least spread that keeps them kForearmsApart apart, so the spread grows smoothly
// with the overlap.
std::array<Forearm, 2> kept_apart(const std::array<Forearm, 2>& arms, const std::array<glm::vec3, 2>& wrist,
                                  const std::array<glm::vec3, 2>& dirs,
                                  const std::function<Forearm(std::size_t, const glm::vec3&)>& place) {
  const glm::vec3 run = unit_or((arms[0].elbow - arms[0].wrist) + (arms[1].elbow - arms[1].wrist), glm::vec3(0, 1, 0));
  glm::vec3 across = wrist[0] - wrist[1];
  across = unit_or(across - run * glm::dot(across, run), unit_or(glm::cross(run, glm::vec3(0, 1, 0)), glm::vec3(1, 0, 0)));
  const auto spread = [&](float by) {
    std::array<Forearm, 2> spread_arms;
    for (std::size_t h = 0; h < 2; ++h) spread_arms[h] = place(h, dirs[h] + (h == 0 ? by : -by) * across);
    return spread_arms;
  };
  // Scanned up from no spread in steps, then bisected within the first step that reaches the
  // gap: the gap does not grow steadily with the spread (the lift off the skin and the table
  // turns a spread forearm), and a bisection over the whole range could land past a dip
  // (petrissage at 26.78 s, lying: 1.7 mm unspread, 17.7 mm at 0.3, -13.7 mm from 0.5 on; the
  // elbow swung 235 mm in 20 ms). A placing that is not a number (a direction of zero length
  // in the spread) counts as no gap.
  const auto gap_of = [](const std::array<Forearm, 2>& a) {
    const float g = forearms_gap(a);
    return std::isfinite(g) && g < 1.0f ? g : -1.0f;
  };
  const float gap0 = forearms_gap(arms);
  std::array<Forearm, 2> most = arms;
  float most_gap = gap0, below = 0.0f;
  for (int i = 1; i <= kSpreadSteps; ++i) {
    const float by = kMostSpread * static_cast<float>(i) / static_cast<float>(kSpreadSteps);
    const std::array<Forearm, 2> tried = spread(by);
    const float gap = gap_of(tried);
    if (gap >= kForearmsApart) {
      float lo = below, hi = by;
      std::array<Forearm, 2> best = tried;
      for (int k = 0; k < kSpreadBisections; ++k) {
        const float half = 0.5f * (lo + hi);
        const std::array<Forearm, 2> t = spread(half);
        if (gap_of(t) >= kForearmsApart) hi = half, best = t;
        else lo = half;
      }
      return best;
    }
    if (gap > most_gap) most_gap = gap, most = tried;
    below = by;
  }
  // No spread reaches it: the one that gains most, where it gains; spreading that gains nothing
  // (the wrists themselves too close: the hands' placing is at fault, not the forearms') leaves
  // the forearms as they were.
  return most_gap > gap0 + 0.002f ? most : arms;
}

}  // namespace effleura::technique
