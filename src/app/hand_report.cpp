// `effleura --headless [--technique ID] --hand-report FILE.json`: how the hands sit on the skin,
// per technique, step and hand, sampled every 20 ms (technique/hand_contact.hpp): the share of
// the surface each hand means to touch that touches while it presses, the deepest it sinks into
// the dented skin, the closest approach of the two hands and of their forearms' sleeves, and the
// share of moments with both hands visible from the technique's default camera. Without
// --technique, all ten.
//
// Visibility is judged without drawing, from the camera the app plays the technique with (it
// follows the work step by step, render/step_camera.hpp), with the client turning over as in the
// app: both hands are visible when each palm's centre (2 cm inside the back of the hand) is in
// the frame and the straight line from the eye to it crosses nothing: not the leg's skin, the
// client's body, the other leg, the drapes, the table (render/sight.hpp), nor a forearm.
#include <algorithm>
#include <array>
#include <cstdio>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <glm/geometric.hpp>
#include <glm/mat4x4.hpp>
#include <glm/vec4.hpp>

#include "anatomy/leg_surface.hpp"
#include "anatomy/model_loader.hpp"
#include "app/exit_codes.hpp"
#include "app/paths.hpp"
#include "app/runners.hpp"
#include "core/files.hpp"
#include "app/state.hpp"
#include "render/hand_sight.hpp"
#include "render/sight.hpp"
#include "technique/forearm.hpp"
#include "technique/hand_contact.hpp"
#include "technique/technique_loader.hpp"
#include "technique/working_region.hpp"

namespace effleura::app {
namespace {

constexpr double kSampleS = 0.02;

// Both hands seen from the app's camera at this moment (see the top of this file).
bool both_hands_seen(const render::FrameView& v, render::SightLines& sight) {
  sight.set_pose(v.client, v.ankle_deg);
  const glm::mat4 vp = v.projection * v.view;
  const std::vector<render::Rod> arms = render::sleeve_rods(v);
  for (std::size_t h = 0; h < v.hands.size(); ++h) {
    const glm::vec3 p = render::palm_centre(v, h);
    if (!render::in_picture(vp, p) || !sight.clear(v.eye, p, 0.02f, arms)) return false;
  }
  return true;
}

}  // namespace

int run_hand_report(const Options& options) {
  const DataPaths paths = resolve_data_paths(options);
  auto poses = technique::load_poses(paths.content / "poses.toml");
  if (!poses) { report_error(poses.error().describe()); return kExitBadInput; }
  auto library = technique::load_techniques(paths.content / "techniques", *poses);
  if (!library) { report_error(library.error().describe()); return kExitBadInput; }
  std::vector<const technique::Technique*> chosen;
  if (options.technique) {
    const technique::Technique* t = library->find(*options.technique);
    if (!t) {
      std::string ids;
      for (const auto& known : library->all()) ids += (ids.empty() ? "" : ", ") + known.id;
      report_error("invalid value '" + *options.technique + "' for --technique: expected one of " + ids);
      return kExitBadInput;
    }
    chosen.push_back(t);
  } else {
    for (const auto& t : library->all()) chosen.push_back(&t);
  }

  // The hands follow the generated leg when it is there, the analytic leg otherwise.
  std::unique_ptr<anatomy::LegSurface> surface;
  if (auto leg = anatomy::load_model(paths.assets / "leg.glb"); leg && leg->find("skin"))
    if (auto fitted = anatomy::MeshLegSurface::build(*leg))
      surface = std::make_unique<anatomy::MeshLegSurface>(std::move(*fitted));
  if (!surface) surface = std::make_unique<anatomy::AnalyticLegSurface>();

  std::vector<technique::TechniqueFigures> all;
  for (const technique::Technique* t : chosen) {
    technique::Timeline timeline(*t, *poses, *surface);
    // Sitting, the hands work where a sitting leg is reached, as the app plays them
    // (app/simulation.cpp): measured on the lying content the figures were not those drawn.
    timeline.set_client_sitting(options.posture == "sitting");
    // The app itself, without drawing, plays alongside for the camera and the client's pose.
    Options played = options;
    played.technique = t->id;
    played.at_seconds = 0.0;
    State scene;
    if (auto loaded = scene.load(played, paths); !loaded) { report_error(loaded.error().describe()); return kExitBadInput; }
    render::SightLines sight(scene.client_model, &scene.model);
    double played_to = 0.0;
    // The forearms as the app draws them (placed by app/state.cpp), per step.
    std::vector<float> forearms(timeline.step_count(), std::numeric_limits<float>::max());
    std::vector<double> forearms_at(timeline.step_count(), 0.0);
    auto visible = [&](const technique::TechniqueFrame& frame, const std::array<technique::HandShape, 2>&) {
      if (frame.time > played_to) scene.update(frame.time - played_to), played_to = frame.time;
      const render::FrameView v = scene.frame_view(options.size);
      std::array<technique::Forearm, 2> arms;
      for (std::size_t h = 0; h < 2; ++h) {
        arms[h].wrist = glm::vec3(v.hands[h].forearm[3]);
        arms[h].elbow = glm::vec3(v.hands[h].forearm * glm::vec4(0.0f, 0.0f, -technique::kForearmLength, 1.0f));
      }
      if (const float gap = 1000.0f * technique::forearms_gap(arms); gap < forearms[frame.step])
        forearms[frame.step] = gap, forearms_at[frame.step] = frame.time;
      return both_hands_seen(v, sight);
    };
    all.push_back(technique::measure_technique(timeline, *surface, kSampleS, visible));
    for (std::size_t s = 0; s < forearms.size(); ++s)
      if (forearms[s] < std::numeric_limits<float>::max())
        all.back().steps[s].forearms_closest_mm = forearms[s], all.back().steps[s].forearms_closest_at = forearms_at[s];
  }

  const std::string json = technique::figures_json(all);
  if (auto written = write_binary_file(*options.hand_report, json.data(), json.size()); !written) {
    report_error(written.error().describe());
    return kExitBadInput;
  }
  std::printf("hands of %zu technique%s measured every %.0f ms\nwrote %s\n", all.size(), all.size() == 1 ? "" : "s",
              kSampleS * 1000.0, options.hand_report->string().c_str());
  return kExitOk;
}

}  // namespace effleura::app
