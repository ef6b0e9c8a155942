// An area label's leader line and box keep off the hands at work (ui::Overlay::hands): the
// layout tries the other side, another point of the area, a row above or below, and keeps
// what crosses fewer hands. With no hands it lays labels out as it always did. GL-free (the
// font's metrics only).
#include <doctest/doctest.h>

#include <cfloat>
#include <string>

#include <glm/geometric.hpp>

#include <imgui.h>

#include "../support/headless_imgui.hpp"
#include "ui/overlay_layout.hpp"
#include "ui_placed_label.hpp"

using namespace effleura;
using test::placed;

namespace {

const ImVec2 kDisplay{1280.0f, 720.0f};

ui::ScreenOutline box_outline(glm::vec2 min, glm::vec2 max) { return {{min, {max.x, min.y}, max, {min.x, max.y}}}; }

// A leg across the screen, its centre at (640, 400); the calves' label anchored left of the
// centre, so it stacks on the left, its line running left at the anchor's height.
ui::Overlay leg_overlay() {
  ui::Overlay o;
  o.subject_centre = {640.0f, 400.0f};
  o.labels.push_back({{520.0f, 400.0f}, "Calves", false});
  o.labels.push_back({{900.0f, 380.0f}, "Thighs", false});
  return o;
}

}  // namespace

TEST_CASE("a hand across a label's line: the label goes to the other side of the leg") {
  test::HeadlessImGui imgui(kDisplay, 17.0f);
  ImGui::NewFrame();
  ui::Overlay o = leg_overlay();
  // A forearm standing between the calves' anchor and the left edge, across the level line.
  o.hands.push_back(box_outline({300.0f, 300.0f}, {360.0f, 500.0f}));
  ui::Overlay without = o;  // its labels outlive the layout that points into them
  without.hands.clear();
  const ui::OverlayLayout bare = ui::layout_overlay(without, 1.0f);
  // Without the hands' outline (the layout before this session) the line crosses the forearm.
  CHECK(ui::labels_over_hands(bare, o, 1.0f) == 1);
  CHECK(placed(bare, "Calves").box.max.x < 300.0f);

  const ui::OverlayLayout layout = ui::layout_overlay(o, 1.0f);
  CHECK(ui::labels_over_hands(layout, o, 1.0f) == 0);
  const ui::PlacedLabel& calves = placed(layout, "Calves");
  CHECK(calves.box.min.x > 640.0f);                 // on the right now
  CHECK(calves.anchor == o.labels[0].anchor);       // still landing on its own anchor
  CHECK_FALSE(calves.box.overlaps(placed(layout, "Thighs").box));
  ImGui::EndFrame();
}

TEST_CASE("an anchor under a hand: the line lands on another point of the area, clear of it") {
  test::HeadlessImGui imgui(kDisplay, 17.0f);
  ImGui::NewFrame();
  ui::Overlay o = leg_overlay();
  // Both hands round the calf: one over the anchor, the other to its right; a point of the
  // calf is left clear below and to the left of them.
  o.hands.push_back(box_outline({470.0f, 360.0f}, {570.0f, 440.0f}));
  o.hands.push_back(box_outline({580.0f, 350.0f}, {700.0f, 450.0f}));
  o.labels[0].other_anchors = {{575.0f, 400.0f} /* between the hands */, {440.0f, 420.0f}};
  const ui::OverlayLayout layout = ui::layout_overlay(o, 1.0f);
  const ui::PlacedLabel& calves = placed(layout, "Calves");
  CHECK(ui::labels_over_hands(layout, o, 1.0f) == 0);
  CHECK(calves.anchor == glm::vec2(440.0f, 420.0f));
  CHECK_FALSE(calves.behind);
  ImGui::EndFrame();
}

