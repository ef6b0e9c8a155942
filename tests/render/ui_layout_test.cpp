// The window's interface laid out headless at 1280x720, 1920x1080 and 3840x2160: every panel
// inside the window, the Technique and Lesson panels showing all they hold without a scroll
// bar (the lesson's step text whole in presenter view too), the presenter view and the
// kiosk's caption clear of where the hands work. With
// EFFLEURA_LAYOUT_SHOTS=<folder> each layout is also written as a PNG to look at.
#include <doctest/doctest.h>

#include <cstdlib>
#include <span>
#include <string>

#include <imgui.h>
#include <imgui_internal.h>

#include "app/context.hpp"
#include "app/frame.hpp"
#include "kiosk_overlay_support.hpp"
#include "scene_render_support.hpp"
#include "../support/sanitizer.hpp"
#include "ui/overlay_layout.hpp"

using namespace effleura;

namespace {

constexpr glm::ivec2 kSizes[] = {{1280, 720}, {1920, 1080}, {3840, 2160}};

// The sizes a layout case runs at: all three in the Release pass, which checks the layouts;
// 720p and 1080p under the sanitizers, which look for memory errors and undefined behaviour
// on the same code paths at any size (a new content load and a 4K frame per size were the
// three costliest cases of CI's sanitized pass, 47-56 s each; support/sanitizer.hpp).
std::span<const glm::ivec2> sizes() { return {kSizes, test::kSanitized ? 2u : 3u}; }

std::string size_name(glm::ivec2 s) { return std::to_string(s.x) + "x" + std::to_string(s.y); }

void shot(app::Context& ctx, const std::string& name) {
  const char* dir = std::getenv("EFFLEURA_LAYOUT_SHOTS");
  if (!dir) return;
  const std::string file = std::string(dir) + "/layout-" + name + "-" + size_name(ctx.options.size) + ".png";
  CHECK(render::write_png(ctx.platform->target().capture(), file).has_value());
}

void run(app::Context& ctx, int frames) {
  for (int i = 0; i < frames; ++i) app::frame(ctx, i == 0 && ctx.frames == 0 ? 0.0 : ctx.fixed_dt);
}

struct Rect {
  ImVec2 min, max;
};

// The window's rectangle as ImGui drew it last frame; fails the test when it was not drawn.
Rect window_rect(const char* name) {
  const ImGuiWindow* w = ImGui::FindWindowByName(name);
  REQUIRE_MESSAGE(w != nullptr, name);
  REQUIRE_MESSAGE(w->Active, name);  // drawn last frame
  return {w->Pos, ImVec2(w->Pos.x + w->Size.x, w->Pos.y + w->Size.y)};
}

void check_inside(const char* name, glm::ivec2 size) {
  const Rect r = window_rect(name);
  const std::string window = name;
  CAPTURE(window);
  CAPTURE(size_name(size));
  CHECK(r.min.x >= 0.0f);
  CHECK(r.min.y >= 0.0f);
  CHECK(r.max.x <= static_cast<float>(size.x));
  CHECK(r.max.y <= static_cast<float>(size.y));
}

// Everything the window holds shows without scrolling: its content fits inside it.
void check_no_scroll(const char* name) {
  const ImGuiWindow* w = ImGui::FindWindowByName(name);
  REQUIRE(w != nullptr);
  const std::string window = name;
  CAPTURE(window);
  CHECK(w->ScrollMax.y == 0.0f);
  CHECK(w->ContentSize.y + 2.0f * w->WindowPadding.y + w->TitleBarHeight() <= w->Size.y + 0.5f);
}

// The lesson's step text shows whole: its box (the Lesson window's child) has no scroll bar.
void check_text_box_whole() {
  const ImGuiWindow* lesson = ImGui::FindWindowByName("###Lesson");
  if (!lesson) lesson = ImGui::FindWindowByName("Lesson");
  REQUIRE(lesson != nullptr);
  int boxes = 0;
  for (const ImGuiWindow* w : ImGui::GetCurrentContext()->Windows)
    if (w->ParentWindow == lesson && w->Active && (w->Flags & ImGuiWindowFlags_ChildWindow)) {
      ++boxes;
      CHECK(w->ScrollMax.y == 0.0f);
      CHECK(w->ContentSize.y <= w->Size.y);
    }
  CHECK(boxes == 1);
}

bool overlaps(const Rect& r, glm::vec4 b) { return r.min.x < b.z && b.x < r.max.x && r.min.y < b.w && b.y < r.max.y; }

app::Options options_at(glm::ivec2 size) {
  app::Options o = test::source_options();
  o.size = size;
  return o;
}

}  // namespace

