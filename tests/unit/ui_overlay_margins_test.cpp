// The overlay keeps between the window's panels: the blood-speed legend and the caption never
// run over the View panel (left) or the Technique/Blood flow column (right). Where the space
// between them is too narrow (a 640x360 window with a structure's card open), they are left
// out rather than drawn over a panel. GL-free (the font's metrics only).
#include <doctest/doctest.h>

#include <algorithm>

#include <imgui.h>

#include "../support/headless_imgui.hpp"
#include "ui/overlay_layout.hpp"

using namespace effleura;

namespace {

struct Case {
  ImVec2 display;
  float font_px;
  float left_margin, right_margin;  // as app/frame.cpp sets them: column width + half an em
  bool room;                        // the legend expected to fit between the panels
  float keep_above = 0.0f;          // Practice docked at the bottom between the columns
};

ui::Overlay flow_overlay(const Case& c) {
  ui::Overlay o;
  o.subject_centre = {0.5f * c.display.x, 0.5f * c.display.y};
  o.caption = "Blood flow at rest: the dots move with the blood, their colour its speed, and the arrows "
              "show where it goes. At rest about 360 mL a minute return from each leg.";
  o.speed_legend = true;
  o.left_margin = c.left_margin;
  o.right_margin = c.right_margin;
  o.keep_above = c.keep_above;
  return o;
}

void check_between(const ui::ScreenBox& b, const Case& c) {
  CHECK(b.min.x >= c.left_margin);
  CHECK(b.max.x <= c.display.x - c.right_margin);
}

}  // namespace

TEST_CASE("the legend and the caption stay between the window's panels, or are left out") {
  const Case cases[] = {
      // The atlas test's window, a card open: View 235 px, the right column 205 px (20 px font).
      {{640.0f, 360.0f}, 20.0f, 245.0f, 215.0f, false},
      // The window at 720p and 1080p with its usual columns (17 px font): both fit.
      {{1280.0f, 720.0f}, 17.0f, 280.5f, 416.5f, true},
      {{1920.0f, 1080.0f}, 17.0f, 280.5f, 416.5f, true},
      // A 640x360 window (17 px), a card open, Practice docked below: the caption, wrapped in the 180 px
      // between the columns, ran off the top of the window.
      {{640.0f, 360.0f}, 17.0f, 245.0f, 215.0f, false, 215.0f},
  };
  for (const Case& c : cases) {
    CAPTURE(c.display.x);
    test::HeadlessImGui imgui(c.display, c.font_px);
    ImGui::NewFrame();
    const ui::OverlayLayout layout = ui::layout_overlay(flow_overlay(c), 1.0f);
    ImGui::EndFrame();
    CHECK(layout.legend.has_value() == c.room);
    if (c.room) CHECK(layout.caption.has_value());  // (at 640x360 it wraps in the 180 px between)
    if (layout.legend) {
      check_between(*layout.legend, c);
      for (const ui::ScreenBox& t : layout.legend_texts) check_between(t, c);
    }
    if (layout.caption) {
      check_between(*layout.caption, c);
      CHECK(layout.caption->min.y >= 0.0f);  // on screen, above a panel docked below
      CHECK(layout.caption->max.y <= (c.keep_above > 0.0f ? c.keep_above : c.display.y));
    }
  }
}

TEST_CASE("the legend's keys grow with its words: the kiosk's 40 px font at a scale of 1") {
  // The kiosk's window builds a 40 px font and keeps the interface's scale at 1: the arrow, the
  // valves and the reflux dot, sized by the scale alone, were 17 px keys butting against 40 px
  // words (seen in a 1920x1080 window under Xvfb). The window's 17 px and a picture's 20 px per
  // 720 lines keep their keys as they were.
  for (const float font : {17.0f, 20.0f, 40.0f}) {
    CAPTURE(font);
    test::HeadlessImGui imgui({1920.0f, 1080.0f}, font);
    ImGui::NewFrame();
    const float k = ui::legend_icon_scale(1.0f);
    CHECK(k == doctest::Approx(std::max(1.0f, font / 20.0f)));
    CHECK(ui::legend_icon_scale(2.0f) == doctest::Approx(std::max(2.0f, font / 20.0f)));  // a 2x interface
    Case c{{1920.0f, 1080.0f}, font, 0.0f, 0.0f, true};
    const ui::OverlayLayout layout = ui::layout_overlay(flow_overlay(c), 1.0f);
    REQUIRE(layout.legend.has_value());
    // The valves' row as overlay.cpp draws it (three 17-unit keys, 12-unit gaps) fits the bar.
    float row = 3.0f * 17.0f * k + 2.0f * 12.0f * k;
    for (const char* t : ui::valve_keys()) row += ImGui::CalcTextSize(t).x;
    CHECK(row <= layout.legend_bar_w);
    ImGui::EndFrame();
  }
}
