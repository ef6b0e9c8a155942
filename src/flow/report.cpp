#include "flow/report.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "flow/drivers.hpp"
#include "flow/flow_system.hpp"

namespace effleura::flow {
namespace {

constexpr double kChunkS = 0.01;       // contacts and muscle drive are refreshed at 100 Hz
constexpr double kBaselineBand = 0.10; // "back to baseline" = within 10 % (issue 5)

void append_number(std::string& out, double v) {
  if (!std::isfinite(v)) {
    out += "null";
    return;
  }
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.6g", v == 0.0 ? 0.0 : v);
  out += buf;
}

void append_string(std::string& out, const std::string& s) {
  out += '"';
  for (char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (static_cast<unsigned char>(c) < 0x20) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(static_cast<unsigned char>(c)));
      out += buf;
    } else {
      out += c;
    }
  }
  out += '"';
}

void append_array(std::string& out, const std::vector<double>& v) {
  out += '[';
  for (std::size_t i = 0; i < v.size(); ++i) {
    if (i) out += ',';
    append_number(out, v[i]);
  }
  out += ']';
}

bool any_pressure(const Contacts& c) {
  return std::any_of(c.begin(), c.end(), [](const ContactPatch& p) { return p.pressure_mmhg > 0.0f; });
}

}  // namespace

Expected<SimulationReport> simulate(const anatomy::VeinNetwork& network,
                                    const SimulationRequest& request, const ContactsAt& contacts) {
  if (!(request.seconds > 0.0 && request.seconds <= 3600.0))
    return fail("simulated time must be from more than 0 to 3600 seconds");
  if (!(request.stocking_mmhg >= 0.0 && request.stocking_mmhg <= 60.0))
    return fail("stocking pressure must be from 0 to 60 mmHg at the ankle");
  if (!(request.settle_seconds >= 0.0 && request.settle_seconds <= 600.0))
    return fail("settling time must be from 0 to 600 seconds");
  if (!(request.sample_hz >= 1.0 && request.sample_hz <= 100.0))
    return fail("sample rate must be from 1 to 100 Hz");
  auto made = FlowSystem::create(network, request.posture);
  if (!made) return std::unexpected(made.error());
  FlowSystem& fs = *made;
  for (const auto& id : request.incompetent)
    if (auto ok = fs.set_incompetent(id); !ok) return std::unexpected(ok.error());
  fs.set_stocking(request.stocking_mmhg);
  fs.reset(request.posture);
  fs.settle(request.settle_seconds);
  // Baseline: the last 2 s of quiet.
  double base_sum = 0.0;
  const int base_chunks = static_cast<int>(std::lround(2.0 / kChunkS));
  for (int i = 0; i < base_chunks; ++i) {
    fs.advance(kChunkS, {}, request.posture);
    base_sum += fs.femoral_outflow_ml_s();
  }
  const double baseline = base_sum / base_chunks;
  fs.clear_reflux_records();

  const CalfPumpRhythm* rhythm = request.scenario == "walking"       ? &kWalking
                                 : request.scenario == "ankle-pumps" ? &kAnklePumps
                                                                     : nullptr;
  const double active = request.active_seconds >= 0.0 ? request.active_seconds
                                                      : std::min(60.0, 0.5 * request.seconds);

  SimulationReport rep;
  rep.scenario = request.scenario;
  rep.posture = std::string(posture_name(request.posture));
  rep.seconds = request.seconds;
  rep.incompetent = request.incompetent;
  rep.stocking_mmhg = request.stocking_mmhg;
  auto& s = rep.summary;
  s.baseline_flow_ml_min = baseline * 60.0;
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
  for (long long k = 0; k < chunks; ++k) {
    const double t = static_cast<double>(k) * kChunkS;
    Contacts now = contacts ? contacts(t) : Contacts{};
    const double muscle = (rhythm && t < active) ? rhythm->pressure_at(t) : 0.0;
    if (muscle > 0.0 || any_pressure(now)) s.last_drive_s = t + kChunkS;
    fs.set_calf_muscle_pressure(muscle);
    fs.advance(kChunkS, now, request.posture);
    const double q = fs.femoral_outflow_ml_s();
    const double ankle = fs.ankle_pressure_mmhg();
    flow_hist.push_back(q);
    ankle_hist.push_back(ankle);
    flow_sum += q;
    peak = std::max(peak, q);
    calf_min = std::min(calf_min, fs.calf_volume_ml());
    s.ankle_pressure_min_mmhg = std::min(s.ankle_pressure_min_mmhg, ankle);
    s.ankle_pressure_max_mmhg = std::max(s.ankle_pressure_max_mmhg, ankle);
    if ((k + 1) % every == 0) {
      rep.t_s.push_back(static_cast<double>(k + 1) * kChunkS);
      rep.femoral_flow_ml_s.push_back(q);
      rep.calf_volume_ml.push_back(fs.calf_volume_ml());
      rep.ankle_pressure_mmhg.push_back(ankle);
    }
  }
  s.mean_flow_ml_min = chunks > 0 ? flow_sum / static_cast<double>(chunks) * 60.0 : baseline * 60.0;
  s.peak_flow_ml_min = peak * 60.0;
  s.calf_ejection_fraction = calf0 > 0.0 ? std::max(0.0, (calf0 - calf_min) / calf0) : 0.0;
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
    for (std::size_t i = first; i < flow_hist.size(); ++i)
      if (std::abs(flow_hist[i] - baseline) > kBaselineBand * std::abs(baseline)) last_out = static_cast<long long>(i);
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
  return rep;
}

