// `effleura --headless --simulate WHAT --seconds S ... --report FILE.json`: runs the flow model
// without drawing and writes its report. A technique drives the flow through the contacts
// its hands make, looping for the whole run; rest, walking and ankle-pumps are built in.
#include <cmath>
#include <cstdio>
#include <memory>

#include "anatomy/leg_surface.hpp"
#include "anatomy/model_loader.hpp"
#include "app/client_stage.hpp"
#include "app/exit_codes.hpp"
#include "app/paths.hpp"
#include "app/runners.hpp"
#include "core/files.hpp"
#include "flow/report.hpp"
#include "technique/technique_loader.hpp"
#include "technique/timeline.hpp"

namespace effleura::app {

int run_simulate(const Options& options) {
  const DataPaths paths = resolve_data_paths(options);
  auto network = anatomy::load_vein_network(paths.content / "anatomy" / "veins.toml");
  if (!network) { report_error(network.error().describe()); return kExitBadInput; }
  auto posture = parse_posture_option(options.posture);  // prone and supine both lie flat
  if (!posture) { report_error(posture.error().describe()); return kExitBadInput; }

  flow::SimulationRequest request;
  request.scenario = *options.simulate;
  request.seconds = options.seconds;
  request.posture = flow_posture(*posture);
  request.incompetent = options.incompetent;
  request.stocking_mmhg = options.stocking_mmhg;

  const bool built_in = request.scenario == "rest" || request.scenario == "walking" || request.scenario == "ankle-pumps";
  std::unique_ptr<anatomy::LegSurface> surface;
  std::unique_ptr<technique::Timeline> timeline;
  technique::PoseLibrary poses;
  technique::TechniqueLibrary techniques;
  if (!built_in) {
    auto p = technique::load_poses(paths.content / "poses.toml");
    if (!p) { report_error(p.error().describe()); return kExitBadInput; }
    poses = std::move(*p);
    auto lib = technique::load_techniques(paths.content / "techniques", poses);
    if (!lib) { report_error(lib.error().describe()); return kExitBadInput; }
    techniques = std::move(*lib);
    const technique::Technique* t = techniques.find(request.scenario);
    if (!t) {
      std::string ids = "rest, walking, ankle-pumps";
      for (const auto& known : techniques.all())
        if (known.id != "ankle-pumps") ids += ", " + known.id;  // already listed as built in
      report_error("invalid value '" + request.scenario + "' for --simulate: expected one of " + ids);
      return kExitBadInput;
    }
    // The hands follow the generated leg when it is there, the analytic leg otherwise.
    if (auto leg = anatomy::load_model(paths.assets / "leg.glb"); leg && leg->find("skin"))
      if (auto fitted = anatomy::MeshLegSurface::build(*leg))
        surface = std::make_unique<anatomy::MeshLegSurface>(std::move(*fitted));
    if (!surface) surface = std::make_unique<anatomy::AnalyticLegSurface>();
    timeline = std::make_unique<technique::Timeline>(*t, poses, *surface);
  }

  technique::TechniqueFrame frame;
  auto contacts = [&](double t) {
    Contacts out;
    if (!timeline || t < 0.0) return out;
    timeline->evaluate(std::fmod(t, timeline->duration()), frame);
    frame.append_contacts(out);
    return out;
  };
  auto report = flow::simulate(*network, request, contacts);
  if (!report) { report_error(report.error().describe()); return kExitBadInput; }
  const std::string json = flow::to_json(*report);
  if (auto written = write_binary_file(*options.report, json.data(), json.size()); !written) {
    report_error(written.error().describe());
    return kExitBadInput;
  }
  const auto& s = report->summary;
  std::printf("%s, %s, %.0f s: venous return %.0f mL/min at rest, mean %.0f, peak %.0f; "
              "calf ejection %.0f %%; ankle pressure %.0f to %.0f mmHg\nwrote %s\n",
              report->scenario.c_str(), report->posture.c_str(), report->seconds, s.baseline_flow_ml_min,
              s.mean_flow_ml_min, s.peak_flow_ml_min, 100.0 * s.calf_ejection_fraction, s.ankle_pressure_min_mmhg,
              s.ankle_pressure_max_mmhg, options.report->string().c_str());
  return kExitOk;
}

}  // namespace effleura::app
