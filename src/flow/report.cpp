#include "flow/report.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include <nlohmann/json.hpp>

#include "flow/drivers.hpp"
#include "flow/flow_system.hpp"
#include "flow/protocols.hpp"

namespace effleura::flow {
namespace {

constexpr double kChunkS = 0.01;       // contacts and muscle drive are refreshed at 100 Hz
constexpr double kBaselineBand = 0.10; // "back to baseline" = within 10 % (issue 5)
// Flow is compared with the baseline averaged over one breath, so breathing's own swing
// does not count as "away from baseline".
constexpr double kBreathWindowS = 4.0;
// A rhythm counts as settled after this long (the ambulatory pressure is read after 15 s of
// walking, too), and its steady peak velocities are read over its last few seconds.
constexpr double kSettledRhythmS = 20.0, kSteadyWindowS = 5.0;
// Its time-averaged velocities over the last 10 s: a whole number of periods of every built-in
// rhythm (walking 1 s, ankle pumps 2 s), so no pump counts twice or half.
constexpr double kSteadyMeanWindowS = 10.0;

// Six significant digits, as the report has always printed; NaN and infinity become null.
nlohmann::ordered_json number(double v) {
  if (!std::isfinite(v)) return nullptr;
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.6g", v == 0.0 ? 0.0 : v);
  return std::strtod(buf, nullptr);
}

nlohmann::ordered_json numbers(const std::vector<double>& v) {
  auto out = nlohmann::ordered_json::array();
  for (double x : v) out.push_back(number(x));
  return out;
}

// {resting, peak} and, when the run had a settled rhythm, its steady peak and steady mean (left
// out otherwise: a run without one has nothing to say there, and the report prints no null it
// need not).
nlohmann::ordered_json velocities(double resting, double peak, double steady_peak, double steady_mean) {
  nlohmann::ordered_json v = {{"resting", number(resting)}, {"peak", number(peak)}};
  if (std::isfinite(steady_peak)) v["steady_peak"] = number(steady_peak);
  if (std::isfinite(steady_mean)) v["steady_mean"] = number(steady_mean);
  return v;
}

bool any_pressure(const Contacts& c) {
  return std::any_of(c.begin(), c.end(), [](const ContactPatch& p) { return p.pressure_mmhg > 0.0f; });
}

}  // namespace

namespace {

Expected<void> check_request(const SimulationRequest& request) {
  if (!(request.seconds > 0.0 && request.seconds <= 3600.0))
    return fail("simulated time must be from more than 0 to 3600 seconds");
  if (!(request.stocking_mmhg >= 0.0 && request.stocking_mmhg <= 60.0))
    return fail("stocking pressure must be from 0 to 60 mmHg at the ankle");
  if (!(request.settle_seconds >= 0.0 && request.settle_seconds <= 600.0))
    return fail("settling time must be from 0 to 600 seconds");
  if (!(request.sample_hz >= 1.0 && request.sample_hz <= 100.0))
    return fail("sample rate must be from 1 to 100 Hz");
  return {};
}

}  // namespace

Posture request_posture(const SimulationRequest& request) {
  return builtin_scenario(request.scenario, request.seconds, request.active_seconds).posture.value_or(request.posture);
}

Expected<FlowSystem> make_request_leg(const anatomy::VeinNetwork& network, const SimulationRequest& request) {
  if (auto checked = check_request(request); !checked) return std::unexpected(checked.error());
  return make_leg(network, LegCondition{request.incompetent, request.stocking_mmhg}, request_posture(request), 0.0);
}

Expected<SimulationReport> simulate(const anatomy::VeinNetwork& network,
                                    const SimulationRequest& request, const ContactsAt& contacts) {
  auto made = make_request_leg(network, request);
  if (!made) return std::unexpected(made.error());
  FlowSystem& fs = *made;
  const Posture posture = request_posture(request);
  auto step = [&](double t, double dt, const PumpPressures& pumps) {
    Contacts now = contacts ? contacts(t) : Contacts{};
    fs.set_pumps(pumps);
    fs.advance(dt, now, posture);
    return any_pressure(now);
  };
  return simulate_stepped(fs, network, request, step);
}

Expected<SimulationReport> simulate_stepped(FlowSystem& fs, const anatomy::VeinNetwork& network,
                                            const SimulationRequest& request, const StepLeg& step) {
  if (auto checked = check_request(request); !checked) return std::unexpected(checked.error());
  const Scenario scenario = builtin_scenario(request.scenario, request.seconds, request.active_seconds);
  const Posture posture = request_posture(request);
  const LegCondition leg{request.incompetent, request.stocking_mmhg};
  fs.set_breathing(request.breathing);
  fs.settle(request.settle_seconds);
  // Baseline: the last breath of quiet (4 s).
  double base_sum = 0.0, fem_sum = 0.0, pop_sum = 0.0;
  const int base_chunks = static_cast<int>(std::lround(kBreathWindowS / kChunkS));
  for (int i = 0; i < base_chunks; ++i) {
    fs.advance(kChunkS, {}, posture);
    base_sum += fs.femoral_outflow_ml_s();
    fem_sum += fs.femoral_velocity_m_s();
    pop_sum += fs.vein_velocity_m_s("popliteal");
  }
  const double baseline = base_sum / base_chunks;
  fs.clear_reflux_records();

  SimulationReport rep;
  rep.scenario = request.scenario;
  rep.posture = std::string(posture_name(posture));
  rep.seconds = request.seconds;
  rep.incompetent = request.incompetent;
  rep.stocking_mmhg = request.stocking_mmhg;
  auto& s = rep.summary;
  s.baseline_flow_ml_min = baseline * 60.0;
  s.femoral_velocity_resting_cm_s = s.femoral_velocity_peak_cm_s = 100.0 * fem_sum / base_chunks;
  s.popliteal_velocity_resting_cm_s = s.popliteal_velocity_peak_cm_s = 100.0 * pop_sum / base_chunks;
  s.lowest_transmural_mmhg = fs.lowest_transmural_mmhg();
  s.capillary_flow_min_ml_s = fs.total_inflow_ml_s();
  const double calf0 = fs.calf_volume_ml();
  const double ankle0 = fs.ankle_pressure_mmhg();
  s.ankle_pressure_start_mmhg = s.ankle_pressure_min_mmhg = s.ankle_pressure_max_mmhg = ankle0;
  double calf_min = calf0, flow_sum = 0.0, peak = -1e300;
  const auto chunks = static_cast<long long>(std::ceil(request.seconds / kChunkS - 1e-9));
  const auto every = std::max<long long>(1, std::lround(1.0 / (request.sample_hz * kChunkS)));
  std::vector<double> flow_hist, ankle_hist;
  flow_hist.reserve(static_cast<std::size_t>(chunks));
  ankle_hist.reserve(static_cast<std::size_t>(chunks));
  rep.t_s.push_back(0.0);
  rep.femoral_flow_ml_s.push_back(fs.femoral_outflow_ml_s());
  rep.calf_volume_ml.push_back(calf0);
  rep.ankle_pressure_mmhg.push_back(ankle0);
  rep.arterial_supply_ml_s.push_back(fs.total_inflow_ml_s());
  double supply_sum = 0.0, fem_steady_sum = 0.0, pop_steady_sum = 0.0;
  long long steady_chunks = 0;
  for (long long k = 0; k < chunks; ++k) {
    const double t = static_cast<double>(k) * kChunkS;
    const PumpPressures pumps = scenario.pumps_at(t);
    const bool pressed = step(t, kChunkS, pumps);
    if (pumps.foot > 0.0 || pumps.calf > 0.0 || pumps.thigh > 0.0 || pressed) s.last_drive_s = t + kChunkS;
    // The two veins' velocities this chunk, read once for the peak, the steady peak and the steady mean.
    const double fem = 100.0 * fs.femoral_velocity_m_s(), pop = 100.0 * fs.vein_velocity_m_s("popliteal");
    s.femoral_velocity_peak_cm_s = std::max(s.femoral_velocity_peak_cm_s, fem);
    s.popliteal_velocity_peak_cm_s = std::max(s.popliteal_velocity_peak_cm_s, pop);
    if (scenario.active_s >= kSettledRhythmS && t >= scenario.active_s - kSteadyWindowS && t < scenario.active_s) {
      const bool first = !std::isfinite(s.femoral_velocity_steady_peak_cm_s);
      s.femoral_velocity_steady_peak_cm_s = first ? fem : std::max(s.femoral_velocity_steady_peak_cm_s, fem);
      s.popliteal_velocity_steady_peak_cm_s = first ? pop : std::max(s.popliteal_velocity_steady_peak_cm_s, pop);
    }
    if (scenario.active_s >= kSettledRhythmS && t >= scenario.active_s - kSteadyMeanWindowS - 1e-9 &&
        t < scenario.active_s - 1e-9) {
      fem_steady_sum += fem;
      pop_steady_sum += pop;
      ++steady_chunks;
    }
    s.lowest_transmural_mmhg = std::min(s.lowest_transmural_mmhg, fs.lowest_transmural_mmhg());
    s.capillary_flow_min_ml_s = std::min(s.capillary_flow_min_ml_s, fs.total_inflow_ml_s());
    const double q = fs.femoral_outflow_ml_s();
    const double ankle = fs.ankle_pressure_mmhg();
    flow_hist.push_back(q);
    ankle_hist.push_back(ankle);
    flow_sum += q;
    supply_sum += fs.total_inflow_ml_s();
    peak = std::max(peak, q);
    calf_min = std::min(calf_min, fs.calf_volume_ml());
    s.ankle_pressure_min_mmhg = std::min(s.ankle_pressure_min_mmhg, ankle);
    s.ankle_pressure_max_mmhg = std::max(s.ankle_pressure_max_mmhg, ankle);
    if ((k + 1) % every == 0) {
      rep.t_s.push_back(static_cast<double>(k + 1) * kChunkS);
      rep.femoral_flow_ml_s.push_back(q);
      rep.calf_volume_ml.push_back(fs.calf_volume_ml());
      rep.ankle_pressure_mmhg.push_back(ankle);
      rep.arterial_supply_ml_s.push_back(fs.total_inflow_ml_s());
    }
  }
  s.mean_flow_ml_min = chunks > 0 ? flow_sum / static_cast<double>(chunks) * 60.0 : baseline * 60.0;
  s.peak_flow_ml_min = peak * 60.0;
  s.mean_arterial_supply_ml_min = chunks > 0 ? supply_sum / static_cast<double>(chunks) * 60.0 : 0.0;
  s.calf_ejection_fraction = calf0 > 0.0 ? std::max(0.0, (calf0 - calf_min) / calf0) : 0.0;
  if (steady_chunks > 0) {
    s.femoral_velocity_steady_mean_cm_s = fem_steady_sum / static_cast<double>(steady_chunks);
    s.popliteal_velocity_steady_mean_cm_s = pop_steady_sum / static_cast<double>(steady_chunks);
  }
  s.max_reflux_s = fs.longest_reflux_s();
  s.volume_error_rel = fs.volume_error_rel();

  // Times after the last drive: flow back inside the band for good; ankle pressure regaining
  // 90 % of its fall during the drive.
  if (s.last_drive_s < 0.0) {
    s.return_to_baseline_s = 0.0;
    s.ankle_recovery_s = 0.0;
  } else {
    const auto first = static_cast<std::size_t>(std::lround(s.last_drive_s / kChunkS));
    long long last_out = -1;
    const auto window = static_cast<std::size_t>(std::lround(kBreathWindowS / kChunkS));
    double running = 0.0;
    for (std::size_t i = 0; i < flow_hist.size(); ++i) {
      running += flow_hist[i] - (i >= window ? flow_hist[i - window] : 0.0);
      const double smoothed = running / static_cast<double>(std::min(i + 1, window));
      if (i >= first && std::abs(smoothed - baseline) > kBaselineBand * std::abs(baseline))
        last_out = static_cast<long long>(i);
    }
    if (last_out < 0) s.return_to_baseline_s = 0.0;
    else if (last_out + 1 == static_cast<long long>(flow_hist.size())) s.return_to_baseline_s = -1.0;
    else s.return_to_baseline_s = std::max(0.0, static_cast<double>(last_out + 1) * kChunkS - s.last_drive_s);
    double low = ankle0;
    for (std::size_t i = 0; i < std::min(first, ankle_hist.size()); ++i) low = std::min(low, ankle_hist[i]);
    const double target = low + 0.9 * (ankle0 - low);
    s.ankle_recovery_s = -1.0;
    if (ankle0 - low < 1.0) {
      s.ankle_recovery_s = 0.0;  // no fall worth timing
    } else {
      for (std::size_t i = first; i < ankle_hist.size(); ++i)
        if (ankle_hist[i] >= target) {
          s.ankle_recovery_s = static_cast<double>(i + 1) * kChunkS - s.last_drive_s;
          break;
        }
    }
  }
  for (const auto& v : network.veins)
    if (!v.valves.empty()) rep.reflux_by_vein.emplace_back(v.id, fs.longest_reflux_s(v.id));
  if (request.clinical_indices) {
    auto c = clinical_indices(network, leg);
    if (!c) return std::unexpected(c.error());
    set_clinical_indices(s, *c);
  }
  return rep;
}

void set_clinical_indices(SimulationSummary& s, const ClinicalIndices& c) {
  s.ejection_fraction = c.plethysmography.ejection_fraction;
  s.residual_volume_fraction = c.plethysmography.residual_volume_fraction;
  s.venous_volume_ml = c.plethysmography.venous_volume_ml;
  s.venous_filling_index_ml_s = c.plethysmography.filling_index_ml_s;
  s.refill_time_s = c.refill_time_s;
  s.ambulatory_pressure_mmhg = c.ambulatory.walking_mmhg;
  s.ambulatory_recovery_s = c.ambulatory.recovery_s;
}

std::string to_json(const SimulationReport& r) {
  using Json = nlohmann::ordered_json;
  const auto& s = r.summary;
  Json reflux = Json::object();
  for (const auto& [id, v] : r.reflux_by_vein) reflux[id] = number(v);
  Json summary = {
      {"baseline_flow_ml_min", number(s.baseline_flow_ml_min)},
      {"mean_flow_ml_min", number(s.mean_flow_ml_min)},
      {"mean_arterial_supply_ml_min", number(s.mean_arterial_supply_ml_min)},
      {"peak_flow_ml_min", number(s.peak_flow_ml_min)},
      {"calf_ejection_fraction", number(s.calf_ejection_fraction)},
      {"ankle_pressure_start_mmhg", number(s.ankle_pressure_start_mmhg)},
      {"ankle_pressure_min_mmhg", number(s.ankle_pressure_min_mmhg)},
      {"ankle_pressure_max_mmhg", number(s.ankle_pressure_max_mmhg)},
      {"ankle_recovery_s", number(s.ankle_recovery_s)},
      {"max_reflux_s", number(s.max_reflux_s)},
      {"return_to_baseline_s", number(s.return_to_baseline_s)},
      {"last_drive_s", number(s.last_drive_s)},
      {"volume_error_rel", number(s.volume_error_rel)},
      {"ejection_fraction", number(s.ejection_fraction)},
      {"residual_volume_fraction", number(s.residual_volume_fraction)},
      {"venous_volume_ml", number(s.venous_volume_ml)},
      {"venous_filling_index_ml_s", number(s.venous_filling_index_ml_s)},
      {"refill_time_s", number(s.refill_time_s)},
      {"ambulatory_pressure_mmhg", number(s.ambulatory_pressure_mmhg)},
      {"ambulatory_recovery_s", number(s.ambulatory_recovery_s)},
      {"reflux_s", reflux},
      {"femoral_velocity_cm_s", velocities(s.femoral_velocity_resting_cm_s, s.femoral_velocity_peak_cm_s,
                                           s.femoral_velocity_steady_peak_cm_s, s.femoral_velocity_steady_mean_cm_s)},
      {"popliteal_velocity_cm_s", velocities(s.popliteal_velocity_resting_cm_s, s.popliteal_velocity_peak_cm_s,
                                             s.popliteal_velocity_steady_peak_cm_s,
                                             s.popliteal_velocity_steady_mean_cm_s)},
      {"lowest_transmural_mmhg", number(s.lowest_transmural_mmhg)},
      {"capillary_flow_min_ml_s", number(s.capillary_flow_min_ml_s)}};
  Json doc = {{"scenario", r.scenario},
              {"posture", r.posture},
              {"seconds", number(r.seconds)},
              {"incompetent", r.incompetent},
              {"stocking_mmhg", number(r.stocking_mmhg)},
              {"summary", summary},
              {"reflux_s", reflux},
              {"series",
               {{"t_s", numbers(r.t_s)},
                {"femoral_flow_ml_s", numbers(r.femoral_flow_ml_s)},
                {"calf_volume_ml", numbers(r.calf_volume_ml)},
                {"ankle_pressure_mmhg", numbers(r.ankle_pressure_mmhg)},
                {"arterial_supply_ml_s", numbers(r.arterial_supply_ml_s)}}}};
  // Invalid UTF-8 in a vein id or scenario name is replaced rather than thrown on.
  return doc.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace effleura::flow
