#include "app/simulate_report.hpp"

#include <algorithm>

namespace effleura::app {

Expected<flow::SimulationReport> simulate_report(Simulation& simulation, const anatomy::VeinNetwork& network,
                                                 const flow::SimulationRequest& request) {
  auto leg = flow::make_request_leg(network, request);
  if (!leg) return std::unexpected(leg.error());
  simulation.posture = flow::request_posture(request);
  simulation.adopt_flow(std::move(*leg));
  auto step = [&](double, double dt, const flow::PumpPressures& pumps) {
    simulation.muscles = pumps;
    simulation.update(dt);  // one window frame's worth of simulation, at the report's 10 ms
    const Contacts& c = simulation.contacts();
    const bool hands = std::any_of(c.begin(), c.end(), [](const ContactPatch& p) { return p.pressure_mmhg > 0.0f; });
    return hands || simulation.flow()->calf_muscle_pressure() > 0.0;  // the ankle's calf pump counts too
  };
  return flow::simulate_stepped(*simulation.flow(), network, request, step);
}

}  // namespace effleura::app
