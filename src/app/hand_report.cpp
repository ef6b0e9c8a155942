// `effleura --headless [--technique ID] --hand-report FILE.json`: how the hands sit on the skin,
// per technique, step and hand, sampled every 20 ms (technique/hand_contact.hpp): the share of
// the surface each hand means to touch that touches while it presses, the deepest it sinks into
// the dented skin, the closest approach of the two hands, and the share of moments with both
// hands visible from the technique's default camera. Without --technique, all ten.
//
// Visibility is judged without drawing: a hand is visible when its palm centre or its middle
// fingertip projects inside the frame and the straight line from the eye to it does not pass
// through the leg (LegSurface::radial_outside). The camera is the one the app starts a
// technique with: its first view, framing where its hands work.
#include <algorithm>
#include <array>
#include <cstdio>
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
#include "render/camera.hpp"
#include "technique/hand_contact.hpp"
#include "technique/technique_loader.hpp"
#include "technique/working_region.hpp"

namespace effleura::app {
namespace {

constexpr double kSampleS = 0.02;
constexpr int kSightSamples = 32;
constexpr float kNearTarget = 0.03f;   // m before the point where the sight line may touch skin
constexpr float kInsideLeg = -0.004f;  // deeper than this inside the skin hides what is behind

bool point_visible(const glm::vec3& p, const glm::mat4& view_projection, const glm::vec3& eye,
                   const anatomy::LegSurface& surface) {
  const glm::vec4 clip = view_projection * glm::vec4(p, 1.0f);
  if (clip.w <= 0.0f) return false;
  const glm::vec3 ndc = glm::vec3(clip) / clip.w;
  if (ndc.x < -1.0f || ndc.x > 1.0f || ndc.y < -1.0f || ndc.y > 1.0f) return false;
  const glm::vec3 d = p - eye;
  const float length = glm::length(d);
  for (int i = 1; i < kSightSamples; ++i) {
    const float s = static_cast<float>(i) / kSightSamples;
    if (s * length > length - kNearTarget) break;
    const glm::vec3 q = eye + d * s;
    if (q.y < surface.min_along() || q.y > surface.max_along()) continue;
    if (surface.radial_outside(q) < kInsideLeg) return false;
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
  std::optional<anatomy::Bounds> bounds;
  if (auto leg = anatomy::load_model(paths.assets / "leg.glb"); leg && leg->find("skin")) {
    bounds = leg->bounds();
    if (auto fitted = anatomy::MeshLegSurface::build(*leg))
      surface = std::make_unique<anatomy::MeshLegSurface>(std::move(*fitted));
  }
  if (!surface) surface = std::make_unique<anatomy::AnalyticLegSurface>();

  std::vector<technique::TechniqueFigures> all;
  const float aspect = static_cast<float>(options.size.x) / static_cast<float>(std::max(options.size.y, 1));
  for (const technique::Technique* t : chosen) {
    const technique::Timeline timeline(*t, *poses, *surface);
    render::Camera camera;
    if (bounds) camera.frame(*bounds);
    camera.set_focus(technique::working_region(timeline));
    const auto view = options.view ? options.view : (t->views.empty() ? std::nullopt : render::parse_view(t->views.front()));
    if (view) camera.set_preset(*view, false);
    else camera.reset(false);
    const glm::mat4 view_projection = camera.projection_matrix(aspect) * camera.view_matrix();
    const glm::vec3 eye = camera.eye();
    auto visible = [&](const technique::TechniqueFrame&, const std::array<technique::HandShape, 2>& shapes) {
      for (const technique::HandShape& shape : shapes) {
        const glm::vec3 palm(shape.parts[0].frame[3]);
        const glm::vec3 fingertip = shape.parts[technique::hand_part(2, 2)].tip;
        if (!point_visible(palm, view_projection, eye, *surface) &&
            !point_visible(fingertip, view_projection, eye, *surface))
          return false;
      }
      return true;
    };
    all.push_back(technique::measure_technique(timeline, *surface, kSampleS, visible));
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
