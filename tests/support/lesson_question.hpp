#pragma once
// The circulation lesson in the window's panels, stepped on to its first question of a kind and
// answered wrong: how the render layout tests reach a lesson panel at its fullest (ui_layout_test,
// language_layout_test; each had written these steps out, three times in all, before session 19).
#include <doctest/doctest.h>

#include <filesystem>

#include "app/context.hpp"
#include "app/frame.hpp"
#include "app/lesson_or_playlist.hpp"
#include "test_paths.hpp"

namespace effleura::test {

// `frames` frames as the window draws them (the first of a new context at dt 0).
inline void lesson_frames(app::Context& ctx, int frames) {
  for (int i = 0; i < frames; ++i) app::frame(ctx, i == 0 && ctx.frames == 0 ? 0.0 : ctx.fixed_dt);
}

// Loads `options` with the circulation lesson and the window's panels; the caller then opens
// the headless target (at its own size and scale).
inline void load_circulation_lesson(app::Context& ctx, app::Options options) {
  options.lesson = std::filesystem::path(EFFLEURA_SOURCE_DIR) / "content/lessons/circulation.toml";
  ctx.style.panels = true;
  REQUIRE(app::load_content(ctx, options) == 0);
  REQUIRE(app::open_lesson_or_playlist(ctx, false) == 0);
}

// Next, a frame each, to the lesson's first question of `kind`.
inline lesson::LessonPlayer& step_to_question(app::Context& ctx, lesson::QuestionKind kind) {
  lesson::LessonPlayer& player = *ctx.lesson_or_playlist->lesson();
  while (!player.step().question || player.step().question->kind != kind) {
    REQUIRE(player.index() + 1 < player.lesson().steps.size());
    ctx.pending.lesson.next = true;
    lesson_frames(ctx, 1);
  }
  return player;
}

// A wrong answer (the second choice: the longest feedback), then `frames` frames.
inline void answer_wrong(app::Context& ctx, int frames) {
  ctx.pending.lesson.answer = 1;
  lesson_frames(ctx, frames);
}

}  // namespace effleura::test
