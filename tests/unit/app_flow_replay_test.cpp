// A headless picture at --at T shows the Blood flow panel's plots filled (issue 14): the model
// is played through the moments before T (app/flow_replay.hpp). Before, the picture's plots were
// empty: seeking to T ran nothing, and only a running model records.
#include "../support/test_paths.hpp"
#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <string>
#include <cmath>
#include <filesystem>
#include <utility>
#include <vector>

#include "anatomy/model_loader.hpp"
#include "app/flow_replay.hpp"
#include "app/simulation.hpp"
#include "ui/flow_plot.hpp"
#include "ui/teaching_panels.hpp"
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
    // Standing before the model settles, as State::load_content sets it: set after, the replay
    // started with the leg standing up from lying (the groin's blood ran back at -51 mL/s).
    sim.posture = flow::Posture::standing;
    REQUIRE(sim.load(source_paths(), no_model).has_value());
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
  CHECK(walk_low < walk_start - 15.0f);  // each step's calf pump ejects: 220 -> 116 mL in 5 s
  // Standing still the settled, full calf stays full (220 -> 218 mL: effleurage's strokes press a
  // little out). Until session 16 the leg settled lying and stood up at the replay's start, so
  // its calf was filling (112 mL) and a 1 mL bound held.
  CHECK(still_low > still_start - 5.0f);
  CHECK(walk_low < still_low - 50.0f);
}

TEST_CASE("walking with no technique, the replayed plots show the gait's pumps from the walk's start") {
  // `--posture walking --at T --panels` with no technique: the replay had no playback to count
  // from and recorded nothing, so the picture's plots stayed at standing still (calf 218 mL,
  // ankle 89 mmHg) after any time walked (app/flow_replay.hpp, replay_muscles_history).
  anatomy::Model no_model;
  app::Simulation sim;
  sim.posture = flow::Posture::standing;
  REQUIRE(sim.load(source_paths(), no_model).has_value());
  REQUIRE(sim.playback() == nullptr);
  const double walked = kAt;
  const app::MusclesBefore gait = [walked](double before_s) { return flow::kGait.at(walked - before_s); };
  app::FlowHistory history;
  // The technique replay has nothing to play here; the muscles' replay records the walk.
  CHECK(app::replay_flow_history(sim, history, kDt, 30.0, gait) == 0.0);
  const double recorded = app::replay_muscles_history(sim, history, kDt, walked, 30.0, gait);
  CHECK(recorded == doctest::Approx(walked).epsilon(0.01));
  CHECK(sim.muscles.calf == 0.0);  // left for State::update to set each frame
  const auto calf = history.series(1), ankle = history.series(2);
  REQUIRE(calf.size() >= 2);
  const float calf_low = *std::min_element(calf.begin(), calf.end());
  const float ankle_low = *std::min_element(ankle.begin(), ankle.end());
  MESSAGE("calf " << calf.front() << " -> lowest " << calf_low << " mL; ankle lowest " << ankle_low << " mmHg");
  CHECK(calf_low < calf.front() - 15.0f);  // the calf pump ejects, step by step
  CHECK(ankle_low < 70.0f);                // the ankle's pressure falls from standing's ~89 mmHg
  // Nothing walked yet: nothing to record, and a loaded technique is replay_flow_history's.
  CHECK(app::replay_muscles_history(sim, history, kDt, 0.0, 30.0, gait) == 0.0);
  REQUIRE(sim.select_technique("effleurage", 1.0).has_value());
  CHECK(app::replay_muscles_history(sim, history, kDt, walked, 30.0, gait) == 0.0);
}

