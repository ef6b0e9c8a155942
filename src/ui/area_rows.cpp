#include "ui/area_rows.hpp"

namespace effleura::ui {

namespace {

// The rows with the second column at `split` (the widest first-column box it allows).
AreaRows rows_at(const std::array<float, anatomy::kAreaCount>& widths, float room, float gap, float split) {
  auto fits = [&](int first, int second) { return widths[first] <= split && split + gap + widths[second] <= room; };
  AreaRows out{split + gap, {}};
  // The usual pairs first, each kept whole or split into two single rows...
  std::vector<std::array<int, 2>> rows;
  for (std::size_t i = 0; i < kAreaBoxOrder.size(); i += 2) {
    const int a = kAreaBoxOrder[i];
    const int b = i + 1 < kAreaBoxOrder.size() ? kAreaBoxOrder[i + 1] : -1;
    if (b >= 0 && fits(a, b)) {
      rows.push_back({a, b});
    } else {
      rows.push_back({a, -1});
      if (b >= 0) rows.push_back({b, -1});
    }
  }
  // ...then two single rows in a row share one where they fit ("Glúteos" beside "Tras la
  // rodilla" when "Cintilla iliotibial" needs a row to itself).
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (rows[i][1] < 0 && i + 1 < rows.size() && rows[i + 1][1] < 0 && fits(rows[i][0], rows[i + 1][0])) {
      out.rows.push_back({rows[i][0], rows[i + 1][0]});
      ++i;
    } else {
      out.rows.push_back(rows[i]);
    }
  }
  return out;
}

}  // namespace

AreaRows area_rows(const std::array<float, anatomy::kAreaCount>& widths, float room, float gap) {
  // Every box's width is a place the second column could start: the one that leaves fewest
  // rows wins (the narrowest of those, so the second column's names have the most room).
  AreaRows best = rows_at(widths, room, gap, room);  // one column: nothing fits beside
  for (const float split : widths) {
    AreaRows r = rows_at(widths, room, gap, split);
    if (r.rows.size() < best.rows.size() || (r.rows.size() == best.rows.size() && r.second_column < best.second_column))
      best = std::move(r);
  }
  return best;
}

}  // namespace effleura::ui