TEST_CASE("explorer panels fit the window at 720p, 1080p and 4K, Technique and Blood flow included") {
  for (const glm::ivec2 size : sizes()) {
    app::Options options = options_at(size);
    options.technique = "effleurage";
    app::Context ctx;
    ctx.style.panels = true;
    REQUIRE(app::load_content(ctx, options) == 0);
    REQUIRE(app::open_headless(ctx) == 0);
    ctx.state.settings.selected[2] = true;  // calves: the View panel shows their notes
    ctx.panels.focus_area = 2;
    run(ctx, 4);
    for (const char* name : {"View", "Technique", "Blood flow", "##MainMenuBar", "##status"}) check_inside(name, size);
    // With a technique picked, its scrubber, speed, step, caption and About show without scrolling.
    check_no_scroll("Technique");
    check_no_scroll("View");
    shot(ctx, "explorer");

    // Blood flow opened: it grows only into the room the Technique panel leaves.
    ImGui::SetWindowCollapsed("Blood flow", false);
    run(ctx, 4);
    check_inside("Blood flow", size);
    const Rect technique = window_rect("Technique"), flow = window_rect("Blood flow");
    CHECK(flow.min.y >= technique.max.y);
    shot(ctx, "flow");
  }
}

TEST_CASE("a lesson question keeps its feedback and the buttons in view, and presenter view keeps off the work") {
  for (const glm::ivec2 size : sizes()) {
    app::Options options = options_at(size);
    options.lesson = std::filesystem::path(EFFLEURA_SOURCE_DIR) / "content/lessons/circulation.toml";
    app::Context ctx;
    ctx.style.panels = true;
    REQUIRE(app::load_content(ctx, options) == 0);
    REQUIRE(app::open_lesson_or_playlist(ctx, false) == 0);
    REQUIRE(app::open_headless(ctx) == 0);
    lesson::LessonPlayer& player = *ctx.lesson_or_playlist->lesson();
    while (!player.step().question || player.step().question->kind != lesson::QuestionKind::choice) {
      REQUIRE(player.index() + 1 < player.lesson().steps.size());
      ctx.pending.lesson.next = true;
      run(ctx, 1);
    }
    // Presenter view before the answer: the step's whole text, no scroll bar in its box.
    ctx.pending.lesson.toggle_presenter = true;
    run(ctx, 2);
    // Until the camera has settled (the step's move): the panel's band follows the work.
    for (int i = 0; i < 30 && ctx.state.camera.transitioning(); ++i) run(ctx, 1);
    run(ctx, 2);
    CAPTURE(size_name(size));
    check_inside("Lesson", size);
    check_no_scroll("Lesson");
    check_text_box_whole();
    ctx.pending.lesson.toggle_presenter = true;
    run(ctx, 2);

    ctx.pending.lesson.answer = 1;  // a wrong answer: the longest feedback
    run(ctx, 4);
    REQUIRE(player.presenter().feedback.has_value());
    for (const char* name : {"View", "Technique", "Lesson"}) check_inside(name, size);
    check_no_scroll("Lesson");  // feedback and buttons not scrolled away
    CHECK_FALSE(overlaps(window_rect("View"), {window_rect("Lesson").min.x, window_rect("Lesson").min.y,
                                               window_rect("Lesson").max.x, window_rect("Lesson").max.y}));
    shot(ctx, "lesson");

    ctx.pending.lesson.toggle_presenter = true;
    run(ctx, 6);
    check_inside("Lesson", size);
    const glm::vec4 working = ctx.state.overlay(ctx.view, size).working;
    REQUIRE(working.z > working.x);
    CAPTURE(size_name(size));
    CHECK_FALSE(overlaps(window_rect("Lesson"), working));
    check_no_scroll("Lesson");
    shot(ctx, "presenter");

    // Back from presenter view, the panel is its normal width again, clear of the View panel.
    ctx.pending.lesson.toggle_presenter = true;
    run(ctx, 4);
    CHECK(window_rect("Lesson").max.x - window_rect("Lesson").min.x <= 0.6f * static_cast<float>(size.x));
  }
}

