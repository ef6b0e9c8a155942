#include "ui/overlay_label_search.hpp"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <optional>
#include <utility>
#include <vector>

#include <glm/common.hpp>
#include <glm/geometric.hpp>

#include <imgui.h>

namespace effleura::ui {
namespace {

// A label with the point its leader line lands on (its anchor or one of its other_anchors).
struct Pick {
  const AreaLabel* label = nullptr;
  glm::vec2 anchor{0.0f};
  bool behind = false;
  float rows = 0.0f;  // the box this many rows (a box and its gap) below its anchor (above if < 0)
  float along = 0.0f;  // in the row: the box this many of its widths right of over its point
};

// Labels stack down one side within the band [top, bottom] that the caption and the legend
// leave free, each beside its anchor where it can be.
void place_side(std::vector<Pick> side, bool left, float scale, float inset, float top, float bottom,
                std::vector<PlacedLabel>& out) {
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  const float pad = 6.0f * scale;
  const float box_h = ImGui::GetFontSize() + 2.0f * pad;
  const float margin = 24.0f * scale;
  const float step = box_h + 6.0f * scale;
  const auto wanted_y = [&](const Pick& p) { return p.anchor.y + p.rows * step; };
  std::stable_sort(side.begin(), side.end(), [&](const Pick& a, const Pick& b) { return wanted_y(a) < wanted_y(b); });
  float next_free_y = std::max(top, 40.0f * scale);
  const float lowest_y = std::min(display.y - margin, bottom) - box_h;  // the last box's top
  // Optional labels (rank > 0) give way, the highest rank first, to what fits in the band.
  const auto fits = static_cast<std::size_t>(std::max(0.0f, std::floor((lowest_y - next_free_y) / step) + 1.0f));
  while (side.size() > fits) {
    const auto worst = std::max_element(side.begin(), side.end(), [](const Pick& a, const Pick& b) { return a.label->rank < b.label->rank; });
    if (worst->label->rank <= 0) break;
    side.erase(worst);
  }
  for (std::size_t i = 0; i < side.size(); ++i) {
    const Pick& l = side[i];
    const float box_w = ImGui::CalcTextSize(l.label->text.c_str()).x + 2.0f * pad;
    // Never so low that the labels after it leave the band (if the band is too short for all
    // of them, they run on below it rather than overlap one another).
    const float room_left = lowest_y - static_cast<float>(side.size() - 1 - i) * step;
    const float y = std::max(std::min(wanted_y(l) - box_h * 0.5f, room_left), next_free_y);
    next_free_y = y + step;
    const float x = left ? inset + margin : display.x - inset - margin - box_w;
    PlacedLabel p;
    p.label = l.label;
    p.anchor = l.anchor;
    p.behind = l.behind;
    p.box = {{x, y}, {x + box_w, y + box_h}};
    p.joint = {left ? p.box.max.x : p.box.min.x, y + box_h * 0.5f};
    out.push_back(p);
  }
}

// The leg's top edge on screen, column by column: the highest of its skin's sampled points in
// each column (FLT_MAX where none falls; none at all when the overlay has no sample of the skin).
class SkinTop {
 public:
  SkinTop(const std::vector<glm::vec2>& points, float width)
      : top_(static_cast<std::size_t>(std::max(0.0f, width) / kColumn) + 1, FLT_MAX) {
    for (const glm::vec2 p : points) {
      if (!(p.x >= 0.0f && p.x < width)) continue;
      float& t = top_[static_cast<std::size_t>(p.x / kColumn)];
      t = std::min(t, p.y);
      known_ = true;
    }
  }
  [[nodiscard]] bool known() const { return known_; }
  // The highest skin between x0 and x1, and a column either side (the points are a sample, about
  // 2000 of the skin's: a column between two of them is not bare skin).
  [[nodiscard]] float over(float x0, float x1) const {
    const auto column = [&](float x) { return static_cast<std::ptrdiff_t>(std::floor(x / kColumn)); };
    float best = FLT_MAX;
    for (std::ptrdiff_t c = column(x0) - 1; c <= column(x1) + 1; ++c)
      if (c >= 0 && static_cast<std::size_t>(c) < top_.size()) best = std::min(best, top_[static_cast<std::size_t>(c)]);
    return best;
  }

