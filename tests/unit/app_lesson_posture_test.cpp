// A lesson step's posture (content: posture = "prone"): drawn and computed by the flow model
// alike when the step is staged, and a step without one shows the client lying again. GL-free:
// the leg and the client loaded from the source tree.
#include "../support/shipped_state.hpp"
#include "../support/test_paths.hpp"
#include <doctest/doctest.h>

#include <filesystem>
#include <memory>
#include <string>

#include "app/client_stage.hpp"
#include "app/staging.hpp"
#include "app/state.hpp"
#include "lesson/lesson.hpp"
#include "lesson/locale.hpp"

using namespace effleura;

TEST_CASE("a lesson step sets the client's posture, and a step without one lays the client down again") {
  auto state = test::shipped_state();
  const std::string text = "title = \"t\"\naudience = \"a\"\n"
                           "[[step]]\nareas = [\"calves\"]\nposture = \"sitting\"\nsay = \"s\"\n"
                           "[[step]]\nareas = [\"calves\"]\nsay = \"s\"\n"
                           "[[step]]\nareas = [\"calves\"]\nview = \"medial\"\nposture = \"prone\"\nsay = \"s\"\n"
                           "[[step]]\nareas = [\"calves\"]\nview = \"medial\"\nsay = \"s\"\n";
  auto lesson = lesson::load_lesson_string(text, "l.toml", app::technique_ids(*state));
  REQUIRE_MESSAGE(lesson.has_value(), lesson.error().describe());
  const lesson::Locale none;
  struct Expect {
    anatomy::ClientPosture drawn;
    flow::Posture flow;
  };
  const Expect expected[] = {{anatomy::ClientPosture::sitting, flow::Posture::sitting},
                             {anatomy::ClientPosture::supine, flow::Posture::supine},   // sat up, lies down again
                             {anatomy::ClientPosture::prone, flow::Posture::supine},    // face down, lying flat
                             {anatomy::ClientPosture::prone, flow::Posture::supine}};   // lying already: left as it is
  for (std::size_t i = 0; i < lesson->steps.size(); ++i) {
    CAPTURE(i);
    app::stage_lesson_step(lesson->steps[i], none, *state);
    state->update(1.0 / 30.0);
    CHECK(state->client.posture() == expected[i].drawn);
    CHECK(state->simulation.posture == expected[i].flow);
  }
  // Face down, the back of the leg is up (the soleus seen from above, not against the table).
  CHECK(state->lying_up().z < 0.0f);
}

TEST_CASE("the self-test's soleus step turns the client face down and looks at the back of the leg from above") {
  auto state = test::shipped_state();
  auto lesson = lesson::load_lesson(std::filesystem::path(EFFLEURA_SOURCE_DIR) / "content/lessons/self-test.toml", app::technique_ids(*state));
  REQUIRE_MESSAGE(lesson.has_value(), lesson.error().describe());
  const lesson::Locale none;
  // The first step, face up, then the soleus's: the camera's subject was the leg face up.
  std::size_t soleus = 0;
  while (soleus < lesson->steps.size() && lesson->steps[soleus].structure != "muscle.soleus") ++soleus;
  REQUIRE(soleus < lesson->steps.size());
  REQUIRE(lesson->steps[soleus].posture == "prone");
  app::stage_lesson_step(lesson->steps.front(), none, *state);
  state->update(1.0 / 30.0);
  REQUIRE(state->client.posture() == anatomy::ClientPosture::supine);
  app::stage_lesson_step(lesson->steps[soleus], none, *state);
  for (int i = 0; i < 45; ++i) state->update(1.0 / 30.0);  // the view's move (0.6 s) and a little more
  REQUIRE_FALSE(state->camera.transitioning());
  // From the ceiling over the leg's outer side (render/posture_view.cpp: 1.3 rad, ~75 degrees
  // down), as a therapist standing over the table sees the calf; staged with the leg face up in
  // the camera, "back" was its view of the table side: 0.05 rad, at table height.
  const float pitch = state->camera.pose().pitch;
  MESSAGE("the soleus step's camera looks down ", pitch, " rad");
  CHECK(pitch >= 1.2f);
  CHECK(state->camera.eye().y > state->camera.pose().target.y + 0.5f * state->camera.pose().distance);
}
