#include "app/simulate_report.hpp"

#include <algorithm>
#include <optional>

#include "app/client_stage.hpp"
#include "flow/flow_snapshot.hpp"

namespace effleura::app {

Expected<flow::SimulationReport> simulate_report(Simulation& simulation, const anatomy::VeinNetwork& network,
                                                 const flow::SimulationRequest& request, const SimulateCache* cache,
                                                 std::optional<anatomy::ClientPosture> drawn) {
  auto leg = flow::make_request_leg(network, request);
  if (!leg) return std::unexpected(leg.error());
  // The client as the window draws it (app/client_stage.hpp): lying, a technique's steps on the
  // back of the leg turn it prone, and calf squeezes bend its knee 30 degrees; the flow's shank
  // heights follow the drawn knee from the settling on (the rest is the bent leg's), then each
  // frame, in State::update's order (the knee of the pose before the frame's step).
  ClientStage client;
  client.choose(drawn && flow_posture(*drawn) == request.posture ? *drawn : drawn_posture(request.posture));
  const technique::Technique* technique = simulation.technique();
  client.set_technique(simulation.timeline(), technique ? technique->views : std::vector<std::string>{},
                       simulation.playback() ? simulation.playback()->time() : 0.0);
  simulation.knee_flexion_deg = client.pose().knee_flexion_deg;
  simulation.lying_up = flow::lying_up(client.pose().left_leg);
  leg->set_knee_flexion(simulation.knee_flexion_deg);
  leg->set_lying_up(simulation.lying_up);
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
    simulation.knee_flexion_deg = client.pose().knee_flexion_deg;
    simulation.lying_up = flow::lying_up(client.pose().left_leg);
    simulation.update(dt);  // one window frame's worth of simulation, at the report's 10 ms
    if (const technique::Playback* p = simulation.playback())
      client.update(dt, p->time(), p->playing() ? dt * p->speed() : 0.0);
    const Contacts& c = simulation.contacts();
    const bool hands = std::any_of(c.begin(), c.end(), [](const ContactPatch& p) { return p.pressure_mmhg > 0.0f; });
    return hands || simulation.flow()->calf_muscle_pressure() > 0.0;  // the ankle's calf pump counts too
  };
  auto report = flow::simulate_stepped(*simulation.flow(), network, run, step);
  if (report && indices) flow::set_clinical_indices(report->summary, *indices);
  return report;
}

}  // namespace effleura::app
