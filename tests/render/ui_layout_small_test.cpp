// The window at its smallest, 640x360 (the page in a small browser window, or a 640x360 window):
// the Lesson panel and the Blood flow column leave little between them, and the blood-speed
// legend takes most of what is left. Session 28's page at 640x360 CSS drew the Thighs and
// Calves boxes on the legend's words ("still", "leaky"), their lines running under the Lesson
// panel's text.
#include "ui_layout_support.hpp"
#include <doctest/doctest.h>

#include <string>

#include "app/context.hpp"
#include "app/frame.hpp"

using namespace effleura;
using namespace effleura::test_layout;

TEST_CASE("at 640x360 the area labels keep off the blood-speed legend and the caption") {
  const glm::ivec2 size{640, 360};
  app::Context ctx;
  draw_scene_only_for_shots(ctx);
  test::load_circulation_lesson(ctx, options_at(size));
  REQUIRE(app::open_headless(ctx) == 0);
  // Step 2 (the two sets of veins, the thighs and calves lit, the flow view on) with its question.
  test::step_to_question(ctx, lesson::QuestionKind::choice);
  for (int i = 0; i < 30 && (ctx.state.camera.transitioning() || ctx.state.camera.easing_free_area()); ++i) run(ctx, 1);
  run(ctx, 2);
  shot(ctx, "lesson-small");
  REQUIRE(ctx.panels.drawn_legend.has_value());  // the crowded case: the legend is drawn
  int on_legend = 0;
  for (const auto& l : ctx.panels.drawn_labels) {
    const bool on = l.box.overlaps(*ctx.panels.drawn_legend) || (ctx.panels.drawn_caption && l.box.overlaps(*ctx.panels.drawn_caption));
    MESSAGE(l.text, ": box ", l.box.min.x, ",", l.box.min.y, " - ", l.box.max.x, ",", l.box.max.y, std::string(on ? " ON the legend or caption" : ""));
    on_legend += on;
  }
  CHECK(on_legend == 0);
  // And no label points at what the Lesson panel hides: its line would end under the text.
  const Rect lesson = window_rect("Lesson");
  for (const auto& l : ctx.panels.drawn_labels) {
    CAPTURE(l.text);
    CHECK_FALSE((l.anchor.x > lesson.min.x && l.anchor.x < lesson.max.x && l.anchor.y > lesson.min.y && l.anchor.y < lesson.max.y));
  }
}
