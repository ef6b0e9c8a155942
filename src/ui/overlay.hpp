#pragma once
// What is drawn over the 3D view in both the window and headless renders: area labels with
// leader lines and a caption. Screen positions come from the app; this only lays them out.
#include <cstddef>
#include <string>
#include <vector>

#include <glm/vec2.hpp>
#include <glm/vec4.hpp>

namespace effleura::ui {

struct AreaLabel {
  glm::vec2 anchor{0.0f};  // the area's centre on screen, in pixels from the top-left
  std::string text;
  bool behind = false;     // the centre is on the far side of the leg: the dot is drawn hollow
  // 0: always placed. Above 0 (the atlas's labels on every structure): dropped when its side of
  // the screen has no room or it would cover a label on the other side, the highest rank first.
  int rank = 0;
  // Other points of the same area on screen, clear of the hands at work (on the same side of
  // the leg as `anchor`: `behind` holds for them too): the leader line may land on one of them
  // instead when every line from `anchor` would cross a hand (the nearest point of the calves
  // lies under the hands that squeeze it). Empty: `anchor` only.
  std::vector<glm::vec2> other_anchors{};
};

// A convex outline on screen (pixels, its corners in order round it): what a drawn hand (palm
// and fingers) or forearm covers.
struct ScreenOutline {
  std::vector<glm::vec2> points;
};

// Where the layout put a label (ui/overlay_label_search.cpp): which of its points its line lands
// on, the side's stack or the row above the leg, and how far off level or along the row. The
// window keeps last frame's and hands them back (Overlay::held): a label holds its place until
// that place goes astray or another is clearly better, so labels do not jump about as the hands
// pass (the kiosk's first scene moved them 7 times in 6.6 s at 5 frames a second).
struct LabelPlace {
  std::string text;        // the label's (AreaLabel::text)
  std::size_t anchor = 0;  // 0: its anchor; k: its other_anchors[k - 1]
  bool left = false;       // in the left-hand stack (when not in the row)
  float rows = 0.0f;       // the box this many rows below its point (above if < 0)
  bool row = false;        // in the row above the leg
  float along = 0.0f;      // in the row: the box this many of its widths right of over its point
  bool operator==(const LabelPlace&) const = default;
};

struct Overlay {
  std::vector<AreaLabel> labels;
  // Last frame's places of labels by their text (the layout's OverlayLayout::places); empty for
  // a fresh layout (a still, a test's single layout).
  std::vector<LabelPlace> held;
  glm::vec2 subject_centre{0.0f};  // the model's centre on screen: labels go to the side away from it
  // The model's left and right edges on screen (pixels); equal when unknown. A caption goes
  // beside the model when there is room, so it never covers the hands at work.
  glm::vec2 subject_x{0.0f};
  // A sample of the leg's skin on screen (pixels): the blood-speed legend goes where it covers
  // none of it (or the least). Empty when unknown.
  std::vector<glm::vec2> subject_points;
  std::string caption;             // one or two lines along the bottom; empty for none
  std::string hover;               // what is under the cursor (window only)
  glm::vec2 hover_at{0.0f};
  bool speed_legend = false;       // the blood-speed colour scale, top right
  // Kiosk: where the caption box is centred (0..1 of the screen), moved now and then so no
  // bright box stays in one place for hours.
  bool caption_placed = false;
  glm::vec2 caption_at{0.5f, 0.85f};
  bool large_caption = false;      // text read from across a room
  float left_margin = 0.0f;        // pixels kept free by panels at the sides (window only)
  float right_margin = 0.0f;
  // Where the demonstration happens on screen: the hands at work and the lit areas (pixels,
  // min x, min y, max x, max y; empty when max <= min). Captions and panels keep out of it.
  glm::vec4 working{0.0f};
  // The therapist's hands and forearms as drawn this frame, one outline each: labels' leader
  // lines and boxes are routed round them (another anchor, the other side), never across the
  // work. Empty when no hands are drawn.
  std::vector<ScreenOutline> hands;
  // A panel over the view (the lesson's) that labels and the legend keep clear of; empty when
  // max <= min.
  glm::vec4 keep_clear{0.0f};
  // The top (pixels) of a panel docked at the bottom between the side columns (Practice, when
  // the right-hand column has no room for it): the caption, labels and legend stay above it.
  // 0 for none.
  float keep_above = 0.0f;
  // Kiosk: a short line kept in a corner at all times (the medical disclaimer); empty for none.
  std::string corner_note;
};

// True when `working` holds a rectangle.
[[nodiscard]] inline bool has_working_area(const Overlay& o) { return o.working.z > o.working.x && o.working.w > o.working.y; }

struct OverlayLayout;  // ui/overlay_layout.hpp

// Lays out labels down the left and right of the subject, stacked so they never overlap, and
// draws them on ImGui's foreground list. Call between ImGui::NewFrame and ImGui::Render.
// Returns the layout it drew (the camera frames the leg above the caption and legend), so the
// frame need not lay the overlay out a second time; its labels point into `overlay`.
OverlayLayout draw_overlay(const Overlay& overlay, float ui_scale);

}  // namespace effleura::ui
