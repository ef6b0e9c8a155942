// The app's LessonOrPlaylist with a lesson: recorded or unattended it moves through the steps by itself;
// driven by an instructor it waits. No GL needed.
#include "../support/test_paths.hpp"
#include <doctest/doctest.h>

#include <string>

#include "app/paths.hpp"
#include "app/state.hpp"
#include "app/lesson_or_playlist.hpp"

using namespace effleura;

namespace {

struct LessonRun {
  std::size_t step = 0;
  std::string first_caption, last_caption;
};

LessonRun run_lesson(bool by_itself, double seconds) {
  app::Options options;
  options.content_dir = std::filesystem::path(EFFLEURA_SOURCE_DIR) / "content";
  options.assets_dir = std::filesystem::path(EFFLEURA_SOURCE_DIR) / "assets";
  options.lesson = std::filesystem::path(EFFLEURA_SOURCE_DIR) / "content" / "lessons" / "circulation.toml";
  app::State scene;
  auto loaded = scene.load(options, app::resolve_data_paths(options));
  REQUIRE_MESSAGE(loaded.has_value(), (loaded ? "" : loaded.error().describe()));
  auto show = app::LessonOrPlaylist::create(options, scene, false);
  REQUIRE_MESSAGE(show.has_value(), (show ? "" : show.error().describe()));
  if (by_itself) (*show)->play_by_itself();
  LessonRun run;
  run.first_caption = scene.fixed_caption;
  for (double t = 0.0; t < seconds; t += 0.1) {
    (*show)->advance(0.1);
    scene.update(0.1);
  }
  run.step = (*show)->lesson()->index();
  run.last_caption = scene.fixed_caption;
  return run;
}

}  // namespace

TEST_CASE("a recorded lesson moves through its steps by itself, an instructor's lesson waits") {
  const LessonRun recorded = run_lesson(true, 40.0);
  CHECK(recorded.step >= 1);
  CHECK(recorded.last_caption != recorded.first_caption);  // the new step was staged
  const LessonRun driven = run_lesson(false, 40.0);
  CHECK(driven.step == 0);
  CHECK(driven.last_caption == driven.first_caption);
}
