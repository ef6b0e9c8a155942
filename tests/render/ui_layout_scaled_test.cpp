// The window's interface at a HiDPI content scale and at larger interface sizes: the panels and
// the presenter view fit the window and keep off where the hands work.
#include "ui_layout_support.hpp"
#include <doctest/doctest.h>

#include <cstdio>
#include <string>

#include <imgui.h>

#include "app/context.hpp"
#include "app/frame.hpp"

using namespace effleura;
using namespace effleura::test_layout;

namespace {

// A screen the window's interface may meet: its size in pixels, the content scale the window
// system reports (GLFW's; the window scales ImGui's style by it and builds its font that much
// larger: app/window_platform.cpp) and the user's interface size (View > Larger).
struct ScaledScreen {
  glm::ivec2 size;
  float content_scale;
  float interface_scale;
};
std::string scaled_name(const ScaledScreen& s) {
  char name[64];
  std::snprintf(name, sizeof name, "%dx%d-hidpi%.0f-ui%.0f", s.size.x, s.size.y, static_cast<double>(s.content_scale),
                static_cast<double>(100.0f * s.interface_scale));
  return name;
}
// HiDPI: a 1280x720 and a 1920x1080 window at a content scale of 2 (2560x1440 and 3840x2160
// pixels). The interface sizes: 1.5x and 2x at 1280x720 and 1920x1080. (A headless picture's font
// already grows with the picture: 17 px per 720 lines (ui/fonts.hpp), so 2560x1440 has a 34 px font; the content
// scale adds the style's paddings and spacings, as a window's ScaleAllSizes does.)
const ScaledScreen kScaledScreens[] = {{{2560, 1440}, 2.0f, 1.0f}, {{3840, 2160}, 2.0f, 1.0f}, {{1280, 720}, 1.0f, 1.5f},
                                       {{1280, 720}, 1.0f, 2.0f},  {{1920, 1080}, 1.0f, 1.5f}, {{1920, 1080}, 1.0f, 2.0f}};

void open_scaled(app::Context& ctx, const ScaledScreen& s) {
  REQUIRE(app::open_headless(ctx) == 0);
  if (s.content_scale != 1.0f) ImGui::GetStyle().ScaleAllSizes(s.content_scale);
  // As the View menu's Larger sends it (app/panels.cpp: the text takes the new size at once).
  if (s.interface_scale != 1.0f) ctx.pending.main.interface_scale = s.interface_scale;
}

void check_clear_of(const char* name, glm::vec4 working) {
  const std::string window = name;
  CAPTURE(window);
  CHECK_FALSE(overlaps(window_rect(name), working));
}

}  // namespace

TEST_CASE("at a HiDPI content scale and at larger interface sizes the panels fit the window and keep off the work") {
  for (const ScaledScreen& screen : kScaledScreens) {
    if (test::kSanitized && screen.size.x > 2000) continue;  // the same code at the smaller sizes
    CAPTURE(scaled_name(screen));
    app::Options options = options_at(screen.size);
    options.technique = "compression";
    options.at_seconds = 3.0;
    app::Context ctx;
    draw_scene_only_for_shots(ctx);
    ctx.style.panels = true;
    REQUIRE(app::load_content(ctx, options) == 0);
    open_scaled(ctx, screen);
    ctx.state.settings.selected[2] = true;  // calves: the View panel shows their notes
    ctx.panels.focus_area = 2;
    run(ctx, 4);
    for (int i = 0; i < 30 && (ctx.state.camera.transitioning() || ctx.state.camera.easing_free_area()); ++i) run(ctx, 1);
    run(ctx, 1);
    // A larger interface than the window's height holds is shown at what it holds (36 lines).
    CHECK(ImGui::GetFontSize() <= static_cast<float>(screen.size.y) / 36.0f + 0.5f);
    for (const char* name : {"View", "Technique", "Blood flow", "###Practice", "##MainMenuBar", "##status"}) check_inside(name, screen.size);
    check_no_scroll("Technique");
    check_no_scroll("View");
    // The hands and the lit calves on screen: no panel over them, nor the step's caption.
    const glm::vec4 working = ctx.state.overlay(ctx.view, screen.size).working;
    REQUIRE(working.z > working.x);
    for (const char* name : {"View", "Technique", "Blood flow", "###Practice"}) check_clear_of(name, working);
    if (ctx.panels.drawn_caption) {
      const ui::ScreenBox& c = *ctx.panels.drawn_caption;
      CHECK_FALSE(overlaps(Rect{{c.min.x, c.min.y}, {c.max.x, c.max.y}}, working));
    }
    const char* dir = std::getenv("EFFLEURA_LAYOUT_SHOTS");
    if (dir) CHECK(render::write_png(ctx.platform->target().capture(), std::string(dir) + "/scaled-explorer-" + scaled_name(screen) + ".png").has_value());
  }
}

