// A headless picture at --at T shows the Blood flow panel's plots filled (issue 14): the model
// is played through the moments before T (app/flow_replay.hpp). Before, the picture's plots were
// empty: seeking to T ran nothing, and only a running model records.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <utility>
#include <vector>

#include "anatomy/model_loader.hpp"
#include "app/flow_replay.hpp"
#include "app/simulation.hpp"
#include "../support/sanitizer.hpp"

using namespace effleura;

namespace {

app::DataPaths source_paths() {
  return {std::filesystem::path(EFFLEURA_SOURCE_DIR) / "content", std::filesystem::path(EFFLEURA_SOURCE_DIR) / "assets"};
}

constexpr double kDt = 1.0 / 30.0;  // the fixed clock's step
// Ankle pumps from 0 to T: the first pumps empty the calf (several seconds of model time, 3-10x
// slower under the sanitizers, so a shorter T there).
// Five seconds of ankle pumps also under the sanitizers (~3 s there): in the first 2.5 s the
// calf empties only 2 mL, short of what the test asks to see of the pumps.
constexpr double kAt = 5.0;

}  // namespace

TEST_CASE("replaying to --at records the plots a window shows after playing there, to the sample") {
  anatomy::Model no_model;  // the analytic leg is enough here
  app::Simulation replayed;
  REQUIRE(replayed.load(source_paths(), no_model).has_value());
  REQUIRE(replayed.select_technique("ankle-pumps", kAt).has_value());
  app::FlowHistory history;
  history.record(99.0, 1.0f, 1.0f, 1.0f);  // an older record: cleared, not continued
  const double played = app::replay_flow_history(replayed, history, kDt);
  CHECK(played == doctest::Approx(kAt).epsilon(0.01));
  CHECK(replayed.playback()->time() == doctest::Approx(kAt));  // the picture's moment, as asked
  CHECK(replayed.playback()->playing());
  // A sample each 50 ms from the start, also at 30 fps (before session 11 every other frame
  // there: 15 a second; the old picture: none).
  CHECK(history.size() >= static_cast<std::size_t>(kAt / app::FlowHistory::kInterval) - 1);
  CHECK(history.size() <= static_cast<std::size_t>(kAt / app::FlowHistory::kInterval) + 1);

  // A window that played the technique from 0 at the same clock recorded the same samples.
  app::Simulation window;
  REQUIRE(window.load(source_paths(), no_model).has_value());
  REQUIRE(window.select_technique("ankle-pumps", 0.0).has_value());
  app::FlowHistory watched;
  for (long i = 0; i < std::lround(kAt / kDt); ++i) {
    window.update(kDt);
    app::record_flow(watched, window.time(), *window.flow());
  }
  for (std::size_t which = 0; which < 3; ++which) {
    CAPTURE(which);
    CHECK(history.series(which) == watched.series(which));
  }
  // The pumps show in the calf's plot: it empties by a few millilitres or more.
  const auto calf = history.series(1);
  REQUIRE_FALSE(calf.empty());
  MESSAGE("calf " << calf.front() << " -> lowest " << *std::min_element(calf.begin(), calf.end()) << " mL");
  CHECK(*std::min_element(calf.begin(), calf.end()) < calf.front() - 3.0f);

  // At most the plots' span of model time before T (here 1 s: 20 samples); paused stays paused.
  replayed.playback()->pause();
  CHECK(app::replay_flow_history(replayed, history, kDt, 1.0) == doctest::Approx(1.0).epsilon(0.04));
  CHECK(history.size() >= 19);
  CHECK(history.size() <= 21);
  CHECK_FALSE(replayed.playback()->playing());
  CHECK(replayed.playback()->time() == doctest::Approx(kAt));
  // Nothing to replay without a technique.
  replayed.clear_technique();
  CHECK(app::replay_flow_history(replayed, history, kDt) == 0.0);
}

TEST_CASE("a walking client's replayed plots show the gait's pumps, not standing still") {
  // The headless picture's replay steps the client's own muscles too (headless_runner: the
  // drawn stride's gait). Before session 13 it ran the model with the muscles at rest, so a
  // walking client's plots showed standing still: the calf full at ~220 mL.
  anatomy::Model no_model;
  auto calf_low = [&](bool walking) {
    app::Simulation sim;
    REQUIRE(sim.load(source_paths(), no_model).has_value());
    sim.posture = flow::Posture::standing;
    REQUIRE(sim.select_technique("effleurage", kAt).has_value());
    app::FlowHistory history;
    std::vector<double> asked;
    const app::MusclesBefore gait = [&asked](double before_s) {
      asked.push_back(before_s);
      return flow::kGait.at(10.0 - before_s);  // a stride a second, ending at the picture's moment
    };
    const double played = app::replay_flow_history(sim, history, kDt, 30.0, walking ? gait : app::MusclesBefore{});
    if (walking) {
      REQUIRE(asked.size() >= 2);
      CHECK(asked.back() == 0.0);                                         // the last step ends at T
      CHECK(asked.front() == doctest::Approx(played - kDt).epsilon(1e-6));  // counted back from T
      CHECK(sim.muscles.calf == 0.0);  // left for State::update to set each frame
    }
    const auto calf = history.series(1);
    REQUIRE_FALSE(calf.empty());
    return std::pair(calf.front(), *std::min_element(calf.begin(), calf.end()));
  };
  const auto [still_start, still_low] = calf_low(false);
  const auto [walk_start, walk_low] = calf_low(true);
  MESSAGE("calf standing still " << still_start << " -> " << still_low << " mL; walking " << walk_start << " -> " << walk_low << " mL");
  CHECK(walk_low < walk_start - 15.0f);  // each step's calf pump ejects: 112 -> 82 mL in 5 s
  CHECK(still_low > still_start - 1.0f);  // standing still the calf only fills (stays 112 here)
}
