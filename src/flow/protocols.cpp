#include "flow/protocols.hpp"

#include <algorithm>
#include <cmath>
#include <stop_token>

namespace effleura::flow {
namespace {

constexpr double kStepS = 0.01;   // pumps are refreshed at 100 Hz, as in simulate()
// Ten sitting ankle pumps at one a second (photoplethysmography refill test).
constexpr CalfPumpRhythm kRefillPumps{1.0, 0.6, 90.0};

// Steps `seconds` with the pumps; returns early (leaving the leg where it was) once `stop` is
// requested, so a worker that is no longer wanted ends within a step.
void run(FlowSystem& fs, double seconds, Posture posture, const auto& pumps_at, const auto& each,
         const std::stop_token& stop) {
  const auto n = static_cast<long long>(std::lround(seconds / kStepS));
  for (long long k = 0; k < n && !stop.stop_requested(); ++k) {
    const double t = static_cast<double>(k) * kStepS;
    fs.set_pumps(pumps_at(t));
    fs.advance(kStepS, {}, posture);
    each(t + kStepS);
  }
  fs.set_pumps({});
}

constexpr auto kNoPumps = [](double) { return PumpPressures{}; };
constexpr auto kNothing = [](double) {};

// Seconds from the start until `signal` regains `share` of the way from `low` back to `high`.
double recovery_time(const std::vector<double>& signal, double low, double high, double share) {
  if (high - low < 1e-9) return 0.0;
  const double target = low + share * (high - low);
  for (std::size_t i = 0; i < signal.size(); ++i)
    if (signal[i] >= target) return static_cast<double>(i + 1) * kStepS;
  return -1.0;
}

// Steps the leg still (no pumps) until `signal` regains `share` of the way from `low` back to
// `high`, and returns the seconds that took as recovery_time() counts them over the whole
// recording (-1: not within `seconds`). It stops at that moment: the clinic's two minutes of
// watching cost the model ~90 s of stepping after a normal leg's ankle has recovered (~30 s).
double time_to_regain(FlowSystem& fs, double seconds, Posture posture, const auto& signal, double low, double high,
                      double share, const std::stop_token& stop) {
  if (high - low < 1e-9) return 0.0;
  const double target = low + share * (high - low);
  double regained = -1.0;
  const auto n = static_cast<long long>(std::lround(seconds / kStepS));
  fs.set_pumps({});
  for (long long k = 0; k < n && regained < 0.0 && !stop.stop_requested(); ++k) {
    fs.advance(kStepS, {}, posture);
    if (signal(fs) >= target) regained = static_cast<double>(k + 1) * kStepS;
  }
  return regained;
}

std::unexpected<Error> stopped() { return fail("the clinical indices were stopped before they were done"); }

}  // namespace

Expected<FlowSystem> make_leg(const anatomy::VeinNetwork& network, const LegCondition& leg, Posture posture,
                              double settle_s, double knee_deg, const glm::vec3& lying_up) {
  auto made = FlowSystem::create(network, posture);
  if (!made) return made;
  made->set_knee_flexion(knee_deg);
  made->set_lying_up(lying_up);
  for (const auto& id : leg.incompetent)
    if (auto ok = made->set_incompetent(id); !ok) return std::unexpected(ok.error());
  made->set_stocking(leg.stocking_mmhg);
  made->reset(posture);
  made->settle(settle_s);
  return made;
}

double skin_vein_volume_ml(const FlowSystem& fs) {
  double v = 0.0;
  for (const auto& s : fs.segments())
    if (s.kind == anatomy::VeinKind::superficial && s.mid.y >= 0.08f && s.mid.y < 0.30f) v += s.volume_m3;
  return v * 1e6;
}

Expected<Plethysmography> air_plethysmography(const anatomy::VeinNetwork& network, const LegCondition& leg,
                                              std::stop_token stop, const PlethysmographyTimes& times) {
  // Lying with the leg raised empties the veins: the reference "empty" volume.
  auto made = make_leg(network, leg, Posture::raised, times.raised_s);
  if (!made) return std::unexpected(made.error());
  FlowSystem& fs = *made;
  const double empty = fs.calf_volume_ml();
  // Standing up, weight on the other leg: the calf fills from the arteries (and, with reflux,
  // from above). Filled = the plateau after three minutes.
  std::vector<double> filling;
  run(fs, times.standing_s, Posture::standing, kNoPumps, [&](double) { filling.push_back(fs.calf_volume_ml()); }, stop);
  Plethysmography p;
  const double full = fs.calf_volume_ml();
  p.venous_volume_ml = full - empty;
  if (stop.stop_requested()) return stopped();
  if (p.venous_volume_ml <= 1.0) return p;
  const double t90 = recovery_time(filling, empty, full, 0.9);
  p.filling_index_ml_s = t90 > 0.0 ? 0.9 * p.venous_volume_ml / t90 : 0.0;
  // One tiptoe: the volume ejected is the fall from the filled volume. Since session 27 the
  // calf's pressure rises over 0.5 s (kTiptoe.ramp_s), not 0.15: rising onto the toes from a
  // still stand is a slow movement (estimate); the 0.15 s jump drove the tiptoe's popliteal
  // vein to 157 cm/s (0.5 s: 117; session 25) against 62 +- 22 measured (docs/flow-model.md).
  double lowest = full;
  run(fs, 2.0, Posture::standing, [](double t) { return PumpPressures{0.0, kTiptoe.pressure_at(t), 0.0}; },
      [&](double) { lowest = std::min(lowest, fs.calf_volume_ml()); }, stop);
  p.ejection_fraction = (full - lowest) / p.venous_volume_ml;
  // Refill, then ten tiptoes: what is left at the end is the residual volume.
  run(fs, times.refill_s, Posture::standing, kNoPumps, kNothing, stop);
  const double refilled = fs.calf_volume_ml();
  run(fs, 10.0, Posture::standing, [](double t) { return PumpPressures{0.0, kTenTiptoes.pressure_at(t), 0.0}; },
      kNothing, stop);
  if (stop.stop_requested()) return stopped();
  // Residual: measured against the same filled plateau, so a slow refill does not flatter it.
  p.residual_volume_fraction = std::max(0.0, fs.calf_volume_ml() - empty - (refilled - full)) / p.venous_volume_ml;
  return p;
}

Expected<double> refill_time(const anatomy::VeinNetwork& network, const LegCondition& leg, std::stop_token stop) {
  auto made = make_leg(network, leg, Posture::sitting, 40.0);
  if (!made) return std::unexpected(made.error());
  FlowSystem& fs = *made;
  const double rest = skin_vein_volume_ml(fs);
  run(fs, 10.0, Posture::sitting, [](double t) { return PumpPressures{0.0, kRefillPumps.pressure_at(t), 0.0}; },
      kNothing, stop);
  const double emptied = skin_vein_volume_ml(fs);
  if (stop.stop_requested()) return stopped();
  // A leg whose pumps barely lowered the skin veins has nothing to time: it refills at once.
  if (rest - emptied < 0.02 * rest) return 0.0;
  const double t = time_to_regain(fs, 120.0, Posture::sitting, skin_vein_volume_ml, emptied, rest, 0.9, stop);
  if (stop.stop_requested()) return stopped();
  return t;
}

Expected<AmbulatoryPressure> ambulatory_pressure(const anatomy::VeinNetwork& network, const LegCondition& leg,
                                                 std::stop_token stop) {
  auto made = make_leg(network, leg, Posture::standing, 40.0);
  if (!made) return std::unexpected(made.error());
  FlowSystem& fs = *made;
  AmbulatoryPressure a;
  a.standing_mmhg = fs.ankle_pressure_mmhg();
  double sum = 0.0;
  int count = 0;
  run(fs, 20.0, Posture::standing, [](double t) { return kGait.at(t); }, [&](double t) {
    if (t > 15.0) {
      sum += fs.ankle_pressure_mmhg();
      ++count;
    }
  }, stop);
  a.walking_mmhg = count > 0 ? sum / count : a.standing_mmhg;
  const double stopped_at = fs.ankle_pressure_mmhg();
  a.recovery_s = time_to_regain(fs, 120.0, Posture::standing, [](const FlowSystem& f) { return f.ankle_pressure_mmhg(); },
                                std::min(stopped_at, a.walking_mmhg), a.standing_mmhg, 0.9, stop);
  if (stop.stop_requested()) return stopped();
  return a;
}

Expected<ClinicalIndices> clinical_indices(const anatomy::VeinNetwork& network, const LegCondition& leg,
                                           std::stop_token stop) {
  ClinicalIndices c;
  auto apg = air_plethysmography(network, leg, stop);
  if (!apg) return std::unexpected(apg.error());
  c.plethysmography = *apg;
  auto refill = refill_time(network, leg, stop);
  if (!refill) return std::unexpected(refill.error());
  c.refill_time_s = *refill;
  auto avp = ambulatory_pressure(network, leg, stop);
  if (!avp) return std::unexpected(avp.error());
  c.ambulatory = *avp;
  return c;
}

PumpPressures Scenario::pumps_at(double t) const {
  if (!(t >= 0.0) || t >= active_s) return {};
  if (name == "walking") return kGait.at(t);
  if (name == "ankle-pumps") return {0.0, kAnklePumps.pressure_at(t), 0.0};
  if (name == "refill-test") return {0.0, kRefillPumps.pressure_at(t), 0.0};
  return {};
}

bool is_builtin_scenario(std::string_view name) {
  return name == "rest" || name == "walking" || name == "ankle-pumps" || name == "refill-test";
}

std::vector<std::string> builtin_scenarios() { return {"rest", "walking", "ankle-pumps", "refill-test"}; }

Scenario builtin_scenario(std::string_view name, double seconds, double active_s) {
  Scenario s;
  s.name = std::string(name);
  if (name == "walking") s.active_s = seconds;                          // walking lasts the whole run
  else if (name == "ankle-pumps") s.active_s = std::min(60.0, 0.5 * seconds);  // then rest, so recovery shows
  else if (name == "refill-test") {
    s.posture = Posture::sitting;
    s.active_s = 10.0;                                                   // ten pumps, then still
  }
  if (active_s >= 0.0 && name != "refill-test") s.active_s = active_s;
  return s;
}

}  // namespace effleura::flow
