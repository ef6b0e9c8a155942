// The window's flow while the client walks is walking's: State::update presses the foot, calf
// and thigh pumps on flow::kGait at the drawn stride's time (app/client_muscles.hpp). No GL.
#include "../support/test_paths.hpp"
#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "app/client_muscles.hpp"
#include "app/paths.hpp"
#include "app/state.hpp"
#include "flow/drivers.hpp"

using namespace effleura;

namespace {

struct Window {
  double calf_start_ml = 0.0, calf_lowest_ml = 0.0, calf_end_ml = 0.0, highest_calf_mmhg = 0.0;
  int frames_off_stride = 0;  // frames whose pumps were not kGait at the drawn stride's time (or rest when still)
};

// `seconds` of window frames at 60 fps in the client's present posture.
Window run_window(app::State& scene, double seconds) {
  const bool walking = scene.client.posture() == anatomy::ClientPosture::walking;
  Window w;
  w.calf_start_ml = w.calf_lowest_ml = scene.simulation.flow()->calf_volume_ml();
  constexpr double kDt = 1.0 / 60.0;
  for (int i = 0; i < static_cast<int>(seconds / kDt); ++i) {
    scene.update(kDt);
    const flow::FlowSystem& f = *scene.simulation.flow();
    // After the frame the client is drawn at walk_time(); the flow was stepped to the same moment.
    const flow::PumpPressures want = walking ? flow::kGait.at(scene.client.walk_time()) : flow::PumpPressures{};
    if (std::abs(f.foot_pressure() - want.foot) > 1e-9 || std::abs(f.calf_muscle_pressure() - want.calf) > 1e-9 ||
        std::abs(f.thigh_muscle_pressure() - want.thigh) > 1e-9)
      ++w.frames_off_stride;
    w.highest_calf_mmhg = std::max(w.highest_calf_mmhg, f.calf_muscle_pressure());
    w.calf_lowest_ml = std::min(w.calf_lowest_ml, f.calf_volume_ml());
  }
  w.calf_end_ml = scene.simulation.flow()->calf_volume_ml();
  return w;
}

}  // namespace

TEST_CASE("walking in the window, the foot, calf and thigh pumps follow the stride drawn") {
  app::Options options;
  options.content_dir = std::filesystem::path(EFFLEURA_SOURCE_DIR) / "content";
  options.assets_dir = std::filesystem::path(EFFLEURA_SOURCE_DIR) / "assets";
  options.posture = "walking";
  app::State scene;
  auto loaded = scene.load(options, app::resolve_data_paths(options));
  REQUIRE_MESSAGE(loaded.has_value(), (loaded ? "" : loaded.error().describe()));
  REQUIRE(scene.simulation.flow() != nullptr);
  const Window walking = run_window(scene, 1.0);  // one stride from standing still
  CHECK(walking.frames_off_stride == 0);
  CHECK(walking.highest_calf_mmhg > 0.9 * flow::kGait.calf_peak_mmhg);  // a 60 fps frame lands near the push-off's peak
  // The calf pump empties the calf: the first push-off from standing takes 18 % of its blood
  // (before the window drove the pumps, the calf stayed as full as standing still's).
  CHECK(walking.calf_lowest_ml < 0.9 * walking.calf_start_ml);
  // Standing still again, the muscles rest and the calf refills from the arteries.
  scene.client.choose(anatomy::ClientPosture::standing);
  const Window standing = run_window(scene, 0.5);
  CHECK(standing.frames_off_stride == 0);
  CHECK(standing.highest_calf_mmhg == 0.0);
  CHECK(standing.calf_end_ml > standing.calf_start_ml);
}

TEST_CASE("the client's muscles rest unless it walks in the flow model's standing posture") {
  app::ClientStage stage;
  stage.choose(anatomy::ClientPosture::walking);
  stage.set_walk_time(0.3);
  const flow::PumpPressures walk = app::client_muscles(stage, flow::Posture::standing, 0.05);
  CHECK(walk.foot == doctest::Approx(flow::kGait.at(0.35).foot));
  CHECK(walk.calf == doctest::Approx(flow::kGait.at(0.35).calf));
  CHECK(walk.thigh == doctest::Approx(flow::kGait.at(0.35).thigh));
  CHECK(walk.calf > 0.0);
  // The flow panel put the leg up this frame: the client stops walking, so do its muscles.
  CHECK(app::client_muscles(stage, flow::Posture::supine, 0.05).calf == 0.0);
  for (auto p : {anatomy::ClientPosture::standing, anatomy::ClientPosture::sitting, anatomy::ClientPosture::supine}) {
    stage.choose(p);
    const flow::PumpPressures still = app::client_muscles(stage, app::flow_posture(p), 0.05);
    CHECK(still.foot + still.calf + still.thigh == 0.0);
  }
}