TEST_CASE("at a HiDPI content scale and at larger interface sizes presenter view fits the window and keeps off the work") {
  for (const ScaledScreen& screen : kScaledScreens) {
    if (test::kSanitized && screen.size.x > 2000) continue;
    // At 1280x720 1.5x and 2x are both shown at 1x (36 lines): the one layout once.
    if (screen.size.y == 720 && screen.interface_scale < 2.0f) continue;
    CAPTURE(scaled_name(screen));
    app::Context ctx;
    draw_scene_only_for_shots(ctx);
    test::load_circulation_lesson(ctx, options_at(screen.size));
    open_scaled(ctx, screen);
    test::step_to_question(ctx, lesson::QuestionKind::choice);
    test::answer_wrong(ctx, 2);
    ctx.pending.lesson.toggle_presenter = true;
    // Each frame of the entry, while the camera glides the leg to the room beside the text.
    std::vector<Rect> entry;
    for (int i = 0; i < 36 && (i < 6 || ctx.state.camera.transitioning() || ctx.state.camera.easing_free_area()); ++i) {
      run(ctx, 1);
      entry.push_back(window_rect("Lesson"));
    }
    // Settled, it stays so: its place and size the same for ten frames. (Before session 19 at
    // 1280x720 the text took 1.8x where the work lay low, leaving the camera under its 180 px; it
    // framed the whole window, the work moved under the text, which fell to 1x, and back: 1.5x,
    // 1.8x, 1x every 9 frames, so a check on the wrong frame read the panel scrolled 217 px with
    // 33 lit points under it.) Not at the HiDPI sizes: ten 4K frames cost more than CI has.
    run(ctx, 1);
    const Rect settled = window_rect("Lesson");
    // On its way there the text kept its size and its side of the leg. (Session 22: at 1280x720
    // the legend, gliding into the band above the text, left the camera a strip under its least
    // room; the camera framed the whole window at once, the leg jumped under the text, and the
    // text showed one frame at 1.25x at the top of the window, then 1.5x there: 281 px tall
    // against 396. The band is now chosen once and kept while the camera glides.)
    const float settled_middle = 0.5f * (settled.min.y + settled.max.y);
    for (std::size_t i = 0; i < entry.size(); ++i) {
      CAPTURE(i);
      CHECK(entry[i].max.y - entry[i].min.y >= settled.max.y - settled.min.y - 0.5f);
      CHECK((0.5f * (entry[i].min.y + entry[i].max.y) < 0.5f * float(screen.size.y)) == (settled_middle < 0.5f * float(screen.size.y)));
    }
    for (int i = 0; i < 10 && screen.size.x < 2000; ++i) {
      run(ctx, 1);
      const Rect now = window_rect("Lesson");
      CAPTURE(i);
      CHECK(now.min.x == settled.min.x);
      CHECK(now.min.y == settled.min.y);
      CHECK(now.max.y == settled.max.y);
    }
    check_inside("Lesson", screen.size);
    check_no_scroll("Lesson");
    check_text_box_whole();
    const glm::vec4 working = ctx.state.overlay(ctx.view, screen.size).working;
    REQUIRE(working.z > working.x);
    CHECK_FALSE(overlaps(window_rect("Lesson"), working));
    CHECK(lit_points_under(ctx, screen.size, window_rect("Lesson")) == 0);
    const char* dir = std::getenv("EFFLEURA_LAYOUT_SHOTS");
    if (dir) CHECK(render::write_png(ctx.platform->target().capture(), std::string(dir) + "/scaled-presenter-" + scaled_name(screen) + ".png").has_value());
  }
}
