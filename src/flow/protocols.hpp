#pragma once
// The clinic's measurements of a leg's venous function, run on the model as the clinic runs
// them on a patient, and the built-in `--simulate` scenarios. See docs/flow-model.md.
//   air plethysmography: legs raised (veins empty), stand (fill), one tiptoe, ten tiptoes
//   photoplethysmography refill test: sitting, ten ankle pumps, then still
//   ambulatory venous pressure: standing still, walking, standing still again
#include <optional>
#include <stop_token>
#include <string>
#include <string_view>
#include <vector>

#include "anatomy/vein_network.hpp"
#include "core/error.hpp"
#include "flow/drivers.hpp"
#include "flow/flow_system.hpp"
#include "flow/posture.hpp"

namespace effleura::flow {

// What differs between legs: valves that do not close and a stocking.
struct LegCondition {
  std::vector<std::string> incompetent;   // vein ids
  double stocking_mmhg = 0.0;             // at the ankle
  bool operator==(const LegCondition&) const = default;
};

// A fresh model of `network` with the condition applied, settled in `posture`; lying, with the
// knee bent `knee_deg` and the leg's up `lying_up` as drawn (FlowSystem::set_lying_up).
Expected<FlowSystem> make_leg(const anatomy::VeinNetwork& network, const LegCondition& leg, Posture posture,
                              double settle_s, double knee_deg = 0.0, const glm::vec3& lying_up = kFaceUp);

struct Plethysmography {
  double venous_volume_ml = 0.0;          // VV: calf volume standing minus legs raised
  double filling_index_ml_s = 0.0;        // VFI: 90 % of VV over the time it takes to fill
  double ejection_fraction = 0.0;         // EF: one tiptoe's ejected volume / VV
  double residual_volume_fraction = 0.0;  // RVF: volume left after ten tiptoes / VV
};
// How long each quiet phase of air plethysmography lasts (s). The defaults are the clinic's
// protocol as the app runs it: legs raised until the veins are empty, standing until the calf's
// volume plateaus (a normal leg fills at under 2 mL/s), then a refill before the ten tiptoes.
// Shorter phases run the same code: the sanitized pass of flow_validation_test.cpp uses 10 / 60 /
// 30 s for a leg with deep reflux, which after a minute standing holds 92 % of its three minutes'
// volume and reads on the same side of every bound (session 20: venous volume 177 against 192 mL,
// residual 68 against 62 %, filling index 4.6 against 3.0 mL/s, ejection 61 against 64 %).
struct PlethysmographyTimes {
  double raised_s = 30.0;
  double standing_s = 180.0;
  double refill_s = 90.0;
};
// Each protocol stops early with an error when `stop` is requested (the app computes them on
// a worker thread and drops a computation whose leg has changed).
Expected<Plethysmography> air_plethysmography(const anatomy::VeinNetwork& network, const LegCondition& leg,
                                              std::stop_token stop = {}, const PlethysmographyTimes& times = {});

// Refill time (s): after ten sitting ankle pumps, until the skin veins above the ankle have
// regained 90 % of what the pumps took; -1 if not within two minutes.
Expected<double> refill_time(const anatomy::VeinNetwork& network, const LegCondition& leg, std::stop_token stop = {});

struct AmbulatoryPressure {
  double standing_mmhg = 0.0;   // ankle, standing still
  double walking_mmhg = 0.0;    // mean over the last 5 s of 20 s of walking
  double recovery_s = 0.0;      // after stopping, to regain 90 % of the fall; -1 not within 2 min
};
Expected<AmbulatoryPressure> ambulatory_pressure(const anatomy::VeinNetwork& network, const LegCondition& leg,
                                                 std::stop_token stop = {});

struct ClinicalIndices {
  Plethysmography plethysmography;
  double refill_time_s = 0.0;
  AmbulatoryPressure ambulatory;
};
Expected<ClinicalIndices> clinical_indices(const anatomy::VeinNetwork& network, const LegCondition& leg,
                                           std::stop_token stop = {});

// Skin-vein volume above the ankle, what a photoplethysmograph there follows (mL).
double skin_vein_volume_ml(const FlowSystem& fs);

// Built-in scenarios of `--simulate`: the muscle pumps over time and the posture they need.
struct Scenario {
  std::string name;
  std::optional<Posture> posture;   // set when the protocol fixes it (refill-test: sitting)
  double active_s = 0.0;            // pumps run from 0 to this time
  [[nodiscard]] PumpPressures pumps_at(double t) const;
};
[[nodiscard]] bool is_builtin_scenario(std::string_view name);
[[nodiscard]] std::vector<std::string> builtin_scenarios();   // rest, walking, ankle-pumps, refill-test
// `seconds` the run's length; `active_s` >= 0 overrides how long the pumps run.
[[nodiscard]] Scenario builtin_scenario(std::string_view name, double seconds, double active_s = -1.0);

}  // namespace effleura::flow
