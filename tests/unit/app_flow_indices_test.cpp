// The Blood flow panel's clinical indices come from a worker thread (app::FlowIndices): a frame
// asks and reads and never waits; the figures appear once the worker is done. The computations
// here are gates the test opens, so "the frame did not wait" is shown, not timed: the worker
// cannot finish before the gate opens, yet every frame before that returned.
#include "../support/test_paths.hpp"
#include <doctest/doctest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>

#include "app/flow_indices.hpp"
#include "app/panels.hpp"
#include "app/paths.hpp"
#include "app/state.hpp"
#include "ui/flow_plot.hpp"

using namespace effleura;
using Indices = ui::FlowPanelState::Indices;

namespace {

struct Gate {
  std::mutex m;
  std::condition_variable_any cv;
  bool open = false;
  std::atomic<int> calls{0}, stopped{0};
  void let_through() {
    { std::lock_guard l(m); open = true; }
    cv.notify_all();
  }
};

// Waits at the gate (or stops when asked), then answers figures that tell the legs apart.
app::FlowIndices::Compute gated(std::shared_ptr<Gate> g) {
  return [g](const anatomy::VeinNetwork&, const flow::LegCondition& leg, flow::Posture posture,
             std::stop_token stop) -> Expected<app::FlowIndices::Figures> {
    ++g->calls;
    std::unique_lock l(g->m);
    if (!g->cv.wait(l, stop, [&] { return g->open; })) {
      ++g->stopped;
      return fail("stopped");
    }
    app::FlowIndices::Figures f;
    f.indices.plethysmography.ejection_fraction = 0.64;
    f.indices.refill_time_s = leg.incompetent.empty() ? 27.0 : 5.0;
    f.rest_calf_ml = posture == flow::Posture::supine ? 109.0 : 218.0;
    f.rest_ankle_mmhg = 6.0;
    f.rest_groin_ml_s = posture == flow::Posture::supine ? 6.2 : 3.0;
    return f;
  };
}

void wait_for(const std::atomic<int>& n, int value) {
  for (int i = 0; i < 2000 && n.load() < value; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(5));
}

}  // namespace

TEST_CASE("the flow panel reads 'computing' while the worker runs and the figures once it is done, frames never wait") {
  app::Options options;
  options.content_dir = std::filesystem::path(EFFLEURA_SOURCE_DIR) / "content";
  options.assets_dir = std::filesystem::path(EFFLEURA_SOURCE_DIR) / "assets";
  app::State scene;
  auto loaded = scene.load(options, app::resolve_data_paths(options));
  REQUIRE_MESSAGE(loaded.has_value(), (loaded ? "" : loaded.error().describe()));
  REQUIRE(scene.simulation.flow() != nullptr);
  auto gate = std::make_shared<Gate>();
  scene.flow_indices = app::FlowIndices(gated(gate));

  CHECK(app::flow_state(scene).indices == Indices::idle);  // nothing asked while the panel is shut
  ui::FlowCommands open;
  open.indices_wanted = true;  // what draw_flow_panel returns while the panel is open
  for (int frame = 0; frame < 5; ++frame) {
    app::apply(open, scene);
    scene.update(0.05);
    const ui::FlowPanelState panel = app::flow_state(scene);
    CHECK(panel.indices == Indices::computing);  // the worker is held at the gate; the frame went on
  }
  gate->let_through();
  REQUIRE(scene.flow_indices.wait(std::chrono::seconds(30)));
  ui::FlowPanelState panel = app::flow_state(scene);
  CHECK(panel.indices == Indices::ready);
  CHECK(panel.ejection_fraction == doctest::Approx(0.64));
  CHECK(panel.refill_time_s == doctest::Approx(27.0));
  CHECK(panel.rest_calf_ml == doctest::Approx(109.0));  // supine: the plot's resting line
  // The groin's rest line is the rest figures' too (until session 23 the data's 350 mL/min,
  // 5.83 mL/s, in every posture: standing the leg lets in about half of it).
  CHECK(panel.rest_femoral_ml_s == doctest::Approx(6.2));
  CHECK(gate->calls.load() == 1);  // asked every frame, computed once for the same leg

  // A leaky great saphenous vein is another leg: computed again, and the refill reads reflux.
  const auto gsv = std::ranges::find(scene.valve_veins, "great-saphenous");
  REQUIRE(gsv != scene.valve_veins.end());
  ui::FlowCommands leaky = open;
  leaky.toggle_incompetent = static_cast<std::size_t>(gsv - scene.valve_veins.begin());
  app::apply(leaky, scene);
  CHECK(app::leg_condition(scene).incompetent == std::vector<std::string>{"great-saphenous"});
  REQUIRE(scene.flow_indices.wait(std::chrono::seconds(30)));
  panel = app::flow_state(scene);
  CHECK(panel.indices == Indices::ready);
  CHECK(panel.refill_time_s == doctest::Approx(5.0));
  CHECK(gate->calls.load() == 2);
}

