// Area labels in a row above the leg where the leg runs off the window's edges: each side's
// stack is then far from the points, so a box over its point with a short line down to it reads
// better than one at the window's edge with a line across the whole thigh. GL-free (the font's
// metrics only).
#include <doctest/doctest.h>

#include <string>

#include <glm/geometric.hpp>

#include <imgui.h>

#include "../support/headless_imgui.hpp"
#include "ui/overlay_layout.hpp"
#include "ui_placed_label.hpp"

using namespace effleura;
using test::placed;

namespace {

// Presenter view of the circulation lesson's step 2 at 1920x1080 (the layout test's numbers,
// 30 px font): the leg from the window's left edge to the toes at x 1560, the client's body off
// the left edge; the thigh's and calf's skin from y 170 down to 360, the foot rising to y 40.
ui::Overlay presenter_1080() {
  ui::Overlay o;
  o.subject_centre = {560.0f, 250.0f};
  o.subject_x = {0.0f, 1560.0f};
  for (float x = 0.0f; x < 1560.0f; x += 6.0f) {
    const float top = x < 1250.0f ? 170.0f : 40.0f;
    for (float y = top; y <= 360.0f; y += 20.0f) o.subject_points.emplace_back(x, y);
  }
  o.labels.push_back({{666.0f, 232.0f}, "Thighs", false});
  o.labels.push_back({{788.0f, 315.0f}, "Calves", false});
  return o;
}

}  // namespace

TEST_CASE("a leg running off the window: its lit areas' labels go in a row above it, short lines down") {
  test::HeadlessImGui imgui(ImVec2(1920.0f, 1080.0f), 30.0f);
  ImGui::NewFrame();
  const ui::Overlay o = presenter_1080();
  const ui::OverlayLayout layout = ui::layout_overlay(o, 1.5f);
  for (const std::string name : {"Thighs", "Calves"}) {
    CAPTURE(name);
    const ui::PlacedLabel& p = placed(layout, name);
    // Before the row: at the left edge, lines of 528 and 650 px (over a quarter of the width).
    CHECK(glm::distance(p.joint, p.anchor) < 1080.0f / 6.0f);
    CHECK(p.box.max.y <= 170.0f);                                 // above the leg, not on it
    CHECK((p.box.min.x <= p.anchor.x && p.anchor.x <= p.box.max.x));  // over its point: the line runs down
  }
  CHECK_FALSE(placed(layout, "Thighs").box.overlaps(placed(layout, "Calves").box));

  // The row needs the leg's top edge: a box there must not lie on the leg. With the foot rising
  // over the whole width there is no room above it: the labels stay in the sides' stacks.
  ui::Overlay tall = o;
  tall.subject_points.clear();
  for (float x = 0.0f; x < 1560.0f; x += 6.0f) tall.subject_points.emplace_back(x, 30.0f);
  const ui::OverlayLayout side = ui::layout_overlay(tall, 1.5f);
  for (const std::string name : {"Thighs", "Calves"}) {
    CAPTURE(name);
    CHECK_FALSE(placed(side, name).in_row);
    CHECK(placed(side, name).box.min.y > 30.0f);
  }

  // A label whose side line is short keeps its place beside the leg: the leg wholly in view.
  ui::Overlay small = o;
  small.subject_x = {500.0f, 1400.0f};
  small.subject_centre = {950.0f, 250.0f};
  small.labels = {{{560.0f, 232.0f}, "Thighs", false}};
  const ui::OverlayLayout beside = ui::layout_overlay(small, 1.5f);
  CHECK(placed(beside, "Thighs").box.max.y > 170.0f);  // level with its point, at the left
  CHECK(placed(beside, "Thighs").box.max.x < 560.0f);
  ImGui::EndFrame();
}