TEST_CASE("the kiosk's caption keeps off the work, its legend's texts apart, the disclaimer in a corner") {
  for (const glm::ivec2 size : sizes()) {
    app::Context ctx;
    ctx.style.kiosk = true;
    REQUIRE(app::load_content(ctx, options_at(size)) == 0);
    REQUIRE(app::open_lesson_or_playlist(ctx, true) == 0);
    REQUIRE(app::open_headless(ctx) == 0);
    // A few moments through the loop: scenes with the hands at work and with the veins shown.
    // (Under the sanitizers the loop is followed to 90 s, not 200 s: the same scenes' kinds,
    // at under half the stepping; support/sanitizer.hpp.)
    for (const double at : {6.0, 30.0, 60.0, 90.0, 200.0}) {
      if (test::kSanitized && at > 90.0) break;
      while (ctx.state.simulation.time() < at) app::advance(ctx, 0.25);  // the loop, undrawn
      run(ctx, 2);
      const auto [overlay, layout] = test::kiosk_overlay_layout(ctx, size);
      CAPTURE(size_name(size));
      CAPTURE(at);
      REQUIRE(layout.corner_note.has_value());
      CHECK(layout.corner_note->max.y <= static_cast<float>(size.y));
      if (layout.caption && ui::has_working_area(overlay)) {
        const ui::ScreenBox working{{overlay.working.x, overlay.working.y}, {overlay.working.z, overlay.working.w}};
        CHECK_FALSE(layout.caption->overlaps(working));
        CHECK_FALSE(layout.caption->overlaps(*layout.corner_note));
      }
      for (std::size_t i = 0; i < layout.legend_texts.size(); ++i) {
        CHECK(layout.legend_texts[i].min.x >= 0.0f);
        for (std::size_t j = i + 1; j < layout.legend_texts.size(); ++j) CHECK_FALSE(layout.legend_texts[i].overlaps(layout.legend_texts[j]));
      }
    }
    run(ctx, 1);
    shot(ctx, "kiosk");
  }
}

TEST_CASE("while a which-area question waits, the window names no area") {
  app::Options options = options_at({1280, 720});
  options.lesson = std::filesystem::path(EFFLEURA_SOURCE_DIR) / "content/lessons/circulation.toml";
  app::Context ctx;
  ctx.style.panels = true;
  REQUIRE(app::load_content(ctx, options) == 0);
  REQUIRE(app::open_lesson_or_playlist(ctx, false) == 0);
  REQUIRE(app::open_headless(ctx) == 0);
  lesson::LessonPlayer& player = *ctx.lesson_or_playlist->lesson();
  while (!player.step().question || player.step().question->kind != lesson::QuestionKind::which_area) {
    REQUIRE(player.index() + 1 < player.lesson().steps.size());
    ctx.pending.lesson.next = true;
    run(ctx, 1);
  }
  ctx.panels.focus_area = 5;  // the student had opened the notes for behind the knee
  run(ctx, 3);
  CHECK(ctx.panels.hide_areas);
  // Every area lit by the step is selected, yet the View panel's boxes are replaced by a note:
  // the View window is shorter than the one with nine boxes and the notes.
  const float hidden_h = window_rect("View").max.y - window_rect("View").min.y;
  shot(ctx, "which-area");
  ctx.pending.lesson.answer = 0;
  run(ctx, 3);
  CHECK_FALSE(ctx.panels.hide_areas);
  CHECK(window_rect("View").max.y - window_rect("View").min.y > hidden_h);
  shot(ctx, "which-area-answered");
}