TEST_CASE("with no hands drawn the labels are laid out as before: level with their anchors, on their side") {
  test::HeadlessImGui imgui(kDisplay, 17.0f);
  ImGui::NewFrame();
  ui::Overlay o = leg_overlay();
  o.labels[0].other_anchors = {{440.0f, 420.0f}};  // offered, but nothing to avoid
  const ui::OverlayLayout layout = ui::layout_overlay(o, 1.0f);
  const ui::PlacedLabel& calves = placed(layout, "Calves");
  CHECK(calves.anchor == o.labels[0].anchor);
  CHECK(calves.box.max.x < 640.0f);
  CHECK(0.5f * (calves.box.min.y + calves.box.max.y) == doctest::Approx(400.0f));
  CHECK(placed(layout, "Thighs").box.min.x > 640.0f);
  ImGui::EndFrame();
}

TEST_CASE("a label's line through another label's box counts as crossing when routing round hands") {
  // Two labels on the right, the lower one's line would run up through the upper one's box if
  // it took a row above: the routing never trades a hand for a hidden line.
  test::HeadlessImGui imgui(kDisplay, 17.0f);
  ImGui::NewFrame();
  ui::Overlay o;
  o.subject_centre = {640.0f, 400.0f};
  o.labels.push_back({{900.0f, 400.0f}, "Thighs", false});
  o.labels.push_back({{1000.0f, 400.0f}, "Glutes", false});
  o.hands.push_back(box_outline({1100.0f, 390.0f}, {1130.0f, 410.0f}));
  const ui::OverlayLayout layout = ui::layout_overlay(o, 1.0f);
  CHECK(ui::labels_over_hands(layout, o, 1.0f) < 2);  // at least one routed round the hand
  for (const auto& p : layout.labels)
    for (const auto& q : layout.labels) {
      if (&p == &q) continue;
      // Sampled along p's line: no point of it inside q's box.
      for (int k = 1; k < 20; ++k) {
        const glm::vec2 x = p.anchor + (p.joint - p.anchor) * (static_cast<float>(k) / 20.0f);
        CHECK_FALSE((x.x > q.box.min.x && x.x < q.box.max.x && x.y > q.box.min.y && x.y < q.box.max.y));
      }
    }
  ImGui::EndFrame();
}

TEST_CASE("the line never lands on a point of the area under a side panel") {
  // The window's View panel covers the left 300 px: the ankles' leftmost point lay under it
  // and the routed line ran into the panel (compression at 9.8 s, 1280x720).
  test::HeadlessImGui imgui(kDisplay, 17.0f);
  ImGui::NewFrame();
  ui::Overlay o = leg_overlay();
  o.left_margin = 300.0f;
  o.hands.push_back(box_outline({470.0f, 360.0f}, {570.0f, 440.0f}));
  o.labels[0].other_anchors = {{250.0f, 400.0f} /* under the panel */, {600.0f, 460.0f}};
  const ui::OverlayLayout layout = ui::layout_overlay(o, 1.0f);
  const ui::PlacedLabel& calves = placed(layout, "Calves");
  CHECK(calves.anchor.x >= o.left_margin);
  CHECK(ui::labels_over_hands(layout, o, 1.0f) == 0);
  ImGui::EndFrame();
}

TEST_CASE("with the hands drawn, a label whose own anchor is under a side panel takes a point in view") {
  // Compression at 9.8 s in the 1280x720 window: the ankles' nearest point (the label's own
  // anchor) lay under the View panel and its line ran into the panel.
  test::HeadlessImGui imgui(kDisplay, 17.0f);
  ImGui::NewFrame();
  ui::Overlay o = leg_overlay();
  o.left_margin = 300.0f;
  o.labels[0].anchor = {250.0f, 400.0f};  // under the panel
  o.labels[0].other_anchors = {{600.0f, 460.0f}};
  o.hands.push_back(box_outline({470.0f, 360.0f}, {570.0f, 440.0f}));
  const ui::OverlayLayout layout = ui::layout_overlay(o, 1.0f);
  CHECK(placed(layout, "Calves").anchor == glm::vec2(600.0f, 460.0f));
  CHECK(ui::labels_over_hands(layout, o, 1.0f) == 0);
  ImGui::EndFrame();
}

