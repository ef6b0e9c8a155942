#pragma once
// Where the window's panels go: docked to the window's sides, sized to their content and never
// past the window's edges at any size (1280x720 to 4K, any HiDPI scale). Each panel is placed
// from the display size and from what the panels measured last frame, so they stack rather
// than cover one another. The lesson's presenter view goes where the demonstration is not.
#include <array>
#include <functional>
#include <optional>

#include <glm/vec2.hpp>
#include <glm/vec4.hpp>

namespace effleura::ui {

struct PanelPlace {
  glm::vec2 pos{0.0f};
  glm::vec2 pivot{0.0f};  // which corner of the panel `pos` is (0,0 top-left; 1,1 bottom-right)
  float width = 0.0f;
  float max_height = 0.0f;
  float font_scale = 1.0f;  // the presenter view's text size (1.8 where there is room, down to 1)
  // The rectangle the panel may take at most (pixels, min x, min y, max x, max y).
  [[nodiscard]] glm::vec4 bounds() const {
    const glm::vec2 min = pos - pivot * glm::vec2(width, max_height);
    return {min.x, min.y, min.x + width, min.y + max_height};
  }
};

// The presenter view's text sizes, largest first (times the interface font). 1.1x between
// 1.25x and 1x: a question with its feedback at 720p often misses 1.25x by a line or two.
inline constexpr std::array<float, 5> kPresenterScales = {1.8f, 1.5f, 1.25f, 1.1f, 1.0f};

// The least room (pixels) the camera frames the work in beside the panels (app/frame.cpp's
// frame_in_band; in less it frames the whole window). Presenter view leaves it: a text band
// that took it sent the work to the window's middle, under the text, which then shrank and gave
// the room back (1280x720: the text 1.5x, 1.8x, 1x, 1.5x ... every 9 frames, never settling).
inline constexpr glm::vec2 kSmallestWorkRoom{320.0f, 180.0f};

enum class Panel { view, technique, flow, lesson, count };

struct PanelInput {
  glm::vec2 display{1280.0f, 720.0f};
  float em = 17.0f;              // the font size in pixels
  float bar = 25.0f;             // the menu bar's and the status bar's height
  bool presenter = false;        // the lesson's presenter view: the lesson panel alone
  glm::vec4 working{0.0f};       // the demonstration on screen (ui::Overlay::working)
  // The lesson panel's height (pixels) at a text scale and a width, its whole text shown: in
  // presenter view a band shorter than that is not used (unset: 9 lines of text across); in
  // the window a step the right-hand column cannot hold goes to the bottom-left corner.
  std::function<float(float scale, float width)> presenter_height;
  // The lesson panel's least width (pixels, at the window's text size): its widest button, which
  // cannot wrap (0: unknown). In the window a column narrower than that is not used.
  float lesson_min_width = 0.0f;
  // Heights the panels had last frame (0 when not shown): panels sharing a side share it.
  float height[static_cast<int>(Panel::count)] = {};
  // The lesson panel sits in the bottom-left corner this frame, under the View panel (its text
  // did not fit the right-hand column), not atop that column.
  bool lesson_bottom_left = false;
  // The View column's width this frame when the View panel widened it to hold a structure's
  // card (0: its usual width).
  float view_width = 0.0f;
  // Presenter view's place last frame, while the camera glides the work into the room it
  // leaves: kept as long as it holds the text whole and lies in the window. On its way the work
  // crosses the band's edge, and a band chosen afresh each frame then shrank the text for a
  // frame or sent it to the other side of the work (1280x720, entering presenter view after
  // an answer: 1.5x below the leg, one frame 1.25x at the top, then 1.5x at the top).
  std::optional<PanelPlace> held_presenter;
};

[[nodiscard]] PanelPlace place_panel(Panel panel, const PanelInput& in);

// Width of the right-hand column (Technique, Blood flow) and the left one (View), in pixels.
[[nodiscard]] float right_column_width(const PanelInput& in);
[[nodiscard]] float left_column_width(const PanelInput& in);
// The widest the View column may grow to hold a card: what leaves the leg a quarter of the
// window between it and the right-hand column.
[[nodiscard]] float widest_left_column(const PanelInput& in);

// ImGui glue: the current frame's input (display, fonts, last heights), placing the next
// window, and remembering the height of the window being drawn.
[[nodiscard]] PanelInput current_panel_input(bool presenter, glm::vec4 working);
void set_next_panel(Panel panel, const PanelInput& in);
void remember_panel_height(Panel panel);  // call between Begin and End
// A panel's height this frame known before it is drawn (the lesson panel works its own out
// from its texts): panels drawn before it make room for it in the same frame.
void note_panel_height(Panel panel, float height);
// Where the lesson panel goes this frame in the window (ui::reserve_lesson_panel, before the
// other panels): the View and Blood flow panels make room for it where it is.
void note_lesson_bottom_left(bool bottom_left);
// The View panel's width this frame (it is drawn first): the overlay, the practice camera and
// the other panels keep clear of it in the same frame.
void note_view_width(float width);
// Presenter view's place as drawn this frame, and last frame's (none when it was not drawn in
// presenter view last frame): what PanelInput::held_presenter keeps while the camera glides.
void remember_presenter_place(const PanelPlace& place);
[[nodiscard]] std::optional<PanelPlace> last_presenter_place();
// Call right after Begin: a folded panel opens on a click anywhere on its title, not only on
// its arrow (ImGui's own rule, a double click, is not what a new user tries first).
void unfold_on_title_click();

}  // namespace effleura::ui