TEST_CASE("a new leg or posture stops the running computation, so does closing the app") {
  auto gate = std::make_shared<Gate>();
  {
    app::FlowIndices indices(gated(gate));
    const anatomy::VeinNetwork network;
    indices.request(network, {}, flow::Posture::supine);
    wait_for(gate->calls, 1);
    indices.request(network, {}, flow::Posture::standing);  // the first is no longer wanted
    wait_for(gate->stopped, 1);
    CHECK(gate->stopped.load() == 1);
    wait_for(gate->calls, 2);
    CHECK(indices.snapshot().status == app::FlowIndices::Status::computing);
    CHECK(indices.snapshot().posture == flow::Posture::standing);
  }  // the destructor stops the second, still at the gate, and joins
  CHECK(gate->calls.load() == 2);
  CHECK(gate->stopped.load() == 2);
}

TEST_CASE("a hot-reloaded vein network that changed recomputes the indices, an unchanged one does not") {
  auto gate = std::make_shared<Gate>();
  gate->let_through();
  app::FlowIndices indices(gated(gate));
  anatomy::VeinNetwork network;
  network.veins.push_back(anatomy::Vein{});
  network.veins.back().id = "popliteal";
  network.veins.back().radii_m = {0.0033f, 0.0033f};
  indices.request(network, {}, flow::Posture::supine);
  REQUIRE(indices.wait(std::chrono::seconds(30)));
  const anatomy::VeinNetwork same = network;  // the file read again, unchanged
  indices.request(same, {}, flow::Posture::supine);
  CHECK(indices.snapshot().status == app::FlowIndices::Status::ready);
  CHECK(gate->calls.load() == 1);

  anatomy::VeinNetwork wider = network;  // the same leg and posture, a vein edited in veins.toml
  wider.veins.back().radii_m = {0.0040f, 0.0040f};
  indices.request(wider, {}, flow::Posture::supine);
  REQUIRE(indices.wait(std::chrono::seconds(30)));
  CHECK(gate->calls.load() == 2);
  anatomy::VeinNetwork slower = wider;  // a network parameter counts too
  slower.params.opening_time_s = 0.08;
  indices.request(slower, {}, flow::Posture::supine);
  REQUIRE(indices.wait(std::chrono::seconds(30)));
  CHECK(gate->calls.load() == 3);
}

