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