TEST_CASE("a label whose anchor lies in its own stack's column takes a point its line can reach") {
  // Calf squeezes at 2 s in the 1280x720 window: the foot reaches past the right-hand stack's
  // boxes toward the Technique panel, and the Ankles' anchor lay under its own box: only the
  // dot showed, beside the box, no line. No hands are in the way: the hidden line alone moves it.
  test::HeadlessImGui imgui(kDisplay, 17.0f);
  ImGui::NewFrame();
  ui::Overlay o = leg_overlay();
  o.right_margin = 430.0f;  // the right-hand stack's boxes end 24 px left of 850
  o.labels.push_back({{815.0f, 500.0f}, "Ankles", false});
  o.labels.back().other_anchors = {{700.0f, 505.0f}};
  ui::Overlay first = o;  // as laid out before: the box over its own anchor
  first.labels.back().other_anchors.clear();
  const ui::OverlayLayout layout = ui::layout_overlay(o, 1.0f);
  const ui::PlacedLabel& ankles = placed(layout, "Ankles");
  CHECK(ui::hidden_leaders(layout, 1.0f) == 0);
  CHECK(ui::leader_shown(ankles) >= 14.0f);
  CHECK(ankles.box.min.x > 640.0f);  // on its side, a short line, not one across the leg
  CHECK(glm::distance(ankles.joint, ankles.anchor) < 0.25f * kDisplay.x);
  // With no other point offered it stays on its side, its box a row above or below its anchor
  // with a short slanting line out to it, rather than one from the other side across the leg.
  const ui::OverlayLayout alone = ui::layout_overlay(first, 1.0f);
  const ui::PlacedLabel& moved = placed(alone, "Ankles");
  CHECK(ui::hidden_leaders(alone, 1.0f) == 0);
  CHECK(moved.box.min.x > 640.0f);
  CHECK(glm::distance(moved.joint, moved.anchor) < 0.25f * kDisplay.x);
  ImGui::EndFrame();
}

TEST_CASE("a box against its column over its own point moves with its stack, its line shown") {
  // Compression at 6.5 s in the 1280x720 explorer (a headless picture's 20 px font): the Thighs'
  // only point in view is a sliver of thigh between the View column and a forearm, under its
  // box; the Calves box stacks on the row above it. Alone a row up, the Thighs box was pushed
  // back under the Calves box; a row down it lay on the forearm; on the right its line crossed
  // both hands: only the dot showed by its box (session 23's labels test allowed it).
  test::HeadlessImGui imgui(kDisplay, 20.0f);
  ImGui::NewFrame();
  ui::Overlay o;
  o.subject_centre = {600.0f, 400.0f};
  o.left_margin = 318.0f;   // the View column and its gap
  o.right_margin = 420.0f;  // the Technique and Practice column
  o.labels.push_back({{455.0f, 325.0f}, "Calves", false});
  o.labels.push_back({{380.0f, 376.0f}, "Thighs", false});
  o.hands.push_back(box_outline({475.0f, 280.0f}, {548.0f, 333.0f}));  // the upper fist
  o.hands.push_back(ui::convex_outline({{470.0f, 333.0f}, {540.0f, 333.0f}, {515.0f, 490.0f}, {390.0f, 495.0f},
                                        {390.0f, 385.0f}}));  // its wrist and forearm
  o.hands.push_back(box_outline({570.0f, 305.0f}, {645.0f, 400.0f}));  // the other hand
  o.hands.push_back(box_outline({545.0f, 400.0f}, {620.0f, 530.0f}));  // and its forearm
  const ui::OverlayLayout layout = ui::layout_overlay(o, 1.0f);
  CHECK(ui::labels_over_hands(layout, o, 1.0f) == 0);
  CHECK(ui::hidden_leaders(layout, 1.0f) == 0);
  const ui::PlacedLabel &thighs = placed(layout, "Thighs"), &calves = placed(layout, "Calves");
  CHECK(ui::leader_shown(thighs) >= 14.0f);
  CHECK(thighs.anchor == o.labels[1].anchor);
  CHECK(thighs.box.max.x < 455.0f);  // still on its side, by its point
  CHECK(calves.box.max.x < 455.0f);
  CHECK_FALSE(thighs.box.overlaps(calves.box));
  ImGui::EndFrame();
}

