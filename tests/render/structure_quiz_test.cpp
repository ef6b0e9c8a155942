// The self-test's "name this muscle" in the window's panels, headless at 1280x720: while the
// question waits, the lit muscle glows, and no label on the leg, no card and no hover name says
// which it is (the selected structure always gets a label, so one drawn here would be the
// answer); once answered, its label comes back. With EFFLEURA_LAYOUT_SHOTS=<folder> the two
// frames are written as PNGs to look at.
#include "../support/test_paths.hpp"
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "app/context.hpp"
#include "app/frame.hpp"
#include "app/lesson_or_playlist.hpp"
#include "app/structure_quiz.hpp"
#include "../support/lesson_question.hpp"
#include "scene_render_support.hpp"

using namespace effleura;

namespace {

void shot(app::Context& ctx, const std::string& name) {
  const char* dir = std::getenv("EFFLEURA_LAYOUT_SHOTS");
  if (!dir) return;
  CHECK(render::write_png(ctx.platform->target().capture(), std::string(dir) + "/quiz-" + name + ".png").has_value());
}

}  // namespace

TEST_CASE("while a name-this-muscle question waits, the muscle glows and nothing on screen names it") {
  app::Context ctx;
  // The checks read the overlay and the panels, not the picture: the scene is drawn only for the shots.
  ctx.style.scene = std::getenv("EFFLEURA_LAYOUT_SHOTS") != nullptr;
  ctx.style.panels = true;
  app::Options options = test::source_options();
  options.size = {1280, 720};
  options.lesson = std::filesystem::path(EFFLEURA_SOURCE_DIR) / "content/lessons/self-test.toml";
  REQUIRE(app::load_content(ctx, options) == 0);
  REQUIRE(app::open_lesson_or_playlist(ctx, false) == 0);
  REQUIRE(app::open_headless(ctx) == 0);
  lesson::LessonPlayer& player = test::step_to_question(ctx, lesson::QuestionKind::name_structure);
  test::lesson_frames(ctx, 40);  // the camera's turn to the step's view is over (about a second)
  const auto lit = app::find_structure(ctx.state.model, player.step().structure);
  REQUIRE(lit.has_value());
  CHECK(ctx.view.selected_structure == static_cast<int>(*lit));  // the question: this one glows
  CHECK(ctx.panels.hide_names);
  CHECK(ctx.panels.drawn_labels.empty());
  shot(ctx, "name-asked");

  // Answered, the structure keeps its glow and its label comes back: the same frame with a label
  // is what the question hid.
  const auto& choices = player.step().question->choices;
  const auto right = static_cast<std::size_t>(std::find(choices.begin(), choices.end(), player.step().question->answer) - choices.begin());
  ctx.pending.lesson.answer = right;
  test::lesson_frames(ctx, 3);
  REQUIRE(player.presenter().feedback.has_value());
  CHECK(player.presenter().feedback->correct);
  CHECK_FALSE(ctx.panels.hide_names);
  CHECK(ctx.view.selected_structure == static_cast<int>(*lit));
  CHECK(ctx.panels.drawn_labels.size() >= 1);
  shot(ctx, "name-answered");
}
