#include "app/simulate_report.hpp"

#include <algorithm>
#include <optional>

#include "flow/flow_snapshot.hpp"

namespace effleura::app {

Expected<flow::SimulationReport> simulate_report(Simulation& simulation, const anatomy::VeinNetwork& network,
                                                 const flow::SimulationRequest& request, const SimulateCache* cache) {
  auto leg = flow::make_request_leg(network, request);
  if (!leg) return std::unexpected(leg.error());
  flow::SimulationRequest run = request;
  std::optional<flow::ClinicalIndices> indices;
  if (cache) {
    // What simulate_stepped would do first (breathing on, then settle), from the cache; it then
    // settles for 0 s, which changes nothing. The indices are the leg's own, not the run's.
    const flow::LegCondition condition{request.incompetent, request.stocking_mmhg};
    leg->set_breathing(request.breathing);
    flow::settle_cached(*leg, request.settle_seconds, cache->source, cache->dir, nullptr, condition_key(condition));
    run.settle_seconds = 0.0;
    if (request.clinical_indices) {
      auto c = clinical_indices_cached(network, condition, *cache);
      if (!c) return std::unexpected(c.error());
      indices = *c;
      run.clinical_indices = false;
    }
  }
  simulation.posture = flow::request_posture(request);
  simulation.adopt_flow(std::move(*leg));
  auto step = [&](double, double dt, const flow::PumpPressures& pumps) {
    simulation.muscles = pumps;
    simulation.update(dt);  // one window frame's worth of simulation, at the report's 10 ms
    const Contacts& c = simulation.contacts();
    const bool hands = std::any_of(c.begin(), c.end(), [](const ContactPatch& p) { return p.pressure_mmhg > 0.0f; });
    return hands || simulation.flow()->calf_muscle_pressure() > 0.0;  // the ankle's calf pump counts too
  };
  auto report = flow::simulate_stepped(*simulation.flow(), network, run, step);
  if (report && indices) flow::set_clinical_indices(report->summary, *indices);
  return report;
}

}  // namespace effleura::app