std::string to_json(const SimulationReport& r) {
  std::string o = "{\n  \"scenario\": ";
  append_string(o, r.scenario);
  o += ",\n  \"posture\": ";
  append_string(o, r.posture);
  o += ",\n  \"seconds\": ";
  append_number(o, r.seconds);
  o += ",\n  \"incompetent\": [";
  for (std::size_t i = 0; i < r.incompetent.size(); ++i) {
    if (i) o += ", ";
    append_string(o, r.incompetent[i]);
  }
  o += "],\n  \"stocking_mmhg\": ";
  append_number(o, r.stocking_mmhg);
  const auto& s = r.summary;
  const std::pair<const char*, double> fields[] = {
      {"baseline_flow_ml_min", s.baseline_flow_ml_min},
      {"mean_flow_ml_min", s.mean_flow_ml_min},
      {"peak_flow_ml_min", s.peak_flow_ml_min},
      {"calf_ejection_fraction", s.calf_ejection_fraction},
      {"ankle_pressure_start_mmhg", s.ankle_pressure_start_mmhg},
      {"ankle_pressure_min_mmhg", s.ankle_pressure_min_mmhg},
      {"ankle_pressure_max_mmhg", s.ankle_pressure_max_mmhg},
      {"ankle_recovery_s", s.ankle_recovery_s},
      {"max_reflux_s", s.max_reflux_s},
      {"return_to_baseline_s", s.return_to_baseline_s},
      {"last_drive_s", s.last_drive_s},
      {"volume_error_rel", s.volume_error_rel}};
  o += ",\n  \"summary\": {";
  bool first = true;
  for (const auto& [k, v] : fields) {
    o += first ? "\n    \"" : ",\n    \"";
    first = false;
    o += k;
    o += "\": ";
    append_number(o, v);
  }
  o += "\n  },\n  \"reflux_s\": {";
  first = true;
  for (const auto& [id, v] : r.reflux_by_vein) {
    o += first ? "\n    " : ",\n    ";
    first = false;
    append_string(o, id);
    o += ": ";
    append_number(o, v);
  }
  o += "\n  },\n  \"series\": {\n    \"t_s\": ";
  append_array(o, r.t_s);
  o += ",\n    \"femoral_flow_ml_s\": ";
  append_array(o, r.femoral_flow_ml_s);
  o += ",\n    \"calf_volume_ml\": ";
  append_array(o, r.calf_volume_ml);
  o += ",\n    \"ankle_pressure_mmhg\": ";
  append_array(o, r.ankle_pressure_mmhg);
  o += "\n  }\n}\n";
  return o;
}

}  // namespace effleura::flow
