#pragma once
// The area labels' search (ui/overlay_label_search.cpp), shared with the rest of the overlay's
// layout (ui/overlay_layout.cpp): each label stacks on its anchor's side of the leg, and where
// its line or box runs over the hands, or its box hides its own line, other sides, points and
// rows are tried; a label no line can bring clear of the hands goes beside them.
#include <cstddef>

#include "ui/overlay_layout.hpp"

namespace effleura::ui {

// How far (pixels at a scale of 1) a leader line and its box keep from a hand's outline: the
// anchor's dot is 5 px across its centre, the line's dark under-stroke 2 px either side.
constexpr float kHandClearance = 5.0f;

// How much of a leader line (pixels at a scale of 1) must show beyond its own box: the dot's
// radius (5 px) and a stroke one can see leave it (an anchor under or beside its own box drew
// only the dot by the box, no line: the Ankles label, calf squeezes at 2 s).
constexpr float kLeaderShown = 14.0f;

// A box's outline (for the segment and outline tests).
[[nodiscard]] ScreenOutline outline_of(const ScreenBox& box);
// Between a box and an outline: 0 where they overlap.
[[nodiscard]] float box_outline_distance(const ScreenBox& box, const ScreenOutline& outline);

// The band each side's stack of labels keeps within (pixels from the top): what the caption,
// the legend and the panels leave.
struct LabelBands {
  float left_top = 0.0f, left_bottom = 0.0f, right_top = 0.0f, right_bottom = 0.0f;
  float row_top = 0.0f;  // the highest a box in the row above the leg may go (the caption's or a panel's foot)
};

// Whether a placed label's box lies on the legend, the caption or the corner note.
[[nodiscard]] bool label_blocked(const PlacedLabel& label, const OverlayLayout& layout);
// Whether a point on screen lies under the panel over the view (Overlay::keep_clear).
[[nodiscard]] bool under_panel(glm::vec2 point, const Overlay& overlay);

// Places `overlay`'s labels into layout.labels, left stack first, routed round the hands
// (`margins`: the overlay with the side panels' margins); returns how many are on the left.
std::size_t place_labels(OverlayLayout& layout, const Overlay& overlay, const Overlay& margins, float ui_scale,
                         const LabelBands& bands);

}  // namespace effleura::ui
