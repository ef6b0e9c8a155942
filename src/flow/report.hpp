#pragma once
// Headless runs of the flow model and their JSON report (`effleura --headless --simulate`).
#include <functional>
#include <string>
#include <vector>

#include "anatomy/vein_network.hpp"
#include "core/contact.hpp"
#include "core/error.hpp"
#include "flow/posture.hpp"

namespace effleura::flow {

struct SimulationRequest {
  // "rest"; "walking" (calf contractions at 1 Hz); "ankle-pumps" (one every 2 s); anything
  // else (a technique id) runs on the contacts callback alone. The callback is applied in
  // every scenario.
  std::string scenario = "rest";
  double seconds = 60.0;                  // simulated time after settling, 0 < s <= 3600
  Posture posture = Posture::supine;
  std::vector<std::string> incompetent;   // vein ids whose valves do not close
  double stocking_mmhg = 0.0;             // graduated stocking, pressure at the ankle (0..60)
  // Built-in calf rhythms run for this long from t = 0, then the leg rests so recovery shows;
  // a negative value means half the run, at most 60 s.
  double active_seconds = -1.0;
  double settle_seconds = 30.0;           // quiet time before t = 0 (not reported)
  double sample_hz = 20.0;                // rate of the series
};

struct SimulationSummary {
  double baseline_flow_ml_min = 0.0;     // femoral outflow at rest before t = 0
  double mean_flow_ml_min = 0.0;
  double peak_flow_ml_min = 0.0;
  double calf_ejection_fraction = 0.0;   // (calf volume at t = 0 - lowest) / at t = 0
  double ankle_pressure_start_mmhg = 0.0;
  double ankle_pressure_min_mmhg = 0.0;
  double ankle_pressure_max_mmhg = 0.0;
  double ankle_recovery_s = 0.0;         // after the last drive, to regain 90 % of the fall; -1 not within the run
  double max_reflux_s = 0.0;             // longest backflow spell at any valve
  double return_to_baseline_s = 0.0;     // after the last drive, until flow stays within 10 %; -1 not within the run
  double last_drive_s = -1.0;            // time of the last contact or contraction, -1 none
  double volume_error_rel = 0.0;
};

struct SimulationReport {
  std::string scenario;
  std::string posture;
  double seconds = 0.0;
  std::vector<std::string> incompetent;
  double stocking_mmhg = 0.0;
  SimulationSummary summary;
  std::vector<std::pair<std::string, double>> reflux_by_vein;  // veins with valves, in file order
  // Series sampled at sample_hz, all the same length.
  std::vector<double> t_s, femoral_flow_ml_s, calf_volume_ml, ankle_pressure_mmhg;
};

using ContactsAt = std::function<Contacts(double t)>;

// Runs the request on a fresh model of `network`. Unknown scenario names are technique runs;
// a bad posture, vein id or number is an Error naming the valid choices.
Expected<SimulationReport> simulate(const anatomy::VeinNetwork& network,
                                    const SimulationRequest& request, const ContactsAt& contacts);

// {"scenario":..., "summary":{...}, "reflux_s":{...}, "series":{t_s:[...], ...}}
std::string to_json(const SimulationReport& report);

}  // namespace effleura::flow