TEST_CASE("how much of a leader shows: the part of its line outside its own box") {
  ui::AreaLabel label{{0.0f, 0.0f}, "x", false};
  ui::PlacedLabel p;
  p.label = &label;
  p.box = {{100.0f, 100.0f}, {160.0f, 130.0f}};
  p.joint = {100.0f, 115.0f};
  p.anchor = {60.0f, 115.0f};  // out to the left: all of it shows
  CHECK(ui::leader_shown(p) == doctest::Approx(40.0f));
  p.anchor = {140.0f, 115.0f};  // back under the box: none
  CHECK(ui::leader_shown(p) == doctest::Approx(0.0f));
  p.anchor = {180.0f, 115.0f};  // through the box and out the far side: the 20 px past it
  CHECK(ui::leader_shown(p) == doctest::Approx(20.0f));
  p.anchor = {100.0f, 160.0f};  // straight down the box's edge from the joint: the 30 px below it
  CHECK(ui::leader_shown(p) == doctest::Approx(30.0f));
}

TEST_CASE("an area wholly under the hands: its box sits beside them with a pointer, no line across a hand") {
  // The kiosk's calf squeeze at 132 s: the calf shows only between the fingers; every line to
  // it crossed a hand (1 of 29 labels at both sizes).
  test::HeadlessImGui imgui(kDisplay, 17.0f);
  ImGui::NewFrame();
  ui::Overlay o;
  o.subject_centre = {640.0f, 400.0f};
  o.labels.push_back({{650.0f, 400.0f}, "Calves", false});
  // Two hands side by side round the anchor, forearms up and out to both sides of the screen.
  o.hands.push_back(box_outline({560.0f, 350.0f}, {648.0f, 440.0f}));
  o.hands.push_back(box_outline({652.0f, 350.0f}, {740.0f, 440.0f}));
  o.hands.push_back(box_outline({0.0f, 300.0f}, {600.0f, 360.0f}));
  o.hands.push_back(box_outline({700.0f, 300.0f}, {1280.0f, 360.0f}));
  const ui::OverlayLayout layout = ui::layout_overlay(o, 1.0f);
  const ui::PlacedLabel& calves = placed(layout, "Calves");
  CHECK(ui::labels_over_hands(layout, o, 1.0f) == 0);
  CHECK(calves.covered);
  CHECK(calves.box.min.y > 440.0f);                                     // straight below the hands, nearest the point
  CHECK(calves.box.min.y < 480.0f);                                     // touching close, not far off
  CHECK(calves.box.min.x < 650.0f);
  CHECK(calves.box.max.x > 650.0f);                                     // under the point it names
  CHECK(calves.pointer.y < calves.box.min.y);                           // the pointer at the hands
  CHECK(ui::hidden_leaders(layout, 1.0f) == 0);                         // no line by design, not a hidden one
  // Two lines in the box: the name, then "under the hands" (session 22: with the name alone,
  // the pointer at the fingers read as naming the hand; the box was one 17 px line, 29 px tall).
  const float note_w = ImGui::GetFont()->CalcTextSizeA(ui::kUnderHandsFont * 17.0f, FLT_MAX, 0.0f, ui::under_hands_note()).x;
  CHECK(std::string(ui::under_hands_note()) == "under the hands");      // no locale loaded: the English
  CHECK(calves.box.max.y - calves.box.min.y >= 17.0f * (1.0f + ui::kUnderHandsFont) + 12.0f);
  CHECK(calves.box.max.x - calves.box.min.x >= note_w + 12.0f);
  ImGui::EndFrame();
}
