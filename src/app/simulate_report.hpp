#pragma once
// `--simulate` on the app's own Simulation: the report's leg (its valves, stocking and posture)
// is handed to the Simulation, which steps it exactly as a window frame does (Simulation::
// update: the technique's playback at its speed, hands, contacts, the ankle-to-calf link,
// posture, the client's own muscles), so every option means the same in both.
#include <optional>

#include "anatomy/client_pose.hpp"
#include "anatomy/vein_network.hpp"
#include "app/simulate_cache.hpp"
#include "app/simulation.hpp"
#include "core/error.hpp"
#include "flow/report.hpp"

namespace effleura::app {

// `simulation` has its techniques loaded and, for a technique run, the technique selected
// (at --at and --speed); for a built-in scenario (walking, ankle pumps, ...) none is selected
// and the scenario's rhythm drives Simulation::muscles. Afterwards simulation.flow() is the
// leg the report measured. With `cache`, the settling before t = 0 and the clinic's indices
// come from the start-up cache when an earlier run made them (app/simulate_cache.hpp): the
// same numbers, to the last digit. `drawn`: the posture the client is drawn in (--posture prone:
// lying face down from the start); none, or one that is not the request's, the request's own.
Expected<flow::SimulationReport> simulate_report(Simulation& simulation, const anatomy::VeinNetwork& network,
                                                 const flow::SimulationRequest& request,
                                                 const SimulateCache* cache = nullptr,
                                                 std::optional<anatomy::ClientPosture> drawn = std::nullopt);

}  // namespace effleura::app