TEST_CASE("the resting levels reach the plots at once, while the clinic's indices still compute") {
  // Until session 21 the calf and ankle plots' dashed "rest" lines came with the indices, the
  // seconds of protocols a leg not measured before needs (a first start, a vein made leaky):
  // opening the panel, or toggling a leaky vein, left the plots without their rest lines that long.
  auto gate = std::make_shared<Gate>();
  app::FlowIndices::Stages stages;
  stages.rest = [](const anatomy::VeinNetwork&, const flow::LegCondition&, flow::Posture posture, double, bool,
                   std::stop_token) -> Expected<app::FlowIndices::Rest> {
    return app::FlowIndices::Rest{posture == flow::Posture::supine ? 111.0 : 220.0, 7.0, posture == flow::Posture::supine ? 5.8 : 3.0};
  };
  stages.indices = gated(gate);  // held at the gate: the indices are not in
  app::FlowIndices indices(stages);
  const anatomy::VeinNetwork network;
  indices.request(network, {}, flow::Posture::supine);
  for (int i = 0; i < 2000 && !indices.snapshot().rest_ready; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(5));
  app::FlowIndices::Snapshot snap = indices.snapshot();
  CHECK(snap.status == app::FlowIndices::Status::computing);
  REQUIRE(snap.rest_ready);
  ui::FlowPanelState panel;
  app::fill_indices(snap, panel);
  CHECK(panel.indices == Indices::computing);  // the Clinic tab still says so
  const auto plots = ui::flow_panel_plots(panel);
  REQUIRE(plots[1].baseline.has_value());  // the calf's rest line
  CHECK(*plots[1].baseline == doctest::Approx(111.0));
  REQUIRE(plots[2].baseline.has_value());  // the ankle's
  CHECK(*plots[2].baseline == doctest::Approx(7.0));
  REQUIRE(plots[0].baseline.has_value());  // and the groin's, the rest stage's too
  CHECK(*plots[0].baseline == doctest::Approx(5.8));

  gate->let_through();
  REQUIRE(indices.wait(std::chrono::seconds(30)));
  snap = indices.snapshot();
  CHECK(snap.status == app::FlowIndices::Status::ready);
  CHECK(snap.figures.indices.refill_time_s == doctest::Approx(27.0));
  CHECK(snap.figures.rest_calf_ml == doctest::Approx(111.0));  // the rest stage's, not the indices stage's 109
  // Another posture: its own rest levels, first again.
  indices.request(network, {}, flow::Posture::standing);
  REQUIRE(indices.wait(std::chrono::seconds(30)));
  CHECK(indices.snapshot().figures.rest_calf_ml == doctest::Approx(220.0));
}

TEST_CASE("lying with the knee bent, the plots' rest lines are that leg's resting levels") {
  // Calf squeezes bend the prone knee 30 degrees: the raised shank rests with about half its blood
  // and a lower ankle pressure (settled 20 s: calf 109 -> 58 mL, ankle 6.4 -> 0.2 mmHg, session 22). Until then
  // the rest stage settled the straight leg, and squeezes seemed to empty the calf from 116 to 52 mL.
  app::FlowIndices::Stages stages;
  stages.rest = [](const anatomy::VeinNetwork&, const flow::LegCondition&, flow::Posture, double knee_deg, bool face_down,
                   std::stop_token) -> Expected<app::FlowIndices::Rest> {
    return app::FlowIndices::Rest{111.0 - knee_deg, 7.0 - 0.2 * knee_deg, face_down ? 5.9 : 5.8};
  };
  stages.indices = [](const anatomy::VeinNetwork&, const flow::LegCondition&, flow::Posture,
                      std::stop_token) -> Expected<app::FlowIndices::Figures> { return app::FlowIndices::Figures{}; };
  app::FlowIndices indices(stages);
  const anatomy::VeinNetwork network;
  indices.request(network, {}, flow::Posture::supine, 30.0, true);  // prone, as calf squeezes lie
  REQUIRE(indices.wait(std::chrono::seconds(30)));
  app::FlowIndices::Snapshot snap = indices.snapshot();
  CHECK(snap.knee_deg == 30.0);
  CHECK(snap.face_down);
  CHECK(snap.figures.rest_calf_ml == doctest::Approx(81.0));
  CHECK(snap.figures.rest_ankle_mmhg == doctest::Approx(1.0));
  CHECK(snap.figures.rest_groin_ml_s == doctest::Approx(5.9));  // the groin's rest line follows the leg too
  // Straightened (the client turned face up): the straight leg's levels again.
  indices.request(network, {}, flow::Posture::supine, 0.0);
  REQUIRE(indices.wait(std::chrono::seconds(30)));
  CHECK(indices.snapshot().figures.rest_calf_ml == doctest::Approx(111.0));
  CHECK(indices.snapshot().figures.rest_groin_ml_s == doctest::Approx(5.8));
  // Straight but face down is another leg (session 23: its veins' heights are the back's).
  indices.request(network, {}, flow::Posture::supine, 0.0, true);
  REQUIRE(indices.wait(std::chrono::seconds(30)));
  CHECK(indices.snapshot().face_down);
  CHECK(indices.snapshot().figures.rest_groin_ml_s == doctest::Approx(5.9));
}
