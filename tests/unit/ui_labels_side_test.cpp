// Which side of the subject an area label stacks on when the subject runs out of view: the
// middle of its part in view, not its whole box's centre. GL-free (the font's metrics only).
#include <doctest/doctest.h>

#include <string>

#include <glm/geometric.hpp>

#include <imgui.h>

#include "../support/headless_imgui.hpp"
#include "ui/overlay_layout.hpp"
#include "ui_placed_label.hpp"

using namespace effleura;
using test::placed;

TEST_CASE("a subject running off the window's edge: its labels stack on the side of the part in view") {
  // Presenter view of the circulation lesson's step 2 at 1280x720 (the layout test's numbers):
  // the leg framed across the whole window, the client's body off its left edge, so the box's
  // centre is on screen at x 435 while the part in view spans 0-1130. The Thighs and Calves
  // anchors (437 and 528) lay just right of that centre: both stacked at the right edge, their
  // lines 750 and 660 px across the lower leg and its veins.
  test::HeadlessImGui imgui(ImVec2(1280.0f, 720.0f), 20.0f);
  ImGui::NewFrame();
  ui::Overlay o;
  o.subject_centre = {435.0f, 185.0f};
  o.subject_x = {0.0f, 1130.0f};
  o.labels.push_back({{437.0f, 202.0f}, "Thighs", false});
  o.labels.push_back({{528.0f, 261.0f}, "Calves", false});
  const ui::OverlayLayout layout = ui::layout_overlay(o, 1.0f);
  for (const char* name : {"Thighs", "Calves"}) {
    CAPTURE(name);
    const ui::PlacedLabel& p = placed(layout, name);
    CHECK(p.box.max.x < p.anchor.x);  // on the left, toward the part in view's nearer edge
    CHECK(glm::distance(p.joint, p.anchor) < 0.4f * 1280.0f);
  }
  // A subject wholly in view keeps its box's centre: an anchor right of it stacks right.
  o.subject_x = {200.0f, 1000.0f};
  const ui::OverlayLayout whole = ui::layout_overlay(o, 1.0f);
  CHECK(placed(whole, "Calves").box.min.x > 528.0f);
  ImGui::EndFrame();
}
