// The overlay's layout: area labels, the blood-speed legend and the caption never cover one
// another and stay on screen, wherever the anchors are and wherever the kiosk puts the caption.
#include <doctest/doctest.h>

#include <string>

#include <imgui.h>

#include "scene_render_support.hpp"
#include "ui/headless_imgui.hpp"
#include "ui/overlay_layout.hpp"

using namespace effleura;

namespace {

constexpr glm::ivec2 kScreen{1280, 720};

// Nine areas down a leg in the middle of the screen, alternately a little left and right of
// its axis, bunched toward the bottom as a foot-first view puts them.
ui::Overlay crowded_overlay() {
  ui::Overlay o;
  o.subject_centre = {640.0f, 360.0f};
  const char* names[] = {"Glutes", "IT band", "Thighs", "Hamstrings", "Behind the knee", "Calves", "Shin", "Ankles", "Feet"};
  for (int i = 0; i < 9; ++i)
    o.labels.push_back({{i % 2 ? 660.0f : 620.0f, 300.0f + 45.0f * static_cast<float>(i)}, names[i], false});
  o.caption = "4 of 13   Now the deeper work. Petrissage on the calf: lift the muscle away from the bone, "
              "squeeze, and roll it between your hands.\nWhich way do the hands move?";
  o.speed_legend = true;
  return o;
}

void check_no_overlaps(const ui::OverlayLayout& layout) {
  std::vector<ui::ScreenBox> boxes;
  for (const auto& p : layout.labels) boxes.push_back(p.box);
  if (layout.legend) boxes.push_back(*layout.legend);
  if (layout.caption) boxes.push_back(*layout.caption);
  for (std::size_t i = 0; i < boxes.size(); ++i) {
    CHECK(boxes[i].min.x >= 0.0f);
    CHECK(boxes[i].min.y >= 0.0f);
    CHECK(boxes[i].max.x <= static_cast<float>(kScreen.x));
    CHECK(boxes[i].max.y <= static_cast<float>(kScreen.y));
    for (std::size_t j = i + 1; j < boxes.size(); ++j) {
      CAPTURE(i);
      CAPTURE(j);
      CHECK_FALSE(boxes[i].overlaps(boxes[j]));
    }
  }
}

}  // namespace

TEST_CASE("labels, legend and caption never cover one another") {
  test::scene_rig();  // a GL context for the ImGui backend
  ui::HeadlessImGui imgui;
  imgui.begin(kScreen, 1.0f / 30.0f);
  const ui::Overlay overlay = crowded_overlay();
  const ui::OverlayLayout layout = ui::layout_overlay(overlay, imgui.scale());
  REQUIRE(layout.labels.size() == 9);
  REQUIRE(layout.caption.has_value());
  REQUIRE(layout.legend.has_value());
  check_no_overlaps(layout);

  // The kiosk moves its caption to the top now and then: labels then stay below it.
  ui::Overlay kiosk = overlay;
  kiosk.speed_legend = false;
  kiosk.caption_placed = true;
  kiosk.caption_at = {0.5f, 0.12f};
  kiosk.large_caption = true;
  const ui::OverlayLayout top = ui::layout_overlay(kiosk, imgui.scale());
  check_no_overlaps(top);
  for (const auto& p : top.labels) CHECK(p.box.min.y >= top.caption->max.y);
  imgui.end();
}

TEST_CASE("with room to spare a label sits level with its anchor") {
  test::scene_rig();
  ui::HeadlessImGui imgui;
  imgui.begin(kScreen, 1.0f / 30.0f);
  ui::Overlay o;
  o.subject_centre = {640.0f, 360.0f};
  o.labels.push_back({{700.0f, 250.0f}, "Calves", false});
  const ui::OverlayLayout layout = ui::layout_overlay(o, imgui.scale());
  REQUIRE(layout.labels.size() == 1);
  const ui::ScreenBox& b = layout.labels[0].box;
  CHECK((b.min.y + b.max.y) * 0.5f == doctest::Approx(250.0f).epsilon(0.01));
  CHECK(b.min.x > 700.0f);  // right of the subject, so on the right side
  imgui.end();
}