 private:
  static constexpr float kColumn = 8.0f;  // pixels
  std::vector<float> top_;
  bool known_ = false;
};

// Labels in one row above the leg, each box over its point (pushed along the row where boxes
// would meet), the row as low as the leg's top under every box allows, so each line runs a
// short way down to its point; never above `top` (the menu bar's room, a caption's foot).
void place_row(std::vector<Pick> row, const SkinTop& skin, float scale, float lo_x, float hi_x, float top,
               std::vector<PlacedLabel>& out) {
  if (row.empty()) return;
  const float pad = 6.0f * scale, box_h = ImGui::GetFontSize() + 2.0f * pad, gap = 6.0f * scale;
  // Between the boxes' feet and the leg: the sampled skin's top lies a little below its outline
  // (10 px left the boxes touching the thigh's see-through skin at 1280x720).
  const float lift = 0.75f * ImGui::GetFontSize();
  const auto width = [&](const Pick& p) { return ImGui::CalcTextSize(p.label->text.c_str()).x + 2.0f * pad; };
  // In the order their boxes are wanted along the row.
  const auto wanted = [&](const Pick& p) { return p.anchor.x + p.along * width(p); };
  std::stable_sort(row.begin(), row.end(), [&](const Pick& a, const Pick& b) { return wanted(a) < wanted(b); });
  std::vector<float> x(row.size()), w(row.size());
  for (std::size_t i = 0; i < row.size(); ++i) {
    w[i] = width(row[i]);
    x[i] = std::clamp(row[i].anchor.x + (row[i].along - 0.5f) * w[i], lo_x, std::max(lo_x, hi_x - w[i]));
    if (i > 0) x[i] = std::max(x[i], x[i - 1] + w[i - 1] + gap);
  }
  for (std::size_t i = row.size(); i-- > 0;) {
    const float right = i + 1 < row.size() ? x[i + 1] - gap : hi_x;
    x[i] = std::min(x[i], right - w[i]);
  }
  float bottom = FLT_MAX;
  for (std::size_t i = 0; i < row.size(); ++i)
    bottom = std::min({bottom, row[i].anchor.y, skin.over(std::min(x[i], row[i].anchor.x), std::max(x[i] + w[i], row[i].anchor.x))});
  const float y = std::max(bottom - lift - box_h, std::max(top, 40.0f * scale));
  for (std::size_t i = 0; i < row.size(); ++i) {
    PlacedLabel p;
    p.label = row[i].label;
    p.anchor = row[i].anchor;
    p.behind = row[i].behind;
    p.box = {{x[i], y}, {x[i] + w[i], y + box_h}};
    p.joint = {std::clamp(p.anchor.x, x[i] + pad, x[i] + w[i] - pad), y + box_h};
    p.in_row = true;
    out.push_back(p);
  }
}

}  // namespace

bool label_blocked(const PlacedLabel& p, const OverlayLayout& layout) {
  for (const auto* other : {&layout.legend, &layout.caption, &layout.corner_note})
    if (*other && p.box.overlaps(**other)) return true;
  return false;
}

bool under_panel(glm::vec2 point, const Overlay& overlay) {
  const glm::vec4 k = overlay.keep_clear;
  return k.z > k.x && k.w > k.y && point.x > k.x && point.x < k.z && point.y > k.y && point.y < k.w;
}

std::size_t place_labels(OverlayLayout& layout, const Overlay& overlay, const Overlay& o, float ui_scale, const LabelBands& bands) {
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  const float left_top = bands.left_top, left_bottom = bands.left_bottom, right_top = bands.right_top,
              right_bottom = bands.right_bottom;
  // Each label stacks on the side of the subject its anchor is on, its leader landing on the
  // anchor. Where that line or its box runs over the hands at work (the calves' nearest point
  // lies under the hands squeezing them), or the box hides its own line, the other side or
  // another point of the area is tried, label by label, and kept when fewer labels then go
  // astray.
  const std::size_t n = overlay.labels.size();
  struct Option {
    std::size_t anchor = 0;  // 0: the label's anchor; k: its other_anchors[k - 1]
    bool left = false;
    float rows = 0.0f;       // Pick::rows
    bool row = false;        // in the row above the leg (place_row), not a side's stack
    float along = 0.0f;      // Pick::along
    bool operator==(const Option&) const = default;
  };
  const auto point_of = [&](std::size_t i, std::size_t which) {
    return which == 0 ? overlay.labels[i].anchor : overlay.labels[i].other_anchors[which - 1];
  };
  // The side of the subject: of its part in view when its box runs past the free part of the
  // window, else of its box's centre. Presenter view at 1280x720 frames the leg across the whole
  // window with the client's body off its left edge: the box's centre was on screen at x 435,
  // just left of the Thighs' and Calves' anchors (437, 528), so both stacked at the right edge
  // with lines of 750 and 660 px across the lower leg and its veins (on the left now: 345, 440).
  const float free_lo = o.left_margin, free_hi = display.x - o.right_margin;
  const bool clipped = overlay.subject_x.y > overlay.subject_x.x && (overlay.subject_x.x <= free_lo || overlay.subject_x.y >= free_hi);
  const float centre_x = clipped ? 0.5f * (std::max(overlay.subject_x.x, free_lo) + std::min(overlay.subject_x.y, free_hi)) : overlay.subject_centre.x;
  std::vector<Option> chosen(n);
  // Each label starts where it was last frame (Overlay::held), else on its anchor's side.
  std::vector<bool> held(n, false);
  for (std::size_t i = 0; i < n; ++i) {
    chosen[i] = {0, overlay.labels[i].anchor.x < centre_x};
    for (const LabelPlace& h : overlay.held)
      if (h.text == overlay.labels[i].text && h.anchor <= overlay.labels[i].other_anchors.size()) {
        chosen[i] = {h.anchor, h.left, h.rows, h.row, h.along};
        held[i] = true;
      }
  }
  std::size_t left_count = 0;
  const SkinTop skin(overlay.subject_points, display.x);
  const float row_lo = o.left_margin + 24.0f * ui_scale, row_hi = display.x - o.right_margin - 24.0f * ui_scale;
  const auto place_all = [&](const std::vector<Option>& c) {
    std::vector<Pick> left, right, row;
    for (std::size_t i = 0; i < n; ++i) {
      const AreaLabel& l = overlay.labels[i];
      (c[i].row ? row : c[i].left ? left : right).push_back({&l, point_of(i, c[i].anchor), l.behind, c[i].rows, c[i].along});
    }
    std::vector<PlacedLabel> out;
    place_side(left, true, ui_scale, o.left_margin, left_top, left_bottom, out);
    left_count = out.size();
    place_side(right, false, ui_scale, o.right_margin, right_top, right_bottom, out);
    place_row(row, skin, ui_scale, row_lo, row_hi, bands.row_top, out);
    return out;
  };
  layout.labels = place_all(chosen);
  {
    const float clearance = kHandClearance * ui_scale;
    // Labels over the hands, leader lines through another label's box (a line hidden under a
    // box points nowhere) and lines to a point under a panel: each as bad as the others.
    // A label over the hands, or pointing at a point under a side panel (its line runs into
    // the panel: compression at 9.8 s, 1280x720, the ankles' nearest point under View), or
    // whose anchor lies under or just beside its own box, so no line shows (the foot reaches
    // into the right-hand stack's column: the Ankles label at calf squeezes' 2 s).
    // A box in the row above the leg that lies on the leg itself (no room above it under the
    // row's top) or on the legend, the caption or the corner note (the stacks keep clear of
    // those by their bands) is as astray.
    // A box in a side's stack on them too: at 640x360 the legend took the whole width between
    // the panels and the stacks' columns ran over it, the Thighs box on its words (label_blocked).
    const auto row_blocked = [&](const PlacedLabel& p) {
      return (p.in_row && p.box.max.y > skin.over(p.box.min.x, p.box.max.x)) || label_blocked(p, layout);
    };
    // A point under a panel over the view (the lesson's, across the window at 640x360): its line
    // ran under the panel's text.
    const auto astray = [&](const PlacedLabel& p) {
      return over_hands(p, overlay.hands, clearance) || p.anchor.x < o.left_margin || p.anchor.x > display.x - o.right_margin ||
             leader_shown(p) < kLeaderShown * ui_scale || row_blocked(p) || under_panel(p.anchor, overlay);
    };
    const auto crossing = [&](const std::vector<PlacedLabel>& placed) {
      int count = 0;
      for (const PlacedLabel& p : placed) {
        count += astray(p);
        for (const PlacedLabel& q : placed)
          if (&q != &p && segment_outline_distance(p.anchor, p.joint, outline_of(q.box)) <= 0.0f) ++count;
      }
      return count;
    };
    // In order of preference (the first of equals wins): the other side, then the area's other
    // points as the app ordered them, each on its own side of the subject first; each level
    // with its point, then a row or two above or below it (a short slanting line past a hand's
    // edge).
    const auto options_for = [&](std::size_t i) {
      std::vector<Option> options;
      // A label held in the row above the leg first slides along the row, then tries its
      // area's other points there: a hand passing under one box's line (the Calves' at 2 s in
      // the kiosk's first scene) sent it to a stack at the window's edge and back.
      // A held label (time running) forced off its place tries the row first too: short lines
      // down from above the leg, which the hands cross less often than lines along it (the
      // kiosk's calf squeezes swapped the Calves between the two stacks as the hands moved).
      if (chosen[i].row || (held[i] && skin.known() && overlay.labels[i].rank <= 0))
        for (std::size_t point = 0; point <= overlay.labels[i].other_anchors.size(); ++point)
          for (const float along : {0.0f, -1.0f, 1.0f, -2.0f, 2.0f}) options.push_back({point, chosen[i].left, 0.0f, true, along});
      for (const float rows : {0.0f, -1.0f, 1.0f, -2.0f, 2.0f}) {
        options.push_back({0, chosen[i].left, rows});
        options.push_back({0, !chosen[i].left, rows});
        for (std::size_t other = 1; other <= overlay.labels[i].other_anchors.size(); ++other) {
          // Not a point under a side panel (the window's View panel hid the ankles' leftmost).
          const float x = point_of(i, other).x;
          if (x < o.left_margin || x > display.x - o.right_margin || under_panel(point_of(i, other), overlay)) continue;
          const bool side = x < centre_x;
          options.push_back({other, side, rows});
          options.push_back({other, !side, rows});
        }
      }
      return options;
    };
    const auto me_in = [&](const std::vector<PlacedLabel>& placed, std::size_t i) {
      return std::find_if(placed.begin(), placed.end(), [&](const PlacedLabel& p) { return p.label == &overlay.labels[i]; });
    };
    // The labels placed with label i moved to `option`, the others where they are now.
    const auto place_with = [&](std::size_t i, const Option& option) {
      std::vector<Option> trial = chosen;
      trial[i] = option;
      return place_all(trial);
    };
    // The label's whole stack (every label on its side) a row or two up or down with it. A box
    // against its column over its own point cannot leave that row alone when a box stacked
    // above or below it pushes it back: compression's 6.5 s at 1280x720, the Thighs' only point
    // in view a sliver between the View column and a forearm, the Calves box on the row above
    // (alone a row up it was pushed back under the Calves, a row down it lay on the forearm).
    const auto side_shifted = [&](std::size_t i, float rows) {
      std::vector<Option> trial = chosen;
      for (Option& t : trial)
        if (t.left == chosen[i].left) t.rows += rows;
      return trial;
    };
    const std::vector<Option> first = chosen;
    int total = crossing(layout.labels);
    for (int pass = 0; pass < 3 && total > 0; ++pass) {
      bool better = false;
      for (std::size_t i = 0; i < n && total > 0; ++i) {
        const auto placed = me_in(layout.labels, i);
        if (placed == layout.labels.end() || !astray(*placed)) continue;
        int best = total;
        std::optional<std::vector<Option>> pick;
        std::vector<PlacedLabel> best_placed;
        bool clear = false;
        // Keeps a trial that leaves fewer labels astray; true once it clears label i itself.
        const auto consider = [&](std::vector<Option> trial) {
          std::vector<PlacedLabel> tried = place_all(trial);
          const int count = crossing(tried);
          if (count >= best) return false;
          best = count;
          pick = std::move(trial);
          const auto me = me_in(tried, i);
          clear = me != tried.end() && !astray(*me);
          best_placed = std::move(tried);
          return clear;
        };
        for (const Option& option : options_for(i)) {
          if (option == chosen[i]) continue;
          std::vector<Option> trial = chosen;
          trial[i] = option;
          // The first option that clears this label itself is kept: the search is the
          // layout's whole cost (3.3 ms a frame trying them all, calf squeezes at 1280x720).
          if (consider(std::move(trial))) break;
        }
        // Only where no option of its own clears it: the others stay where they stand.
        if (!clear)
          for (const float rows : {-1.0f, 1.0f, -2.0f, 2.0f})
            if (consider(side_shifted(i, rows))) break;
        if (!pick) continue;
        chosen = std::move(*pick);
        layout.labels = std::move(best_placed);
        total = best;
        better = true;
      }
      if (!better) break;
    }
    // A label routed away with a long line (the other side's, across the whole leg) takes the
    // shortest line among the options that leave no more labels astray: the Ankles at calf
    // squeezes' 2 s went from under its own box to the far side, its line crossing the leg
    // beside the Thighs'; a row below its hands-clear point gives a short slanting one.
    const float short_line = 0.25f * display.x;
    // A label held where it was last frame, still clear, moves only for a line shorter by a
    // fifth of the width: less, and the passing hands swapped it between places of about the
    // same length (the row and a stack, Calves and Thighs in the kiosk's first scene).
    const float clearly_shorter = 0.2f * display.x;
    const auto kept = [&](std::size_t i) { return held[i] && chosen[i] == first[i]; };
    const auto no_more_astray = [&](const std::vector<PlacedLabel>& tried, const std::vector<PlacedLabel>& now) {
      for (std::size_t j = 0; j < n; ++j) {
        const auto t = me_in(tried, j), w = me_in(now, j);
        if (t != tried.end() && astray(*t) && (w == now.end() || !astray(*w))) return false;
      }
      return true;
    };
    for (std::size_t i = 0; i < n; ++i) {
      if (chosen[i] == first[i]) continue;
      const auto placed = me_in(layout.labels, i);
      if (placed == layout.labels.end() || astray(*placed)) continue;
      float best_length = glm::distance(placed->joint, placed->anchor);
      if (best_length <= short_line) continue;
      std::optional<Option> pick;
      int best_count = total;
      std::vector<PlacedLabel> best_placed;
      for (const Option& option : options_for(i)) {
        if (option == chosen[i]) continue;
        std::vector<PlacedLabel> tried = place_with(i, option);
        const auto me = me_in(tried, i);
        if (me == tried.end() || astray(*me)) continue;
        const int count = crossing(tried);
        // Never at another label's cost: one pushed along its stack onto its own anchor lost
        // its line (the Thighs at calf squeezes' 12.5 s) while the count stayed the same.
        if (count > total || !no_more_astray(tried, layout.labels)) continue;
        if (const float length = glm::distance(me->joint, me->anchor); length < best_length) {
          best_length = length;
          pick = option;
          best_count = count;
          best_placed = std::move(tried);
        }
      }
      if (!pick) continue;
      chosen[i] = *pick;
      total = best_count;
      layout.labels = std::move(best_placed);
    }
    // Label i goes to `to` where its line there is shorter than its `length` now by more than
    // `by`, it is not astray there, no more lines cross and no other label goes astray.
    const auto move_if_shorter = [&](std::size_t i, const Option& to, float length, float by) {
      std::vector<PlacedLabel> tried = place_with(i, to);
      const auto me = me_in(tried, i);
      if (me == tried.end() || astray(*me) || glm::distance(me->joint, me->anchor) >= length - by) return;
      const int count = crossing(tried);
      if (count > total || !no_more_astray(tried, layout.labels)) return;
      chosen[i] = to;
      total = count;
      layout.labels = std::move(tried);
    };
    // A held label with a long line takes its fresh place (its anchor's side, level with it)
    // when that is clearly shorter and leaves no more labels astray: the leg has turned or
    // moved since it was placed.
    for (std::size_t i = 0; i < n; ++i) {
      const auto placed = me_in(layout.labels, i);
      const Option fresh{0, overlay.labels[i].anchor.x < centre_x};
      if (!kept(i) || chosen[i] == fresh || placed == layout.labels.end() || astray(*placed)) continue;
      const float length = glm::distance(placed->joint, placed->anchor);
      if (length > short_line) move_if_shorter(i, fresh, length, clearly_shorter);
    }
    // A line still long (the leg runs off the window's edges, so both sides' stacks are far
    // from the points: presenter view at 1920x1080, the Thighs and Calves at the left edge with
    // lines of 528 and 650 px across the thigh and its veins; 345 and 440 at 1280x720): the
    // label goes in the row above the leg, its line running a short way down to its point, where
    // that line is shorter and leaves no more labels astray. Only the labels always placed (lit
    // areas, the picked structure): the atlas's many would crowd the row.
    if (skin.known())
      for (std::size_t i = 0; i < n; ++i) {
        const auto placed = me_in(layout.labels, i);
        if (overlay.labels[i].rank > 0 || chosen[i].row || placed == layout.labels.end()) continue;
        const float length = glm::distance(placed->joint, placed->anchor);
        if (length > short_line)
          move_if_shorter(i, {chosen[i].anchor, chosen[i].left, 0.0f, true}, length, kept(i) ? clearly_shorter : 0.0f);
      }
    layout.labels = place_all(chosen);  // and left_count with it
    for (std::size_t i = 0; i < n; ++i)
      layout.places.push_back({overlay.labels[i].text, chosen[i].anchor, chosen[i].left, chosen[i].rows, chosen[i].row, chosen[i].along});
    place_beside_hands(layout, overlay, o, ui_scale);
  }
  return left_count;
}

// A label still over the hands after the search: its area lies under them, seen only between
// the fingers (the kiosk's calf squeeze at 132 s: left of the hands is the knee, right of them
// the ankle), so no line reaches it clear of a hand. Its box goes beside the hands instead,
// as near its point as it fits (straight below, above, left or right of it), clear of every
// hand by the line's margin and a pointer's length, of the other boxes, the caption, the
// legend and the corner note; a short pointer at the hands, no line (ui/overlay.cpp).
void place_beside_hands(OverlayLayout& layout, const Overlay& overlay, const Overlay& margins, float scale) {
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  const float clearance = kHandClearance * scale, reach = 8.0f * scale;  // the pointer's length
  for (PlacedLabel& p : layout.labels) {
    if (!over_hands(p, overlay.hands, clearance)) continue;
    // Its box holds a second line, "under the hands", below the area's name.
    const glm::vec2 size = covered_label_size(*p.label, scale), at = p.anchor;
    const auto fits = [&](const ScreenBox& b) {
      if (b.min.x < margins.left_margin || b.max.x > display.x - margins.right_margin || b.min.y < 2.0f * ImGui::GetFontSize() ||
          b.max.y > display.y)
        return false;
      for (const ScreenBox* other : {layout.caption ? &*layout.caption : nullptr, layout.legend ? &*layout.legend : nullptr,
                                     layout.corner_note ? &*layout.corner_note : nullptr})
        if (other && b.overlaps(*other)) return false;
      for (const PlacedLabel& q : layout.labels)
        if (&q != &p && b.overlaps(q.box)) return false;
      for (const ScreenOutline& o : overlay.hands)
        if (box_outline_distance(b, o) < clearance + reach) return false;
      return true;
    };
    std::optional<ScreenBox> best;
    float best_shift = FLT_MAX;
    for (const glm::vec2 dir : {glm::vec2(0.0f, 1.0f), glm::vec2(0.0f, -1.0f), glm::vec2(-1.0f, 0.0f), glm::vec2(1.0f, 0.0f)}) {
      for (float shift = 0.0f; shift < best_shift && shift < 0.5f * display.y; shift += 4.0f * scale) {
        const glm::vec2 centre = at + dir * (shift + 0.5f * glm::abs(glm::dot(dir, size)));
        const ScreenBox b{centre - 0.5f * size, centre + 0.5f * size};
        if (fits(b)) {
          best = b;
          best_shift = shift;
          break;
        }
      }
    }
    if (!best) continue;  // nowhere beside them: the label keeps its line over the hands
    const glm::vec2 edge = glm::clamp(at, best->min, best->max);
    p.box = *best;
    p.covered = true;
    p.joint = p.anchor = edge;
    p.pointer = glm::distance(at, edge) > 0.0f ? edge + reach * glm::normalize(at - edge) : edge;
  }
}

}  // namespace effleura::ui
