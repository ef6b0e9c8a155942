#pragma once
// Where the overlay's pieces go on screen, worked out before anything is drawn so that labels,
// the blood-speed legend and the caption never cover one another. Needs a current ImGui
// context for font metrics; draws nothing.
#include <array>
#include <optional>
#include <string>
#include <vector>

#include <glm/vec2.hpp>

#include "ui/overlay.hpp"

namespace effleura::ui {

struct ScreenBox {
  glm::vec2 min{0.0f}, max{0.0f};  // pixels from the top-left
  [[nodiscard]] bool overlaps(const ScreenBox& o) const {
    return min.x < o.max.x && o.min.x < max.x && min.y < o.max.y && o.min.y < max.y;
  }
};

struct PlacedLabel {
  const AreaLabel* label = nullptr;
  ScreenBox box;
  glm::vec2 joint{0.0f};   // where the leader line leaves the box
  glm::vec2 anchor{0.0f};  // where it lands: the label's anchor or one of its other_anchors
  bool behind = false;     // that point is on the far side of the leg (the dot drawn hollow)
  // The area lies under the hands, no line reaching it clear of them: the box sits beside the
  // hands with a short pointer at them (from anchor to pointer), no line; anchor == joint.
  bool covered = false;
  glm::vec2 pointer{0.0f};
  // The box is in the row above the leg (its line runs down to the point), not in a stack at
  // a side: where the leg runs off the window's edges every side's line crossed most of it.
  bool in_row = false;
};

struct OverlayLayout {
  std::vector<PlacedLabel> labels;
  std::vector<LabelPlace> places;    // where each of the overlay's labels went (for Overlay::held)
  std::optional<ScreenBox> legend;   // the blood-speed scale's box
  glm::vec2 legend_bar{0.0f};        // top-left of its colour bar
  float legend_bar_w = 0.0f;         // the colour bar's width: wide enough for its end labels
  // The legend's four texts ("Blood speed", "reflux" with its dot, "still", "fast ..."):
  // boxes around each, laid out so that none covers another at any font size.
  std::array<ScreenBox, 4> legend_texts{};
  std::optional<ScreenBox> caption;  // the caption's box (text inside, inset by caption_pad)
  float caption_pad = 0.0f, caption_font_px = 0.0f, caption_wrap = 0.0f;
  std::optional<ScreenBox> corner_note;  // the kiosk's disclaimer line, bottom left
  float corner_font_px = 0.0f;
  // The name under the cursor (Overlay::hover), its box beside the pointer; none when no name,
  // or when an always-placed label already names it (hover_repeats_label).
  std::optional<ScreenBox> hover;
};

// The legend's texts in the interface's language (ui::tr), in the order of
// OverlayLayout::legend_texts: "Blood speed", "reflux", "still", "fast (20+ cm/s)".
[[nodiscard]] std::array<const char*, 4> legend_texts();
// The flow view's keys under the colour bar: the arrows, then the valves (shut, open, leaky).
[[nodiscard]] const char* arrow_key();
[[nodiscard]] std::array<const char*, 3> valve_keys();
// How large the legend's drawn keys (the arrow, the valves, the reflux dot) are, times their
// size at a 20 px font: the interface's scale, or the font's where it is larger than that (the
// kiosk's 40 px captions font at a scale of 1 drew 17 px keys butting against 40 px words).
[[nodiscard]] float legend_icon_scale(float ui_scale);
// The second line of a label beside the hands (PlacedLabel::covered), "under the hands", in
// the interface's language, drawn at kUnderHandsFont of the label's size: a box with only a
// pointer at the fingers read as naming the hand, not the calf beneath it.
[[nodiscard]] const char* under_hands_note();
inline constexpr float kUnderHandsFont = 0.85f;
// A covered label's box: its name and, below it, under_hands_note() (pixels, at `scale`).
[[nodiscard]] glm::vec2 covered_label_size(const AreaLabel& label, float scale);

OverlayLayout layout_overlay(const Overlay& overlay, float ui_scale);

// Whether the hover line names what a label already names: the same text, or the label's text
// with the note in brackets the labels leave out ("Tibia (shin bone)" over a "Tibia" label).
[[nodiscard]] bool hover_repeats_label(const std::string& hover, const std::string& label);
// The hover box's inner padding (pixels, at `ui_scale`): the text starts this far inside it.
[[nodiscard]] inline float hover_pad(float ui_scale) { return 5.0f * ui_scale; }

// Whether a placed label's leader line (with its dot) runs over a hand or forearm (one of
// `hands`) or within `clearance` pixels of its outline, or its box overlaps one (the outlines
// are drawn a little fuller than the hands: a box may touch one).
[[nodiscard]] bool over_hands(const PlacedLabel& label, const std::vector<ScreenOutline>& hands, float clearance);
// How long the part of a label's leader line outside its own box is, in pixels (0 where the
// anchor lies under the box: only the dot shows, beside or on the box).
[[nodiscard]] float leader_shown(const PlacedLabel& label);
// How many of the layout's labels show too little of their leader line to point anywhere
// (under 14 px per unit of ui_scale outside the box: the dot and a short stroke).
[[nodiscard]] int hidden_leaders(const OverlayLayout& layout, float ui_scale);
// Labels still over the hands after the layout's search (their area lies under them) moved
// beside the hands, clear of them and of the other boxes, with a pointer and no line
// (PlacedLabel::covered); `margins` gives the side panels' margins. layout_overlay calls it.
void place_beside_hands(OverlayLayout& layout, const Overlay& overlay, const Overlay& margins, float ui_scale);
// How far a segment on screen is from an outline: 0 where it enters it.
[[nodiscard]] float segment_outline_distance(glm::vec2 a, glm::vec2 b, const ScreenOutline& outline);
// How far a point on screen is from an outline: 0 inside it.
[[nodiscard]] float outline_distance(glm::vec2 p, const ScreenOutline& outline);
// The convex hull of points on screen, in order round it (for ScreenOutline).
[[nodiscard]] ScreenOutline convex_outline(std::vector<glm::vec2> points);
// How many of the layout's labels do (the layout's own measure, at 4 px per unit of ui_scale:
// the leader's dark stroke and a hair more).
[[nodiscard]] int labels_over_hands(const OverlayLayout& layout, const Overlay& overlay, float ui_scale);

}  // namespace effleura::ui
