// "Click the soleus" (issue 16 item 4) on the leg: a click answers with the structure under it,
// and a wrong one lights the right one; the shipped self-test names only structures the leg
// model has, and one it lacks stops the lesson with the file and line. GL-free: the leg loaded
// from the source tree, rays from the frame's camera.
#include "../support/shipped_state.hpp"
#include "../support/test_paths.hpp"
#include <doctest/doctest.h>

#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include <glm/mat4x4.hpp>
#include <glm/vec4.hpp>

#include "app/staging.hpp"
#include "app/state.hpp"
#include "app/structure_quiz.hpp"
#include "lesson/lesson_player.hpp"
#include "lesson/locale.hpp"

using namespace effleura;

namespace {

constexpr glm::ivec2 kSize{1280, 720};

lesson::Locale english() {
  auto en = lesson::load_locale(std::filesystem::path(EFFLEURA_SOURCE_DIR) / "content/locales/en.toml");
  REQUIRE_MESSAGE(en.has_value(), en.error().describe());
  return *en;
}

// A pixel where a click lands on `mesh`: the middle of its cross-section every 2 cm along the
// leg, through the frame's camera, the first that structure_at says is it.
std::optional<glm::vec2> pixel_on(const app::State& state, std::size_t mesh) {
  const render::FrameView view = state.frame_view(kSize);
  const glm::mat4 to_clip = view.projection * view.view * view.leg_to_room;
  const auto& positions = state.drawn_model().meshes[mesh].positions;
  const anatomy::Bounds box = state.model.bounds();
  for (float y = box.min.y; y < box.max.y; y += 0.02f) {
    glm::vec3 sum(0.0f);
    int n = 0;
    for (const glm::vec3& p : positions)
      if (p.y >= y && p.y < y + 0.02f) {
        sum += p;
        ++n;
      }
    if (n == 0) continue;
    const glm::vec4 c = to_clip * glm::vec4(sum / static_cast<float>(n), 1.0f);
    if (c.w <= 0.0f) continue;
    const glm::vec2 px((0.5f * c.x / c.w + 0.5f) * kSize.x, (0.5f - 0.5f * c.y / c.w) * kSize.y);
    if (app::structure_at(state, px, kSize) == mesh) return px;
  }
  return std::nullopt;
}

}  // namespace

TEST_CASE("a click answers click the soleus with the structure under it, and a wrong one lights the soleus") {
  auto state = test::shipped_state();
  const lesson::Locale en = english();
  auto self_test = lesson::load_lesson(std::filesystem::path(EFFLEURA_SOURCE_DIR) / "content/lessons/self-test.toml", app::technique_ids(*state), &en);
  REQUIRE_MESSAGE(self_test.has_value(), self_test.error().describe());
  REQUIRE(app::check_lesson_structures(*self_test, state->model).has_value());
  std::size_t step = 0;
  while (step < self_test->steps.size() && !(self_test->steps[step].question && self_test->steps[step].question->kind == lesson::QuestionKind::click_structure &&
                                             self_test->steps[step].question->answer == "muscle.soleus"))
    ++step;
  REQUIRE(step < self_test->steps.size());
  const auto soleus = app::find_structure(state->model, "muscle.soleus");
  const auto gastrocnemius = app::find_structure(state->model, "muscle.gastrocnemius-medial");
  REQUIRE(soleus.has_value());
  REQUIRE(gastrocnemius.has_value());

  for (const bool right_first : {false, true}) {
    CAPTURE(right_first);
    lesson::LessonPlayer player(*self_test, en);
    REQUIRE(player.go_to(step));
    state->settings.atlas.selected = static_cast<int>(*gastrocnemius);  // a structure the student had picked before
    app::stage_lesson_step(player.step(), en, *state);
    CHECK(state->settings.atlas.selected == -1);  // nothing lit: a glow would show where to click
    CHECK_FALSE(state->settings.layers.skin);  // the muscles seen
    const auto on_soleus = pixel_on(*state, *soleus);
    const auto on_other = pixel_on(*state, *gastrocnemius);
    REQUIRE(on_soleus.has_value());
    REQUIRE(on_other.has_value());
    // Over the background (the window's corner) a click answers nothing.
    CHECK_FALSE(app::answer_by_click(player, *state, {1.0f, 1.0f}, kSize));
    CHECK_FALSE(player.presenter().feedback.has_value());

    CHECK(app::answer_by_click(player, *state, right_first ? *on_soleus : *on_other, kSize));
    REQUIRE(player.presenter().feedback.has_value());
    CHECK(player.presenter().feedback->correct == right_first);
    if (!right_first) CHECK(player.presenter().feedback->chosen_label == en.text("structure.muscle.gastrocnemius-medial"));
    CHECK(state->settings.atlas.selected == static_cast<int>(*soleus));  // lit now, with its card
    CHECK(player.score().correct == (right_first ? 1 : 0));
    // Answered: a second click is no second answer (the soleus is lit now).
    CHECK_FALSE(app::answer_by_click(player, *state, *on_soleus, kSize));
    CHECK(player.score().correct == (right_first ? 1 : 0));
  }
}

TEST_CASE("a lesson naming a structure the leg model lacks stops with the file and line") {
  auto state = test::shipped_state();
  auto l = lesson::load_lesson_string(
      "title = \"t\"\naudience = \"a\"\n[[step]]\nsay = \"s\"\nstructure = \"muscle.solues\"\n", "typo.toml", {});
  REQUIRE_MESSAGE(l.has_value(), l.error().describe());
  auto checked = app::check_lesson_structures(*l, state->model);
  REQUIRE_FALSE(checked.has_value());
  CHECK(checked.error().file == "typo.toml");
  CHECK(checked.error().line == 3);
  CHECK(checked.error().message.find("muscle.solues") != std::string::npos);
}