TEST_CASE("beside a narrow subject the caption goes in the free column with fewer labels") {
  test::scene_rig();
  ui::HeadlessImGui imgui;
  imgui.begin(kScreen, 1.0f / 30.0f);
  ui::Overlay o = crowded_overlay();
  o.speed_legend = false;
  o.subject_x = {560.0f, 720.0f};  // a standing leg in the middle of the frame
  o.labels.resize(3);              // Glutes (left), IT band (right), Thighs (left)
  const ui::OverlayLayout layout = ui::layout_overlay(o, imgui.scale());
  REQUIRE(layout.caption.has_value());
  CHECK(layout.caption->min.x >= 720.0f);  // right of the leg: not over the hands at work
  check_no_overlaps(layout);
  // The blood-speed legend joins the caption in its column, above it.
  o.speed_legend = true;
  const ui::OverlayLayout with_legend = ui::layout_overlay(o, imgui.scale());
  REQUIRE(with_legend.legend.has_value());
  CHECK(with_legend.legend->min.x >= 720.0f);
  CHECK(with_legend.legend->max.y <= with_legend.caption->min.y);
  check_no_overlaps(with_legend);
  o.speed_legend = false;
  // A subject filling the frame leaves no column: the caption is centred below as before.
  o.subject_x = {100.0f, 1180.0f};
  const ui::OverlayLayout wide = ui::layout_overlay(o, imgui.scale());
  CHECK((wide.caption->min.x + wide.caption->max.x) * 0.5f == doctest::Approx(640.0f).epsilon(0.02));
  imgui.end();
}

TEST_CASE("the speed legend's texts never cover one another and stay on screen, whatever the font size") {
  test::scene_rig();
  ui::HeadlessImGui imgui;
  // The kiosk draws 40 px text at a content scale of 1: a bar of fixed width put "still" over
  // "fast (20+ cm/s)". Font scales from 1 to 2.5 times the headless 20 px.
  for (const float font_scale : {1.0f, 2.0f, 2.5f}) {
    ImGui::GetIO().FontGlobalScale = font_scale;
    imgui.begin(kScreen, 1.0f / 30.0f);
    ui::Overlay o = crowded_overlay();
    o.left_margin = 400.0f;  // a wide panel on the left: the legend must not run off either edge
    o.subject_x = {150.0f, 1250.0f};
    const ui::OverlayLayout layout = ui::layout_overlay(o, 1.0f);
    REQUIRE(layout.legend.has_value());
    CAPTURE(font_scale);
    for (std::size_t i = 0; i < layout.legend_texts.size(); ++i) {
      const ui::ScreenBox& t = layout.legend_texts[i];
      CHECK(t.max.x - t.min.x == doctest::Approx(ImGui::CalcTextSize(ui::legend_texts()[i]).x));
      CHECK(t.min.x >= layout.legend->min.x);
      CHECK(t.max.x <= layout.legend->max.x);
      for (std::size_t j = i + 1; j < layout.legend_texts.size(); ++j) CHECK_FALSE(t.overlaps(layout.legend_texts[j]));
    }
    CHECK(layout.legend->min.x >= 0.0f);
    CHECK(layout.legend->max.x <= static_cast<float>(kScreen.x));
    imgui.end();
  }
  ImGui::GetIO().FontGlobalScale = 1.0f;
}

