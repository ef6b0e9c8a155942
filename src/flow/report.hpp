#pragma once
// Headless runs of the flow model and their JSON report (`effleura --headless --simulate`).
#include <functional>
#include <limits>
#include <string>
#include <vector>

#include "anatomy/vein_network.hpp"
#include "core/contact.hpp"
#include "core/error.hpp"
#include "flow/flow_system.hpp"
#include "flow/posture.hpp"
#include "flow/protocols.hpp"  // the built-in scenarios and the clinic's protocols

namespace effleura::flow {

struct SimulationRequest {
  // "rest"; "walking" (the gait cycle's foot, calf and thigh pumps, a stride a second, for the
  // whole run); "ankle-pumps" (one every 2 s); "refill-test" (the clinic's: sitting, ten ankle
  // pumps, then still); anything else (a technique id) runs on the contacts callback alone.
  // The callback is applied in every scenario (flow/protocols.hpp).
  std::string scenario = "rest";
  double seconds = 60.0;                  // simulated time after settling, 0 < s <= 3600
  Posture posture = Posture::supine;
  std::vector<std::string> incompetent;   // vein ids whose valves do not close
  double stocking_mmhg = 0.0;             // graduated stocking, pressure at the ankle (0..60)
  // Built-in pumps run for this long from t = 0, then the leg rests so recovery shows; a
  // negative value means the scenario's own: walking the whole run, ankle pumps half the run
  // (at most 60 s), the refill test ten pumps.
  double active_seconds = -1.0;
  double settle_seconds = 30.0;           // quiet time before t = 0 (not reported)
  double sample_hz = 20.0;                // rate of the series
  bool breathing = true;                  // quiet breathing modulates the outflow at the groin
  // Runs the clinic's protocols on this leg for the indices below (about 400 s of model time).
  bool clinical_indices = true;
};

inline constexpr double kNotMeasured = std::numeric_limits<double>::quiet_NaN();

struct SimulationSummary {
  double baseline_flow_ml_min = 0.0;     // femoral outflow at rest before t = 0
  double mean_flow_ml_min = 0.0;
  // Mean arterial inflow over the run: what a Doppler of the femoral artery measures
  // (Shoemaker 1997), unlike the venous outflow it does not include blood squeezed out of store.
  double mean_arterial_supply_ml_min = 0.0;
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
  // The clinic's indices of this leg (flow/protocols.hpp), NaN (JSON null) when not run.
  double ejection_fraction = kNotMeasured;        // one tiptoe, of the venous volume
  double residual_volume_fraction = kNotMeasured; // after ten tiptoes
  double venous_volume_ml = kNotMeasured;         // the calf's, legs raised to standing (EF's and RVF's divisor)
  double venous_filling_index_ml_s = kNotMeasured;
  double refill_time_s = kNotMeasured;            // after ten sitting ankle pumps
  double ambulatory_pressure_mmhg = kNotMeasured; // ankle, walking
  double ambulatory_recovery_s = kNotMeasured;    // to 90 % after walking stops
  // Mean velocity in the middle of the femoral vein: before t = 0 and the fastest forward.
  double femoral_velocity_resting_cm_s = 0.0;
  double femoral_velocity_peak_cm_s = 0.0;
  double popliteal_velocity_resting_cm_s = 0.0;
  double popliteal_velocity_peak_cm_s = 0.0;
  // The fastest forward over the last 5 s of a built-in rhythm that ran at least 20 s: the
  // rhythm's settled peak, as a duplex scan reads it during steady walking or pumping (the
  // first contractions after rest empty veins filled for minutes and peak far higher). NaN
  // (the key left out of the JSON) when the run has no such rhythm.
  double femoral_velocity_steady_peak_cm_s = kNotMeasured;
  double popliteal_velocity_steady_peak_cm_s = kNotMeasured;
  // The time average over the last 10 s of such a rhythm (whole periods of every built-in one),
  // as `resting` is over a quiet breath: the quantity a Doppler study's "time-averaged peak
  // velocity" (TAPV, the spectral envelope averaged over the recording) reports, read at the
  // cross-section's mean here (about half the envelope for the slow, laminar flow at rest). Its
  // ratio to `resting` is what Thromb Haemost 2009's 11 -> 24 cm/s (supine ankle pumps) measures;
  // the instant's peak is not (docs/flow-model.md). NaN (left out) as the steady peaks.
  double femoral_velocity_steady_mean_cm_s = kNotMeasured;
  double popliteal_velocity_steady_mean_cm_s = kNotMeasured;
  double lowest_transmural_mmhg = 0.0;            // any compartment, any time in the run
  double capillary_flow_min_ml_s = 0.0;                // smallest total capillary inflow seen
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
  std::vector<double> arterial_supply_ml_s;   // what the capillary beds deliver into the veins
};

using ContactsAt = std::function<Contacts(double t)>;

// Runs the request on a fresh model of `network`. Unknown scenario names are technique runs;
// a bad posture, vein id or number is an Error naming the valid choices.
Expected<SimulationReport> simulate(const anatomy::VeinNetwork& network,
                                    const SimulationRequest& request, const ContactsAt& contacts);

// The same run on a leg the caller owns and steps (the app's Simulation, so that --simulate
// runs what the window draws). `step` advances the leg by `dt` from time `t` with at least the
// scenario's `pumps` (the client's own muscles); it returns true when anything pressed on the
// leg during the step (hands, a muscle the caller drives), which times the recovery figures.
using StepLeg = std::function<bool(double t, double dt, const PumpPressures& pumps)>;
// The posture the request runs in: its own, unless the scenario fixes one (refill-test sits).
[[nodiscard]] Posture request_posture(const SimulationRequest& request);
// A fresh leg for the request (its incompetent valves and stocking), not yet settled; the
// request's numbers are checked here as in simulate().
Expected<FlowSystem> make_request_leg(const anatomy::VeinNetwork& network, const SimulationRequest& request);
// Settles `leg`, measures its resting baseline (stepping it directly, nothing pressing), then
// calls `step` every 10 ms for the request's seconds and reports.
Expected<SimulationReport> simulate_stepped(FlowSystem& leg, const anatomy::VeinNetwork& network,
                                            const SimulationRequest& request, const StepLeg& step);

// The clinic's indices into the summary (what simulate_stepped does when the request asks for
// them; `--simulate` fills them from the cache itself, app/simulate_cache.hpp).
void set_clinical_indices(SimulationSummary& summary, const ClinicalIndices& indices);

// {"scenario":..., "summary":{...}, "reflux_s":{...}, "series":{t_s:[...], ...}}
std::string to_json(const SimulationReport& report);

}  // namespace effleura::flow
