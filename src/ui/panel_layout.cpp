#include "ui/panel_layout.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <optional>

#include <imgui.h>

namespace effleura::ui {
namespace {

float h(const PanelInput& in, Panel p) { return in.height[static_cast<int>(p)]; }

// The presenter view's place: the largest band clear of the working area (below, above, left
// or right of it) that holds its text at the largest of a few sizes; along the bottom when
// nothing is at work, or, when nowhere is clear, the taller band above or below at the
// smallest size.
struct PresenterRegion {
  glm::vec4 rect;
  float scale;
};
PresenterRegion presenter_region(const PanelInput& in, float top, float bottom, float margin) {
  const glm::vec4 full{margin, top, in.display.x - margin, bottom};
  const glm::vec4 w = in.working;
  if (!(w.z > w.x && w.w > w.y)) return {full, kPresenterScales[0]};
  const std::array<glm::vec4, 4> bands = {glm::vec4{full.x, w.w + margin, full.z, full.w},   // below
                                          glm::vec4{full.x, full.y, full.z, w.y - margin},   // above
                                          glm::vec4{full.x, full.y, w.x - margin, full.w},   // left
                                          glm::vec4{w.z + margin, full.y, full.z, full.w}};  // right
  // A band across the screen (below or above the work) reads best; a side band only when
  // neither holds the text even at the smallest size.
  auto needed = [&](float scale, float width) {
    return in.presenter_height ? in.presenter_height(scale, width) : 9.0f * scale * in.em;
  };
  // The panel leaves the camera its room (kSmallestWorkRoom) beside it, past the gap the camera
  // keeps from it (half an em, app/frame.cpp): a band across takes at most the window's height
  // less that, one down a side its width less that.
  const float most_h = bottom - 0.5f * in.em - kSmallestWorkRoom.y;
  const float most_w = in.display.x - margin - 0.5f * in.em - kSmallestWorkRoom.x;
  auto pick = [&](std::size_t first, std::size_t last, float width_em) -> std::optional<PresenterRegion> {
    for (const float scale : kPresenterScales) {
      const float min_w = std::max(0.3f * in.display.x, width_em * scale * in.em);
      std::optional<PresenterRegion> best;
      float best_area = 0.0f;
      for (std::size_t i = first; i <= last; ++i) {
        // Against the window's edge (ui::place_panel puts it there): cut on the work's side.
        glm::vec4 b = bands[i];
        if (i == 0) b.y = std::max(b.y, b.w - most_h);
        if (i == 1) b.w = std::min(b.w, b.y + most_h);
        if (i == 2) b.z = std::min(b.z, b.x + most_w);
        if (i == 3) b.x = std::max(b.x, b.z - most_w);
        const float bw = std::min(b.z - b.x, 0.9f * in.display.x), bh = b.w - b.y;
        if (bw < min_w || bh < needed(scale, bw) || bw * bh <= best_area) continue;
        best_area = bw * bh;
        best = PresenterRegion{b, scale};
      }
      if (best) return best;
    }
    return std::nullopt;
  };
  // A band across the screen (below or above the work) reads best; a side band only when
  // neither holds the panel even at the smallest size.
  if (auto across = pick(0, 1, 12.0f)) return *across;
  if (auto side = pick(2, 3, 16.0f)) return *side;
  // There the panel is as tall as its whole text needs (12 lines at least): over part of the
  // work rather than its text and buttons cut off.
  const float em = kPresenterScales.back() * in.em;
  const float tall = std::max(12.0f * em, needed(kPresenterScales.back(), std::min(full.z - full.x, 0.9f * in.display.x)));
  const glm::vec4 r = (bottom - w.w) >= (w.y - top) ? glm::vec4{full.x, std::max(top, bottom - tall), full.z, full.w}
                                                     : glm::vec4{full.x, full.y, full.z, std::min(bottom, top + tall)};
  return {r, kPresenterScales.back()};
}

// The height of the panel at the top of the right-hand column: the Technique panel, or a lesson's
// panel in the window (not presenter view, which stands alone: its height is the presenter's).
float column_top_height(const PanelInput& in) {
  return std::max(h(in, Panel::technique), in.presenter || in.lesson_bottom_left ? 0.0f : h(in, Panel::lesson));
}

// A presenter place still good: inside the window, and tall enough for the text at its size.
bool holds_presenter_text(const PanelPlace& p, const PanelInput& in) {
  const glm::vec4 b = p.bounds();
  if (b.x < 0.0f || b.y < 0.0f || b.z > in.display.x || b.w > in.display.y) return false;
  const float needed = in.presenter_height ? in.presenter_height(p.font_scale, p.width) : 9.0f * p.font_scale * in.em;
  return needed <= p.max_height;
}

}  // namespace

float right_column_width(const PanelInput& in) { return std::clamp(24.0f * in.em, 16.0f * in.em, 0.32f * in.display.x); }
float left_column_width(const PanelInput& in) {
  if (in.view_width > 0.0f) return in.view_width;
  return std::clamp(16.0f * in.em, 12.0f * in.em, 0.24f * in.display.x);
}
float widest_left_column(const PanelInput& in) {
  PanelInput usual = in;
  usual.view_width = 0.0f;
  const float margins = 2.0f * in.em;  // the window's edges and the gaps between columns
  return std::max(left_column_width(usual), in.display.x - right_column_width(in) - 0.25f * in.display.x - margins);
}

PanelPlace place_panel(Panel panel, const PanelInput& in) {
  const float margin = 0.5f * in.em, gap = 0.5f * in.em;
  const float top = in.bar + margin, bottom = in.display.y - in.bar - margin;
  const float avail = std::max(bottom - top, 4.0f * in.em);
  PanelPlace p;
  switch (panel) {
    case Panel::view: {
      p.pos = {margin, top};
      p.width = left_column_width(in);
      // The whole column, unless a lesson's panel sits under it (else in the right-hand column).
      const float lesson = in.lesson_bottom_left ? h(in, Panel::lesson) : 0.0f;
      p.max_height = std::max(avail - (lesson > 0.0f ? lesson + gap : 0.0f), 6.0f * in.em);
      break;
    }
    case Panel::technique: {
      p.width = right_column_width(in);
      p.pos = {in.display.x - margin - p.width, top};
      // Shares the column with Blood flow: all of it when that is folded, else a bit over half.
      const float flow = h(in, Panel::flow);
      p.max_height = flow <= 2.0f * in.bar ? avail - flow - gap : std::max(0.55f * avail, avail - flow - gap);
      break;
    }
    case Panel::flow: {
      p.width = right_column_width(in);
      p.pos = {in.display.x - margin, bottom};
      p.pivot = {1.0f, 1.0f};
      // Under the column's top panel: the Technique panel, or in a lesson the lesson's.
      const float above = column_top_height(in);
      p.max_height = std::max(avail - (above > 0.0f ? above + gap : 0.0f), 3.0f * in.em);
      break;
    }
    case Panel::lesson:
    case Panel::count: {
      if (in.presenter && in.held_presenter && holds_presenter_text(*in.held_presenter, in)) return *in.held_presenter;
      if (in.presenter) {
        const PresenterRegion region = presenter_region(in, top, bottom, margin);
        const glm::vec4 r = region.rect;
        p.font_scale = region.scale;
        p.width = std::min(r.z - r.x, 0.9f * in.display.x);
        p.max_height = r.w - r.y;
        // Against the band's edge away from the work: the bottom of a band below it, the top
        // of one above; a side band from its top.
        const bool working = in.working.w > in.working.y;
        const bool below = !working || r.y > in.working.y;
        const bool side = working && (r.z <= in.working.x || r.x >= in.working.z);
        p.pos = {0.5f * (r.x + r.z), below && !side ? r.w : r.y};
        p.pivot = {0.5f, below && !side ? 1.0f : 0.0f};
      } else {
        // In the window the lesson takes the Technique panel's place at the top of the right-hand
        // column (no Technique panel in a lesson: app/frame.cpp), Blood flow under it. Until
        // session 23 it sat in the bottom-left corner under the View panel, as wide as 30 em:
        // with a question's feedback at 1280x720 it took half the window's height and left the
        // leg a strip 566x320 px between the columns above it; in the column the leg has their
        // whole height. The step's text is what the class reads: it takes what it needs of the
        // column, and Blood flow under it keeps at least its title and tabs (its plots scroll).
        // (Keeping it 0.3 of the column sent a question's feedback at 1280x720 in a headless
        // picture's font back to the corner: 470 px of text at 20 em across, 445 px left.)
        p.width = right_column_width(in);
        p.pos = {in.display.x - margin - p.width, top};
        const float flow = h(in, Panel::flow);
        p.max_height = flow > 0.0f ? avail - gap - std::min(flow, 4.0f * in.em) : avail;
        // Where the column cannot hold the step's whole text (a long step with its question and
        // feedback beside an open Blood flow panel), the bottom-left corner as before, wider: up
        // to 0.6 of the height, more when its text needs it, leaving the View panel above six
        // lines.
        // So does one with a button wider than the column (a German answer at 1280x720 in a
        // headless picture's font ran 85 px past the panel's edge).
        if ((in.presenter_height && in.presenter_height(1.0f, p.width) > p.max_height) || in.lesson_min_width > std::floor(p.width)) {
          p.width = std::min(30.0f * in.em, in.display.x - right_column_width(in) - 3.0f * margin);
          p.pos = {margin, bottom};
          p.pivot = {0.0f, 1.0f};
          p.max_height = std::clamp(in.presenter_height(1.0f, p.width), 0.6f * avail, std::max(0.6f * avail, avail - 6.0f * in.em - gap));
        }
      }
      break;
    }
  }
  return p;
}

namespace {
struct Remembered {
  float height = 0.0f;
  int frame = -10;
  const ImGuiContext* context = nullptr;  // a new context (a test's next window) restarts the frame count
};
std::array<Remembered, static_cast<int>(Panel::count)>& remembered() {
  static std::array<Remembered, static_cast<int>(Panel::count)> r;  // one ImGui context per program
  return r;
}
Remembered& view_width() {
  static Remembered w;  // `height` holds the width
  return w;
}
}  // namespace

namespace {
struct RememberedFlag {
  bool on = false;
  int frame = -10;
  const ImGuiContext* context = nullptr;
};
RememberedFlag& lesson_bottom_left() {
  static RememberedFlag f;  // one ImGui context per program, as the heights
  return f;
}
}  // namespace

PanelInput current_panel_input(bool presenter, glm::vec4 working) {
  PanelInput in;
  const ImVec2 d = ImGui::GetIO().DisplaySize;
  in.display = {d.x, d.y};
  in.em = ImGui::GetFontSize();
  in.bar = ImGui::GetFrameHeight();
  in.presenter = presenter;
  in.working = working;
  const int frame = ImGui::GetFrameCount();
  for (int i = 0; i < static_cast<int>(Panel::count); ++i)
    // Not drawn last frame: 0. "Last frame" exactly: a later context (tests open one per
    // window, possibly at the same address) counts its frames from 0 again.
    in.height[i] = remembered()[i].context == ImGui::GetCurrentContext() && remembered()[i].frame >= frame - 1 &&
                           remembered()[i].frame <= frame
                       ? remembered()[i].height
                       : 0.0f;
  // This frame's only: the View panel is drawn before the others and notes it every frame.
  if (view_width().context == ImGui::GetCurrentContext() && view_width().frame == frame) in.view_width = view_width().height;
  // This frame's too: the lesson panel's place is worked out before the other panels are drawn.
  in.lesson_bottom_left = lesson_bottom_left().context == ImGui::GetCurrentContext() && lesson_bottom_left().frame == frame &&
                          lesson_bottom_left().on;
  return in;
}

void set_next_panel(Panel panel, const PanelInput& in) {
  const PanelPlace p = place_panel(panel, in);
  ImGui::SetNextWindowPos(ImVec2(p.pos.x, p.pos.y), ImGuiCond_Always, ImVec2(p.pivot.x, p.pivot.y));
  ImGui::SetNextWindowSizeConstraints(ImVec2(p.width, 0.0f), ImVec2(p.width, p.max_height));
}

void remember_panel_height(Panel panel) {
  remembered()[static_cast<int>(panel)] = {ImGui::GetWindowSize().y, ImGui::GetFrameCount(), ImGui::GetCurrentContext()};
}

void note_panel_height(Panel panel, float height) {
  remembered()[static_cast<int>(panel)] = {height, ImGui::GetFrameCount(), ImGui::GetCurrentContext()};
}

void note_lesson_bottom_left(bool bottom_left) {
  lesson_bottom_left() = {bottom_left, ImGui::GetFrameCount(), ImGui::GetCurrentContext()};
}

void note_view_width(float width) { view_width() = {width, ImGui::GetFrameCount(), ImGui::GetCurrentContext()}; }

namespace {
struct RememberedPlace {
  PanelPlace place;
  int frame = -10;
  const ImGuiContext* context = nullptr;
};
RememberedPlace& presenter_place() {
  static RememberedPlace p;  // one ImGui context per program, as the heights
  return p;
}
}  // namespace

void remember_presenter_place(const PanelPlace& place) {
  presenter_place() = {place, ImGui::GetFrameCount(), ImGui::GetCurrentContext()};
}

std::optional<PanelPlace> last_presenter_place() {
  const RememberedPlace& p = presenter_place();
  // Last frame's exactly (or this frame's, read again): an older one is another entry's.
  const int frame = ImGui::GetFrameCount();
  if (p.context != ImGui::GetCurrentContext() || p.frame < frame - 1 || p.frame > frame) return std::nullopt;
  return p.place;
}

void unfold_on_title_click() {
  if (!ImGui::IsWindowCollapsed() || !ImGui::IsItemHovered() || !ImGui::IsMouseClicked(ImGuiMouseButton_Left)) return;
  // The arrow at the title's left end folds and unfolds by itself: leave its clicks to it.
  if (ImGui::GetIO().MousePos.x <= ImGui::GetItemRectMin().x + ImGui::GetFrameHeight()) return;
  ImGui::SetWindowCollapsed(false);
}

}  // namespace effleura::ui