TEST_CASE("the groin plot reads after the first pump: the settled pumps fill its axis, the first one is clipped and marked") {
  // Ankle pumps lying down, replayed as a picture at T shows them (the plots' 30 s). The first
  // contraction after rest empties a calf that filled for minutes (79 mL/s at the groin, against
  // 21 at most once the pumps settle): before session 14 it set the groin plot's axis (-4 to 85),
  // and the settled pumps' spikes filled a fifth of it. Now the axis is fitted to the last 10 s
  // and their 1 s mean (ui::plot_axis, as the panel draws it), the older first spike clipped and
  // marked with its value. Shorter under the sanitizers (~10x slower there): 16 s still puts the
  // first pump 6 s before the settled span.
  constexpr double kPlotAt = test::kSanitized ? 16.0 : 25.0;
  anatomy::Model no_model;
  app::Simulation sim;
  REQUIRE(sim.load(source_paths(), no_model).has_value());
  REQUIRE(sim.select_technique("ankle-pumps", kPlotAt).has_value());
  app::FlowHistory history;
  (void)app::replay_flow_history(sim, history, kDt, 30.0);
  ui::FlowPanelState panel;
  panel.femoral_ml_s = history.series(0);
  panel.sample_interval_s = static_cast<float>(app::FlowHistory::kInterval);
  panel.rest_femoral_ml_s = static_cast<float>(sim.flow()->nominal_inflow_ml_min() / 60.0);
  const std::array<ui::FlowPlot, 3> plots = ui::flow_panel_plots(panel);
  std::vector<float> mean;
  const ui::PlotAxis axis = ui::plot_axis(plots[0], &mean);
  const std::vector<float>& v = panel.femoral_ml_s;
  const auto settled = static_cast<std::ptrdiff_t>(std::lround(ui::kSettledSpan_s / panel.sample_interval_s));
  REQUIRE(static_cast<std::ptrdiff_t>(v.size()) > settled);
  REQUIRE(mean.size() + 20 == v.size());  // the bold 1 s mean, drawn from 0.5 s in to 0.5 s before now
  const auto last = v.end() - settled;
  const float settled_hi = *std::max_element(last, v.end()), settled_lo = *std::min_element(last, v.end());
  const float first_peak = *std::max_element(v.begin(), last);
  // How much of the axis the settled pumps' spikes span, now and on the old axis (all 30 s).
  float old_lo = 0.0f, old_hi = 0.0f;
  ui::plot_range(v, panel.rest_femoral_ml_s, 1.0f, old_lo, old_hi);
  const float filled = (settled_hi - settled_lo) / (axis.hi - axis.lo), old_filled = (settled_hi - settled_lo) / (old_hi - old_lo);
  MESSAGE("first peak " << first_peak << " mL/s, settled " << settled_lo << ".." << settled_hi << ", axis " << axis.lo << ".."
          << axis.hi << " (old " << old_lo << ".." << old_hi << "): the settled span fills " << filled << " of it (old " << old_filled << ")");
  // Padded by 8 % each side, the mean inside, and the second and later pumps' taller bold line
  // held whole (session 16): 0.71 (0.86 while that line ran off the top; 0.20 on the old axis).
  CHECK(filled > 0.65f);
  // No sample leaves the chart unmarked (session 15: a dip below the settled axis was clipped
  // without a mark whenever a peak was): each one is inside the axis, or above it with the
  // highest marked, or below it with the lowest marked.
  for (std::size_t i = 0; i < v.size(); ++i) {
    CAPTURE(i);
    if (v[i] > axis.hi) CHECK((axis.clipped_peak && v[*axis.clipped_peak] >= v[i]));
    if (v[i] < axis.lo) CHECK((axis.clipped_dip && v[*axis.clipped_dip] <= v[i]));
  }
  // The bold 1 s mean leaves the chart only where it is marked (session 15: the second and later
  // pumps' means ran off the top unmarked): each run beyond the axis is listed in clipped_mean,
  // and only the first pump's (its mean near 60 mL/s) is far enough to be clipped.
  std::size_t runs = 0;
  for (std::size_t j = 0; j < mean.size(); ++j) {
    const bool out = mean[j] > axis.hi || mean[j] < axis.lo;
    if (out && (j == 0 || !(mean[j - 1] > axis.hi || mean[j - 1] < axis.lo))) ++runs;
  }
  MESSAGE("bold line runs beyond the axis: " << runs << ", listed " << axis.clipped_mean.size());
  CHECK(runs == axis.clipped_mean.size());
  CHECK(runs <= 1);
  REQUIRE(axis.clipped_peak.has_value());
  CHECK(v[static_cast<std::size_t>(*axis.clipped_peak)] == first_peak);  // the first pump marked with its value (79 mL/s)
  // Axis top 22 mL/s at 25 s (3.5x under the first pump); 41 at the sanitizers' 16 s, whose last
  // 10 s still hold the second step's first, taller pumps (1.9x): the bound is the worse's.
  CHECK(first_peak > 1.5f * axis.hi);
  // The calf's and the ankle's plots keep their whole range and draw no mean.
  for (std::size_t i = 1; i < 3; ++i) CHECK_FALSE(plots[i].mean_and_settled_axis);
}

