#pragma once
// How the View panel's nine area boxes share rows: two columns where the names fit side by
// side, each of the usual pairs (feet and ankles, calves and shin, thighs and hamstrings, IT band
// and glutes) on one row, "behind the knee" after them. Spanish, French and German names are
// longer: a pair that would run past the panel's edge is split, and two boxes left alone next to
// each other share a row when they fit. Before session 18 one long pair put every box on a row
// of its own (nine rows in Spanish and German), and the chosen area's description had three
// lines left under them at 1280x720. Plain arithmetic on widths: no ImGui, tested directly.
#include <array>
#include <vector>

#include "anatomy/areas.hpp"

namespace effleura::ui {

// The boxes in the order they are drawn, as area indices (kAreaIds order).
inline constexpr std::array<int, anatomy::kAreaCount> kAreaBoxOrder = {0, 1, 2, 3, 4, 6, 7, 8, 5};

struct AreaRows {
  float second_column = 0.0f;          // where the second column starts (pixels from the first's)
  std::vector<std::array<int, 2>> rows;  // area indices; -1: no second box on that row
};

// `widths`: each area's box (check box, gap, name) in pixels, kAreaIds order; `room`: the
// panel's content width; `gap`: between the columns.
[[nodiscard]] AreaRows area_rows(const std::array<float, anatomy::kAreaCount>& widths, float room, float gap);

}  // namespace effleura::ui
