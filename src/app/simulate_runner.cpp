// `effleura --headless --simulate WHAT --seconds S ... --report FILE.json`: runs the flow model
// without drawing and writes its report. The same Simulation the window draws steps the leg
// (app/simulate_report.hpp): a technique's playback at --at and --speed, looping for the whole
// run, on the leg surface fitted to the same model, its contacts and ankle; rest, walking,
// ankle-pumps and refill-test are built-in rhythms of the client's own muscles.
#include <cmath>
#include <cstdio>

#include "anatomy/model_loader.hpp"
#include "app/client_stage.hpp"
#include "app/exit_codes.hpp"
#include "app/paths.hpp"
#include "app/runners.hpp"
#include "app/simulate_report.hpp"
#include "app/simulation.hpp"
#include "core/cache_file.hpp"
#include "core/files.hpp"
#include "flow/report.hpp"

namespace effleura::app {

int run_simulate(const Options& options) {
  const DataPaths paths = resolve_data_paths(options);
  const auto vein_file = paths.content / "anatomy" / "veins.toml";
  auto network = anatomy::load_vein_network(vein_file);
  if (!network) { report_error(network.error().describe()); return kExitBadInput; }
  auto posture = parse_posture_option(options.posture);  // prone and supine both lie flat
  if (!posture) { report_error(posture.error().describe()); return kExitBadInput; }

  flow::SimulationRequest request;
  request.scenario = *options.simulate;
  request.seconds = options.seconds;
  request.posture = flow_posture(*posture);
  request.incompetent = options.incompetent;
  request.stocking_mmhg = options.stocking_mmhg;

  const bool built_in = flow::is_builtin_scenario(request.scenario);
  Simulation simulation;
  if (!built_in) {
    // The hands follow the generated leg when it is there, the analytic leg otherwise, as in
    // the window (Simulation::load_techniques).
    anatomy::Model model;
    if (auto leg = anatomy::load_model(options.model ? *options.model : paths.assets / "leg.glb")) model = std::move(*leg);
    if (auto loaded = simulation.load_techniques(paths, model); !loaded) {
      report_error(loaded.error().describe());
      return kExitBadInput;
    }
    if (!simulation.techniques().find(request.scenario)) {
      std::string ids = "rest, walking, ankle-pumps, refill-test";
      for (const auto& known : simulation.techniques().all())
        if (known.id != "ankle-pumps") ids += ", " + known.id;  // already listed as built in
      report_error("invalid value '" + request.scenario + "' for --simulate: expected one of " + ids);
      return kExitBadInput;
    }
    if (auto picked = simulation.select_technique(request.scenario, options.at_seconds, options.speed); !picked) {
      report_error(picked.error().describe());
      return kExitBadInput;
    }
  }

  // The settling and the clinic's indices of this leg from an earlier run (start-up cache).
  const SimulateCache cache{vein_file, cache_directory()};
  auto report = simulate_report(simulation, *network, request, &cache, *posture);  // prone: face down
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
