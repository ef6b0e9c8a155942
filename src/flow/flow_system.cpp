// The vein network made into compartments, passages and valves (create), and the model's
// life cycle: reset, settle, the valves' state, advance. What presses on the veins is in
// flow_loads.cpp, one implicit time step in flow_step.cpp, the read-outs in flow_readouts.cpp.
#include "flow/flow_system.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>

#include "flow/flow_internal.hpp"

namespace effleura::flow {

using namespace detail;
using anatomy::VeinKind;

namespace {
// How long backflow lasts in a vein before the clinic calls it reflux (Labropoulos 2003).
double reflux_limit_s(const anatomy::Vein& v) {
  if (v.kind == VeinKind::perforator) return 0.35;
  if (v.id == "common-femoral" || v.id == "femoral" || v.id == "popliteal") return 1.0;
  return 0.5;  // superficial, deep femoral and calf veins (the sinuses as the calf veins)
}
}  // namespace

Expected<FlowSystem> FlowSystem::create(const anatomy::VeinNetwork& network, Posture posture) {
  if (network.veins.empty()) return fail("the vein network is empty");
  FlowSystem fs;
  fs.network_ = network;
  const auto& prm = network.params;
  fs.rho_g_ = units::kBloodDensity * units::kGravity * kPaToMmHg;
  const double inflow_drive = prm.arterial_pressure_mmhg - prm.nominal_venous_pressure_mmhg;

  std::vector<int> first(network.veins.size(), 0), count(network.veins.size(), 0);
  for (std::size_t vi = 0; vi < network.veins.size(); ++vi) {
    const auto& v = network.veins[vi];
    const double len = v.length_m();
    const int n = std::max(2, static_cast<int>(std::lround(len / prm.segment_length_m)));
    first[vi] = static_cast<int>(fs.segments_.size());
    count[vi] = n;
    for (int k = 0; k < n; ++k) {
      Segment s;
      s.vein = vi;
      s.index_in_vein = k;
      s.fraction0 = static_cast<double>(k) / n;
      s.fraction1 = static_cast<double>(k + 1) / n;
      const double fm = 0.5 * (s.fraction0 + s.fraction1);
      s.p0 = v.point_at(s.fraction0);
      s.p1 = v.point_at(s.fraction1);
      s.mid = v.point_at(fm);
      s.length_m = len / n;
      s.ref_radius_m = v.radius_at(fm);
      s.paired = v.paired;
      const double r = static_cast<double>(s.ref_radius_m);
      s.ref_volume_m3 = std::numbers::pi * r * r * v.paired * s.length_m;
      s.kind = v.kind;
      s.reflux_limit_s = reflux_limit_s(v);
      s.foot = static_cast<double>(s.mid.y) < kFootTopM;
      s.calf = !s.foot && static_cast<double>(s.mid.y) < prm.calf_top_m;
      s.law = TubeLaw{v.compliance_per_mmhg, v.circular_transmural_mmhg.value_or(prm.circular_transmural_mmhg),
                      v.collapse_stiffness_mmhg > 0.0 ? v.collapse_stiffness_mmhg : prm.collapse_stiffness_mmhg};
      double q_ml_min = v.inflow_along_ml_min / n;
      if (k == 0) q_ml_min += v.inflow_start_ml_min;
      s.inflow_nominal_m3_s = units::ml_per_min_to_m3_per_s(q_ml_min);
      s.inflow_conductance = s.inflow_nominal_m3_s / inflow_drive;
      fs.segments_.push_back(s);
    }
  }
  auto nearest_segment = [&](std::size_t vi, const glm::vec3& p) {
    int best = first[vi];
    double best_d = std::numeric_limits<double>::max();
    for (int k = 0; k < count[vi]; ++k) {
      const Segment& s = fs.segments_[static_cast<std::size_t>(first[vi] + k)];
      const double d = distance_to_segment(s.p0, s.p1, p);
      if (d < best_d) {
        best_d = d;
        best = first[vi] + k;
      }
    }
    return best;
  };

  const std::size_t nseg = fs.segments_.size();
  fs.chain_in_.assign(nseg, -1);
  fs.chain_out_.assign(nseg, -1);
  for (std::size_t vi = 0; vi < network.veins.size(); ++vi) {
    const auto& v = network.veins[vi];
    struct Candidate { int edge; double fraction; };
    std::vector<Candidate> candidates;
    for (int k = 0; k + 1 < count[vi]; ++k) {
      Edge e;
      e.from = first[vi] + k;
      e.to = e.from + 1;
      fs.chain_out_[static_cast<std::size_t>(e.from)] = static_cast<int>(fs.edges_.size());
      fs.chain_in_[static_cast<std::size_t>(e.to)] = static_cast<int>(fs.edges_.size());
      candidates.push_back({static_cast<int>(fs.edges_.size()), static_cast<double>(k + 1) / count[vi]});
      fs.edges_.push_back(e);
    }
    const int last = first[vi] + count[vi] - 1;
    Edge out;
    out.from = last;
    out.fixed_resistance = v.outlet_resistance_mmhg_s_per_ml / kMlToM3;
    if (v.outflow == "central") {
      out.to = -1;
      out.fixed_resistance += prm.central_resistance_mmhg_s_per_ml / kMlToM3;
    } else {
      const auto target = *network.index_of(v.outflow);
      out.to = nearest_segment(target, v.points.back());
      const Segment& t = fs.segments_[static_cast<std::size_t>(out.to)];
      out.to_param = static_cast<float>(closest_param(t.p0, t.p1, v.points.back()));
    }
    fs.chain_out_[static_cast<std::size_t>(last)] = static_cast<int>(fs.edges_.size());
    candidates.push_back({static_cast<int>(fs.edges_.size()), 1.0});
    fs.edges_.push_back(out);
    if (!v.inlet.empty()) {
      const auto source = *network.index_of(v.inlet);
      Edge in;
      in.from = nearest_segment(source, v.points.front());
      in.to = first[vi];
      const Segment& s = fs.segments_[static_cast<std::size_t>(in.from)];
      in.from_param = static_cast<float>(closest_param(s.p0, s.p1, v.points.front()));
      fs.chain_in_[static_cast<std::size_t>(first[vi])] = static_cast<int>(fs.edges_.size());
      candidates.push_back({static_cast<int>(fs.edges_.size()), 0.0});
      fs.edges_.push_back(in);
    }
    for (double f : v.valves) {
      const Candidate* best = &candidates.front();
      for (const auto& c : candidates)
        if (std::abs(c.fraction - f) < std::abs(best->fraction - f)) best = &c;
      Edge& e = fs.edges_[static_cast<std::size_t>(best->edge)];
      if (e.valve >= 0) continue;  // two cusps closer than a segment act as one valve
      Valve valve;
      valve.vein = vi;
      valve.edge = best->edge;
      valve.fraction = best->fraction;
      valve.position = v.point_at(best->fraction);
      valve.closing_time_s = v.kind == VeinKind::superficial  ? prm.closing_time_superficial_s
                             : v.kind == VeinKind::perforator ? prm.closing_time_perforator_s
                                                              : prm.closing_time_deep_s;
      e.valve = static_cast<int>(fs.valves_.size());
      fs.valves_.push_back(valve);
    }
  }

  std::vector<std::pair<int, int>> pairs;
  for (const auto& e : fs.edges_)
    if (e.to >= 0) pairs.emplace_back(e.from, e.to);
  fs.solver_ = SparseLdl(nseg, pairs);
  std::size_t pair_index = 0;
  for (const auto& e : fs.edges_)
    fs.edge_slot_.push_back(e.to >= 0 ? fs.solver_.slot_of_pair(pair_index++) : -1);
  fs.head_.assign(nseg, 0.0);
  fs.old_volume_.assign(nseg, 0.0);
  fs.rhs_.assign(nseg, 0.0);
  fs.contact_mmhg_.assign(nseg, 0.0);
  fs.conductance_.assign(fs.edges_.size(), 0.0);
  fs.carry_.assign(fs.edges_.size(), 0.0);
  fs.limiter_.assign(nseg, 0.0);
  fs.reset(posture);
  return fs;
}

void FlowSystem::reset(Posture posture) {
  posture_ = posture;
  update_heights();
  update_external({});
  const auto& prm = network_.params;
  const double h_cvp = prm.central_venous_pressure_mmhg;
  start_volume_m3_ = 0.0;
  for (auto& s : segments_) {
    // Start near the resting heads: the venules' pressure upstream, falling toward the trunk's.
    s.pressure_mmhg = 0.5 * (h_cvp + prm.nominal_venous_pressure_mmhg) - rho_g_ * s.height_m;
    // A vein above the heart starts flat rather than empty: blood from its capillaries keeps
    // it near the tissue pressure (settle() finds the rest).
    const double ptm = std::max(s.pressure_mmhg - s.external_mmhg, s.law.p0 - s.law.k);
    s.volume_m3 = s.ref_volume_m3 * s.law.relative_volume(ptm);
    s.pressure_mmhg = s.external_mmhg + ptm;
    s.flow_m3_s = s.velocity_m_s = s.inflow_m3_s = s.backflow_s = 0.0;
    s.reflux = false;
    start_volume_m3_ += s.volume_m3;
    // Arterioles start at the tone that gives the bed its target inflow against the venular
    // pressure it will settle at (tissue pressure included); settling refines it.
    const double drive = prm.arterial_pressure_mmhg - prm.nominal_venous_pressure_mmhg - s.external_mmhg;
    s.inflow_tone = s.inflow_conductance > 0.0 && drive > 0.0
                        ? std::clamp(s.inflow_target_m3_s / (s.inflow_conductance * drive), kToneMin, kToneMax)
                        : kToneMax;
  }
  for (auto& e : edges_) e.flow_m3_s = 0.0;
  for (auto& v : valves_) {
    v.open = 1.0;
    v.reverse_run_s = v.longest_reverse_s = 0.0;
  }
  steps_ = 0;
  work_ = {};
  exercise_ = 0.0;
  calf_pumping_ = 0.0;
  accumulator_s_ = 0.0;
  inflow_total_m3_ = outflow_total_m3_ = clamped_m3_ = 0.0;
  outflow_now_m3_s_ = 0.0;
}

void FlowSystem::settle(double seconds) {
  const Contacts none;
  const PumpPressures pumps{foot_mmhg_, muscle_mmhg_, thigh_mmhg_};
  foot_mmhg_ = muscle_mmhg_ = thigh_mmhg_ = 0.0;
  tone_time_s_ = kSettleToneTimeS;
  double left = std::max(0.0, finite_or(seconds, 0.0));
  while (left > 0.0) {
    const double chunk = std::min(left, kMaxAdvanceS);
    advance(chunk, none, posture_);
    left -= chunk;
  }
  set_pumps(pumps);
  tone_time_s_ = kToneTimeS;
}
Expected<void> FlowSystem::set_incompetent(std::string_view which, bool incompetent) {
  // "<vein>:above-knee" leaks only the valves above the knee (the calf's top, standing frame):
  // of 122 legs with great saphenous reflux, 51 had it above the knee only and 71 above and below
  // (Mendoza 2013, EJVES 45:76), the plain id here. The pattern matters for the ankle: with the
  // valves below the knee shut, walking lowers its pressure by 36 mmHg here (Pollack & Wood: ~37
  // with varicose veins); with every valve open, by 22 (docs/flow-model.md, validation).
  constexpr std::string_view kAboveKnee = ":above-knee";
  const bool above_knee_only = which.ends_with(kAboveKnee);
  const std::string_view vein_id = above_knee_only ? which.substr(0, which.size() - kAboveKnee.size()) : which;
  const auto vi = network_.index_of(vein_id);
  if (!vi) {
    std::string list;
    for (const auto& id : network_.ids()) list += (list.empty() ? "" : ", ") + id;
    return fail("unknown vein '" + std::string(which) + "'; expected one of: " + list +
                " (each may end in ':above-knee': only its valves above the knee leak)");
  }
  for (auto& v : valves_)
    if (v.vein == *vi && (!above_knee_only || static_cast<double>(v.position.y) >= network_.params.calf_top_m)) {
      v.incompetent = incompetent;
      if (incompetent) v.open = 1.0;
    }
  return {};
}

void FlowSystem::clear_reflux_records() {
  for (auto& v : valves_) v.reverse_run_s = v.longest_reverse_s = 0.0;
}

void FlowSystem::advance(double dt, const Contacts& contacts, Posture posture) {
  dt = std::clamp(finite_or(dt, 0.0), 0.0, kMaxAdvanceS);
  if (posture != posture_) {
    posture_ = posture;
    update_heights();
  }
  update_external(contacts);
  accumulator_s_ += dt;
  const auto n = static_cast<long long>(std::floor(accumulator_s_ / kSubStepS + 1e-9));
  accumulator_s_ = std::max(0.0, accumulator_s_ - static_cast<double>(n) * kSubStepS);
  for (long long i = 0; i < n; ++i) step();
}
}  // namespace effleura::flow