TEST_CASE("the speed legend keeps off the leg: a leg across the view moves it to free space") {
  test::scene_rig();
  ui::HeadlessImGui imgui;
  imgui.begin(kScreen, 1.0f / 30.0f);
  ui::Overlay o = crowded_overlay();
  o.labels.clear();
  o.left_margin = 300.0f;  // the View panel
  o.right_margin = 420.0f;  // the Technique panel
  // A leg lying across the whole view (an X-ray or a cut seen from the side): its skin's
  // sampled points fill the band where the legend goes by default, beside the caption (session
  // 12; before, above it) and above it.
  for (float x = 0.0f; x < 1280.0f; x += 8.0f)
    for (float y = 330.0f; y < 720.0f; y += 8.0f) o.subject_points.emplace_back(x, y);
  const ui::OverlayLayout layout = ui::layout_overlay(o, imgui.scale());
  REQUIRE(layout.legend.has_value());
  const ui::ScreenBox& l = *layout.legend;
  for (const glm::vec2& p : o.subject_points) {
    CAPTURE(p.x);
    CAPTURE(p.y);
    REQUIRE_FALSE((p.x > l.min.x && p.x < l.max.x && p.y > l.min.y && p.y < l.max.y));
  }
  CHECK(l.min.x >= o.left_margin);  // and not over the side panels
  CHECK(l.max.x <= 1280.0f - o.right_margin);
  check_no_overlaps(layout);
  // With no leg under its usual place it stays there, low on the left.
  o.subject_points.clear();
  const ui::OverlayLayout usual = ui::layout_overlay(o, imgui.scale());
  CHECK(usual.legend->min.y > l.min.y);
  imgui.end();
}

TEST_CASE("the kiosk's caption moves off the working area, and above the corner disclaimer") {
  test::scene_rig();
  ui::HeadlessImGui imgui;
  imgui.begin(kScreen, 1.0f / 30.0f);
  ui::Overlay o;
  o.subject_centre = {640.0f, 360.0f};
  o.caption = "Calf squeezes: both hands hug the calf and slide up toward the knee.";
  o.large_caption = true;
  o.caption_placed = true;
  o.caption_at = {0.5f, 0.85f};       // the burn-in slot at the bottom ...
  o.working = {300.0f, 450.0f, 900.0f, 700.0f};  // ... where the hands are at work
  o.corner_note = "A teaching animation, not medical advice.";
  const ui::OverlayLayout layout = ui::layout_overlay(o, imgui.scale());
  REQUIRE(layout.caption.has_value());
  REQUIRE(layout.corner_note.has_value());
  const ui::ScreenBox working{{300.0f, 450.0f}, {900.0f, 700.0f}};
  CHECK_FALSE(layout.caption->overlaps(working));
  CHECK_FALSE(layout.caption->overlaps(*layout.corner_note));
  CHECK(layout.corner_note->min.x < 20.0f);  // bottom left
  CHECK(layout.corner_note->max.y <= static_cast<float>(kScreen.y));
  CHECK(layout.corner_note->min.y > 0.8f * static_cast<float>(kScreen.y));
  // Without work under it, the caption keeps its slot.
  o.working = glm::vec4(0.0f);
  const ui::OverlayLayout free = ui::layout_overlay(o, imgui.scale());
  CHECK((free.caption->min.y + free.caption->max.y) * 0.5f > 0.7f * static_cast<float>(kScreen.y));
  imgui.end();
}

TEST_CASE("a panel docked at the bottom (Practice, when the right column is full) keeps the caption above it") {
  test::scene_rig();
  ui::HeadlessImGui imgui;
  imgui.begin(kScreen, 1.0f / 30.0f);
  ui::Overlay o = crowded_overlay();
  const ui::OverlayLayout free = ui::layout_overlay(o, imgui.scale());
  REQUIRE(free.caption.has_value());
  // Docked where the caption would otherwise go: its top 40 px above the caption's bottom.
  o.keep_above = free.caption->max.y - 40.0f;
  const ui::OverlayLayout docked = ui::layout_overlay(o, imgui.scale());
  REQUIRE(docked.caption.has_value());
  CHECK(docked.caption->max.y <= o.keep_above);
  CHECK(docked.caption->min.y < free.caption->min.y);  // moved up, not dropped
  check_no_overlaps(docked);
  imgui.end();
}