TEST_CASE("standing up from the Leg tab: the groin's blood runs back as the leg fills, and the groin plot marks that dip") {
  // The Blood flow panel's Leg tab changes the posture of the running model (app/panels.cpp:
  // apply), as a student does who lies the client down and then stands them up: the leg's veins
  // fill from above until the valves shut, so blood runs back at the groin for a moment. Once
  // that moment is older than the settled span (10 s) and still in the plot's 30 s, the plot
  // clips it and marks its value ("low ... mL/s"), the one real scene that draws the dip mark
  // (session 16 found no replay that does: a replay sets the posture before the model settles).
  anatomy::Model no_model;
  app::Simulation sim;
  REQUIRE(sim.load(source_paths(), no_model).has_value());  // lying (supine), settled
  app::FlowHistory history;
  constexpr double kLying = 2.0, kStanding = 18.0;
  for (long i = 0; i < std::lround((kLying + kStanding) / kDt); ++i) {
    if (static_cast<double>(i) * kDt >= kLying) sim.posture = flow::Posture::standing;  // the Leg tab's click
    sim.update(kDt);
    app::record_flow(history, sim.time(), *sim.flow());
  }
  ui::FlowPanelState panel;
  panel.femoral_ml_s = history.series(0);
  panel.sample_interval_s = static_cast<float>(app::FlowHistory::kInterval);
  panel.rest_femoral_ml_s = static_cast<float>(sim.flow()->nominal_inflow_ml_min() / 60.0);
  const std::array<ui::FlowPlot, 3> plots = ui::flow_panel_plots(panel);
  const ui::PlotAxis axis = ui::plot_axis(plots[0]);
  const std::vector<float>& v = panel.femoral_ml_s;
  const auto lowest = std::min_element(v.begin(), v.end());
  const double lowest_at = static_cast<double>(lowest - v.begin()) * app::FlowHistory::kInterval;
  MESSAGE("groin lowest " << *lowest << " mL/s at " << lowest_at << " s (stood up at " << kLying << " s), now " << v.back()
          << " mL/s, axis " << axis.lo << ".." << axis.hi);
  CHECK(*lowest < -10.0f);                 // blood runs back into the leg at the groin
  CHECK(lowest_at >= kLying);              // when it stands up,
  CHECK(lowest_at < kLying + 2.0);         // at once
  CHECK(v.back() > 0.0f);                  // and flows toward the heart again once the leg is full
  REQUIRE(axis.clipped_dip.has_value());   // clipped below the settled axis and marked,
  CHECK(v[*axis.clipped_dip] == *lowest);  // with the lowest value
  CHECK(*lowest < axis.lo);
  CHECK_FALSE(axis.clipped_peak.has_value());
}

TEST_CASE("a picture later than the plots' span begins its plots on a leg already in the technique's pose") {
  // The leg settles at load face up with the knee straight; prone calf squeezes turn it face down
  // and bend the knee 30 degrees, which drains the calf within seconds (108 -> ~19 mL settled,
  // docs/flow-model.md, Postures). Replayed from rest only the plots' span before T, the calf plot
  // began at 118 mL and fell to 16 in its first seconds (a picture at 40 s), a fall a window
  // shows only when the technique starts. The span here is 10 s at T = 15 s (cheap under the
  // sanitizers); State sets the pose each frame, here by hand as it would.
  anatomy::Model no_model;
  app::Simulation sim;
  REQUIRE(sim.load(source_paths(), no_model).has_value());
  const double rest_face_up = sim.flow()->calf_volume_ml();
  sim.knee_flexion_deg = 30.0f;
  sim.lying_up = flow::kFaceDown;
  // (0.6 s of CPU in Release; 2 s less model time under the sanitizers, the same 5 s lead-in)
  constexpr double kPictureAt = test::kSanitized ? 13.0 : 15.0, kSpan = test::kSanitized ? 8.0 : 10.0;
  REQUIRE(sim.select_technique("calf-squeezes", kPictureAt).has_value());
  app::FlowHistory history;
  CHECK(app::replay_flow_history(sim, history, kDt, kSpan) == doctest::Approx(kSpan).epsilon(0.01));
  const auto calf = history.series(1);
  REQUIRE_FALSE(calf.empty());
  MESSAGE("calf face up at rest " << rest_face_up << " mL; the plot's first sample " << calf.front() << " mL, highest "
                                  << *std::max_element(calf.begin(), calf.end()) << " mL");
  CHECK(calf.front() < 0.5 * rest_face_up);  // already drained when the plot begins
  CHECK(*std::max_element(calf.begin(), calf.end()) < 0.5 * rest_face_up);
}

TEST_CASE("a picture past a looping technique's end shows, and replays to, that moment of its next round") {
  // Calf squeezes last 32 s and loop: --at 33 is 1 s into the second round. Before, the playback
  // stopped at the end (the panel read "32.0 s" with Loop ticked) and the replay, which wraps,
  // left the hands' frame at the round's start under it ("Step 1 of 2" beside 32.0 s).
  anatomy::Model no_model;
  app::Simulation sim;
  REQUIRE(sim.load(source_paths(), no_model).has_value());
  REQUIRE(sim.select_technique("calf-squeezes", 33.0).has_value());
  REQUIRE(sim.timeline() != nullptr);
  REQUIRE(sim.timeline()->duration() == doctest::Approx(32.0));
  CHECK(sim.playback()->time() == doctest::Approx(1.0));
  // 1 s of plots (and the 10 s lead-in): cheap under the sanitizers too.
  app::FlowHistory history;
  CHECK(app::replay_flow_history(sim, history, kDt, 1.0) == doctest::Approx(1.0).epsilon(0.04));
  CHECK(sim.playback()->time() == doctest::Approx(1.0));
  CHECK(sim.playback()->played() == doctest::Approx(33.0));
  // The hands' frame (what the panel's step and the picture show) is at the moment shown.
  CHECK(sim.frame().time == doctest::Approx(1.0).epsilon(0.05));
  CHECK(sim.frame().step == sim.playback()->step());
}
