#include "flow/flow_system.hpp"

#include <glm/geometric.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>

#include "core/units.hpp"

namespace effleura::flow {
namespace {

using anatomy::VeinKind;

constexpr double kMlToM3 = 1e-6;
// mmHg s per m^3 from Pa s per m^3.
constexpr double kPaToMmHg = 1.0 / units::kPascalPerMmHg;
// Backflow faster than this counts as reflux (what a duplex scan picks up, estimate).
constexpr double kRefluxVelocity = 0.01;  // m/s
// Newton stops once every compartment's volume balance is met to this share of its volume.
constexpr double kNewtonTolerance = 1e-7;
constexpr int kNewtonMaxIterations = 8;
// Contact shares below this are dropped (about 3.7 patch radii away) so a hand on the thigh
// does not reach the foot.
constexpr double kContactCutoff = 0.1;
// Blood's inertia at the groin's outflow: the iliac veins (12 mm, 15 cm) and the vena cava
// (22 mm, 20 cm), rho l / A summed, in mmHg s^2 / m^3 (estimate from standard dimensions).
constexpr double kCentralInertance = 1.95e6 * kPaToMmHg;
// Autoregulation: the arterioles reset their tone over about half a minute so that a bed
// keeps its inflow when the pressure across it changes (estimate of the time constant);
// they can neither close fully nor open more than threefold.
constexpr double kToneTimeS = 10.0;
constexpr double kSettleToneTimeS = 10.0;  // settle() could hurry them, but a faster loop rings
constexpr double kToneMin = 0.25, kToneMax = 6.0;
// Exercise hyperemia: muscle that keeps contracting asks for up to four times its resting
// inflow (leg blood flow rises several-fold when walking); the demand builds over seconds of
// work and fades over about half a minute after it (estimates).
constexpr double kHyperemiaGain = 5.0, kWorkRiseS = 8.0, kWorkFadeS = 30.0;
// Venoarteriolar reflex: once the venous pressure in a dependent limb rises more than about
// 25 mmHg above that at heart level, local arterioles constrict and cut the bed's inflow,
// by up to ~40 % here (estimate within the 30-50 % reported for skin and muscle).
constexpr double kReflexStartMmHg = 25.0, kReflexFullMmHg = 45.0, kReflexCut = 0.4;
// The deep thigh veins that the thigh muscles squeeze (standing frame heights, m).
constexpr double kThighBottomM = 0.50, kThighTopM = 0.80;

double closest_param(const glm::vec3& a, const glm::vec3& b, const glm::vec3& p) {
  const glm::vec3 ab = b - a;
  const float len2 = glm::dot(ab, ab);
  if (len2 <= 0.0f) return 0.0;
  return std::clamp(static_cast<double>(glm::dot(p - a, ab) / len2), 0.0, 1.0);
}

double distance_to_segment(const glm::vec3& a, const glm::vec3& b, const glm::vec3& p) {
  const float t = static_cast<float>(closest_param(a, b, p));
  return static_cast<double>(glm::distance(a + (b - a) * t, p));
}

// Graduated stocking: share of the ankle pressure at height y (standing frame). Typical
// class profiles fall to ~70 % at the calf and ~40 % at the thigh (estimate).
double stocking_share(double y) {
  struct Knot { double y, share; };
  static constexpr Knot knots[] = {{0.10, 1.0}, {0.35, 0.7}, {0.55, 0.5}, {0.82, 0.35}, {0.86, 0.0}};
  if (y <= knots[0].y) return knots[0].share;
  for (std::size_t i = 1; i < std::size(knots); ++i)
    if (y <= knots[i].y) {
      const double t = (y - knots[i - 1].y) / (knots[i].y - knots[i - 1].y);
      return knots[i - 1].share + t * (knots[i].share - knots[i - 1].share);
    }
  return 0.0;
}

double finite_or(double v, double fallback) { return std::isfinite(v) ? v : fallback; }

// A flattened vein still carries blood through the lobes at the edges of its cross-section,
// so for resistance, inertance and velocity its area counts as at least a tenth of the round
// area (without this floor a flat segment chokes and lets go in bursts, a flutter far larger
// than the small, fast one seen in collapsible tubes; estimate).
constexpr double kMinConductingArea = 0.1;
double conducting_area(const Segment& s) {
  return std::max(s.volume_m3, s.ref_volume_m3 * kMinConductingArea) / s.length_m;
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
      s.foot = static_cast<double>(s.mid.y) < kFootTopM;
      s.calf = !s.foot && static_cast<double>(s.mid.y) < prm.calf_top_m;
      s.law = TubeLaw{v.compliance_per_mmhg, prm.circular_transmural_mmhg,
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

void FlowSystem::update_heights() {
  for (auto& s : segments_) s.height_m = height_above_reference(s.mid, posture_, network_.params);
  update_inflow_targets();
}

void FlowSystem::update_inflow_targets() {
  for (auto& s : segments_) {
    const double column = std::max(0.0, -rho_g_ * s.height_m);  // venous pressure from hanging below the heart
    const double reflex = std::clamp((column - kReflexStartMmHg) / (kReflexFullMmHg - kReflexStartMmHg), 0.0, 1.0);
    s.inflow_target_m3_s = s.inflow_nominal_m3_s * (1.0 - kReflexCut * reflex);
  }
}

double FlowSystem::central_head_now() const {
  const double cvp = network_.params.central_venous_pressure_mmhg;
  return breathing_ ? cvp + Breathing{}.abdominal_mmhg(time_s()) : cvp;
}

void FlowSystem::update_external(const Contacts& contacts) {
  std::fill(contact_mmhg_.begin(), contact_mmhg_.end(), 0.0);
  for (const auto& c : contacts) {
    const double p = std::clamp(finite_or(static_cast<double>(c.pressure_mmhg), 0.0), 0.0, 1000.0);
    const double r = std::clamp(finite_or(static_cast<double>(c.radius_m), 0.04), 0.005, 0.3);
    if (p <= 0.0 || !std::isfinite(c.point.x) || !std::isfinite(c.point.y) || !std::isfinite(c.point.z))
      continue;
    for (std::size_t i = 0; i < segments_.size(); ++i) {
      const Segment& s = segments_[i];
      // Boussinesq: the stress at depth d under a uniformly loaded disc of radius r is
      // p (1 - (d / sqrt(r^2 + d^2))^3). Superficial veins feel nearly all of it, deep veins
      // and the muscle sinuses 2-4 cm down about half (distance stands in for depth).
      const double d = distance_to_segment(s.p0, s.p1, c.point);
      const double x = d / std::sqrt(r * r + d * d);
      const double share = 1.0 - x * x * x;
      if (share > kContactCutoff) contact_mmhg_[i] += p * (share - kContactCutoff) / (1.0 - kContactCutoff);
    }
  }
  const auto& prm = network_.params;
  for (std::size_t i = 0; i < segments_.size(); ++i) {
    Segment& s = segments_[i];
    double muscle = 0.0;
    const double y = static_cast<double>(s.mid.y);
    if (s.foot) muscle = s.kind == VeinKind::superficial ? 0.0 : foot_mmhg_;  // the plantar plexus
    else if (s.kind == VeinKind::sinus) muscle = muscle_mmhg_;
    else if (s.calf && s.kind != VeinKind::superficial) muscle = muscle_mmhg_ * prm.calf_muscle_deep_fraction;
    else if (s.kind == VeinKind::deep && y >= kThighBottomM && y < kThighTopM)
      muscle = thigh_mmhg_ * prm.calf_muscle_deep_fraction;
    // The deep fascia carries part of a local load as hoop stress, shielding what lies beneath.
    const double hands = s.kind == VeinKind::superficial ? contact_mmhg_[i]
                                                         : contact_mmhg_[i] * prm.fascia_transmission;
    s.external_mmhg = hands + muscle + stocking_mmhg_ * stocking_share(static_cast<double>(s.mid.y));
  }
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
    s.flow_m3_s = s.velocity_m_s = s.inflow_m3_s = 0.0;
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
  exercise_ = 0.0;
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

void FlowSystem::set_calf_muscle_pressure(double mmhg) {
  muscle_mmhg_ = std::clamp(finite_or(mmhg, 0.0), 0.0, 1000.0);
}

void FlowSystem::set_foot_pressure(double mmhg) {
  foot_mmhg_ = std::clamp(finite_or(mmhg, 0.0), 0.0, 1000.0);
}

void FlowSystem::set_thigh_muscle_pressure(double mmhg) {
  thigh_mmhg_ = std::clamp(finite_or(mmhg, 0.0), 0.0, 1000.0);
}

void FlowSystem::set_pumps(const PumpPressures& p) {
  set_foot_pressure(p.foot);
  set_calf_muscle_pressure(p.calf);
  set_thigh_muscle_pressure(p.thigh);
}

void FlowSystem::set_stocking(double ankle_mmhg) {
  stocking_mmhg_ = std::clamp(finite_or(ankle_mmhg, 0.0), 0.0, 200.0);
}

Expected<void> FlowSystem::set_incompetent(std::string_view vein_id, bool incompetent) {
  const auto vi = network_.index_of(vein_id);
  if (!vi) {
    std::string list;
    for (const auto& id : network_.ids()) list += (list.empty() ? "" : ", ") + id;
    return fail("unknown vein '" + std::string(vein_id) + "'; expected one of: " + list);
  }
  for (auto& v : valves_)
    if (v.vein == *vi) {
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

void FlowSystem::step() {
  const double dt = kSubStepS;
  const auto& prm = network_.params;
  const double h_cvp = central_head_now();
  const double h_art = prm.arterial_pressure_mmhg;
  const std::size_t n = segments_.size();
  constexpr double kPoiseuille = 8.0 * std::numbers::pi * units::kBloodViscosity * kPaToMmHg;

  // Resistances use the start-of-step areas (Poiseuille, pairs in parallel).
  auto seg_area = [](const Segment& s) { return conducting_area(s); };
  auto seg_resistance = [&](const Segment& s) {
    const double area = seg_area(s);
    return kPoiseuille * s.length_m * s.paired / (area * area);
  };
  // Inertance rho l / A (mmHg s^2 / m^3): the blood column must be accelerated, so a sudden
  // squeeze builds flow over tenths of a second instead of at once (lumped 1D momentum).
  constexpr double kRho = units::kBloodDensity * kPaToMmHg;
  auto seg_inertance = [&](const Segment& s) { return kRho * s.length_m / seg_area(s); };
  // Implicit in time, each edge obeys L (q - q_old) / dt = dH - R q, so
  // q = g dH + carry with g = 1 / (R + L / dt) and carry = g (L / dt) q_old.
  for (std::size_t e = 0; e < edges_.size(); ++e) {
    const Edge& ed = edges_[e];
    const Segment& a = segments_[static_cast<std::size_t>(ed.from)];
    double r = 0.5 * seg_resistance(a) + ed.fixed_resistance;
    double l = 0.5 * seg_inertance(a);
    if (ed.to >= 0) {
      const Segment& b = segments_[static_cast<std::size_t>(ed.to)];
      r += 0.5 * seg_resistance(b);
      l += 0.5 * seg_inertance(b);
    } else {
      l += kCentralInertance;
    }
    if (ed.valve >= 0) {
      const double o = valves_[static_cast<std::size_t>(ed.valve)].open;
      r /= std::max(o * o, prm.leak_fraction);
    }
    const double g = 1.0 / (r + l / dt);
    conductance_[e] = g;
    carry_[e] = g * (l / dt) * ed.flow_m3_s;
  }
  // Start from the heads that keep every volume as it is under the new external pressures.
  for (std::size_t i = 0; i < n; ++i) {
    const Segment& s = segments_[i];
    old_volume_[i] = s.volume_m3;
    head_[i] = s.external_mmhg + s.law.transmural(s.volume_m3 / s.ref_volume_m3) + rho_g_ * s.height_m;
  }
  // Capillary inflow into compartment i. A collapsed vein (inside pressure below the tissue
  // pressure) is a Starling resistor: the venules upstream cannot fall below the tissue
  // pressure, so the capillary bed then sees the tissue pressure, not the vein's.
  auto collapsed = [&](std::size_t i) {
    const Segment& s = segments_[i];
    return head_[i] - rho_g_ * s.height_m < s.external_mmhg;
  };
  // Never negative: capillaries do not carry blood back into the arteries, whatever the
  // pressure downstream (a crushed bed simply stops filling).
  auto inflow_now = [&](std::size_t i) {
    const Segment& s = segments_[i];
    const double back = collapsed(i) ? s.external_mmhg + rho_g_ * s.height_m : head_[i];
    return std::max(0.0, s.inflow_conductance * s.inflow_tone * (h_art - back));
  };
  auto inflow_slope = [&](std::size_t i) {  // -d inflow / d head
    const Segment& s = segments_[i];
    return collapsed(i) || inflow_now(i) <= 0.0 ? 0.0 : s.inflow_conductance * s.inflow_tone;
  };
  // Net inflow into every compartment for the current heads, in rhs_ (m^3/s).
  auto net_flows = [&]() {
    for (std::size_t i = 0; i < n; ++i) rhs_[i] = inflow_now(i);
    for (std::size_t e = 0; e < edges_.size(); ++e) {
      const Edge& ed = edges_[e];
      const auto a = static_cast<std::size_t>(ed.from);
      const double hb = ed.to >= 0 ? head_[static_cast<std::size_t>(ed.to)] : h_cvp;
      const double q = conductance_[e] * (head_[a] - hb) + carry_[e];
      rhs_[a] -= q;
      if (ed.to >= 0) rhs_[static_cast<std::size_t>(ed.to)] += q;
    }
  };
  for (int iter = 0; iter < kNewtonMaxIterations; ++iter) {
    net_flows();
    double worst = 0.0;
    solver_.clear();
    for (std::size_t i = 0; i < n; ++i) {
      const Segment& s = segments_[i];
      const double ptm = head_[i] - rho_g_ * s.height_m - s.external_mmhg;
      const double v_now = s.ref_volume_m3 * s.law.relative_volume(ptm);
      const double residual = (v_now - old_volume_[i]) / dt - rhs_[i];
      worst = std::max(worst, std::abs(residual) * dt / s.ref_volume_m3);
      rhs_[i] = -residual;
      solver_.add_diagonal(static_cast<int>(i), s.ref_volume_m3 * s.law.relative_compliance(ptm) / dt + inflow_slope(i));
    }
    if (iter > 0 && worst < kNewtonTolerance) break;
    for (std::size_t e = 0; e < edges_.size(); ++e) {
      const Edge& ed = edges_[e];
      const double g = conductance_[e];
      solver_.add_diagonal(ed.from, g);
      if (ed.to >= 0) {
        solver_.add_diagonal(ed.to, g);
        solver_.add_off_diagonal(edge_slot_[e], -g);
      }
    }
    if (!solver_.solve(rhs_)) break;
    for (std::size_t i = 0; i < n; ++i) head_[i] += finite_or(rhs_[i], 0.0);
  }

  // Volumes move by exactly the flows between compartments, so the total is conserved to
  // rounding whatever the Newton iterations achieved. Where a compartment would give more
  // than it holds (extreme, sudden inputs), its outgoing flows are scaled down: both ends of
  // an edge see the same scaled flow, so conservation still holds and no volume goes below
  // the floor.
  for (std::size_t i = 0; i < n; ++i) {
    segments_[i].inflow_m3_s = inflow_now(i);
    limiter_[i] = 0.0;  // outgoing, m^3/s
  }
  for (std::size_t e = 0; e < edges_.size(); ++e) {
    Edge& ed = edges_[e];
    const double ha = head_[static_cast<std::size_t>(ed.from)];
    const double hb = ed.to >= 0 ? head_[static_cast<std::size_t>(ed.to)] : h_cvp;
    ed.flow_m3_s = finite_or(conductance_[e] * (ha - hb) + carry_[e], 0.0);
    if (ed.flow_m3_s > 0.0) limiter_[static_cast<std::size_t>(ed.from)] += ed.flow_m3_s;
    else if (ed.to >= 0) limiter_[static_cast<std::size_t>(ed.to)] -= ed.flow_m3_s;
  }
  for (std::size_t i = 0; i < n; ++i) {
    const Segment& s = segments_[i];
    const double available = old_volume_[i] - s.ref_volume_m3 * TubeLaw::kMinRelativeVolume;
    const double wanted = limiter_[i] * dt;
    limiter_[i] = wanted > available ? std::max(0.0, available) / wanted : 1.0;
  }
  // The leg's work: any muscle pump squeezing. Working muscle and the skin over it (which
  // sheds the heat) both open up, so the whole leg's beds share one exercise state.
  const bool working = foot_mmhg_ > 1.0 || muscle_mmhg_ > 1.0 || thigh_mmhg_ > 1.0;
  exercise_ += working ? dt / kWorkRiseS * (1.0 - exercise_) : -dt / kWorkFadeS * exercise_;
  double inflow = 0.0;
  for (std::size_t i = 0; i < n; ++i) {
    Segment& s = segments_[i];
    inflow += s.inflow_m3_s;
    rhs_[i] = s.inflow_m3_s;
    // Autoregulation: the tone drifts toward what delivers the target inflow, raised while
    // the muscle around the vein works.
    if (s.inflow_nominal_m3_s > 0.0) {
      const double target = s.inflow_target_m3_s * (1.0 + kHyperemiaGain * exercise_);
      s.inflow_tone = std::clamp(s.inflow_tone + dt / tone_time_s_ * (target - s.inflow_m3_s) / s.inflow_nominal_m3_s,
                                 kToneMin, kToneMax);
    }
  }
  outflow_now_m3_s_ = 0.0;
  for (std::size_t e = 0; e < edges_.size(); ++e) {
    Edge& ed = edges_[e];
    const auto a = static_cast<std::size_t>(ed.from);
    if (ed.flow_m3_s > 0.0) ed.flow_m3_s *= limiter_[a];
    else if (ed.to >= 0) ed.flow_m3_s *= limiter_[static_cast<std::size_t>(ed.to)];
    rhs_[a] -= ed.flow_m3_s;
    if (ed.to >= 0) rhs_[static_cast<std::size_t>(ed.to)] += ed.flow_m3_s;
    else outflow_now_m3_s_ += ed.flow_m3_s;
  }
  for (std::size_t i = 0; i < n; ++i) {
    Segment& s = segments_[i];
    double v = old_volume_[i] + dt * rhs_[i];
    const double floor = s.ref_volume_m3 * TubeLaw::kMinRelativeVolume;
    if (!(v >= floor)) {  // rounding only: the limiter keeps volumes above the floor
      clamped_m3_ += floor - (std::isfinite(v) ? v : 0.0);
      v = floor;
    }
    s.volume_m3 = v;
    s.pressure_mmhg = s.external_mmhg + s.law.transmural(v / s.ref_volume_m3);
  }
  for (std::size_t e = 0; e < edges_.size(); ++e) {
    Edge& ed = edges_[e];
    if (ed.valve < 0) continue;
    const double ha = head_[static_cast<std::size_t>(ed.from)];
    const double hb = ed.to >= 0 ? head_[static_cast<std::size_t>(ed.to)] : h_cvp;
    Valve& v = valves_[static_cast<std::size_t>(ed.valve)];
    if (v.incompetent) v.open = 1.0;
    else if (ha > hb) v.open = std::min(1.0, v.open + dt / prm.opening_time_s);
    else  // cusps shut faster the harder blood pushes back on them
      v.open = std::max(0.0, v.open - dt / v.closing_time_s * (1.0 + (hb - ha) / prm.closing_pressure_mmhg));
    const Segment& s = segments_[static_cast<std::size_t>(ed.from)];
    const double reverse_velocity = -ed.flow_m3_s * s.length_m / s.ref_volume_m3;
    if (reverse_velocity > kRefluxVelocity) {
      v.reverse_run_s += dt;
      v.longest_reverse_s = std::max(v.longest_reverse_s, v.reverse_run_s);
    } else {
      v.reverse_run_s = 0.0;
    }
  }
  inflow_total_m3_ += dt * inflow;
  outflow_total_m3_ += dt * outflow_now_m3_s_;
  ++steps_;
  refresh_derived();
}

void FlowSystem::refresh_derived() {
  for (std::size_t i = 0; i < segments_.size(); ++i) {
    Segment& s = segments_[i];
    const int ein = chain_in_[i], eout = chain_out_[i];
    double q = 0.0;
    if (ein >= 0 && eout >= 0)
      q = 0.5 * (edges_[static_cast<std::size_t>(ein)].flow_m3_s + edges_[static_cast<std::size_t>(eout)].flow_m3_s);
    else if (eout >= 0)
      q = edges_[static_cast<std::size_t>(eout)].flow_m3_s;
    else if (ein >= 0)
      q = edges_[static_cast<std::size_t>(ein)].flow_m3_s;
    s.flow_m3_s = q;
    s.velocity_m_s = q / conducting_area(s);
  }
}

double FlowSystem::femoral_outflow_ml_s() const { return outflow_now_m3_s_ * 1e6; }

double FlowSystem::vein_velocity_m_s(std::string_view vein_id) const {
  const auto seg = segments_of(vein_id);
  return seg.empty() ? 0.0 : segments_[static_cast<std::size_t>(seg[seg.size() / 2])].velocity_m_s;
}

double FlowSystem::vein_volume_ml(std::string_view vein_id) const {
  double v = 0.0;
  for (int i : segments_of(vein_id)) v += segments_[static_cast<std::size_t>(i)].volume_m3;
  return v * 1e6;
}

double FlowSystem::foot_volume_ml() const {
  double v = 0.0;
  for (const auto& s : segments_)
    if (s.foot) v += s.volume_m3;
  return v * 1e6;
}

double FlowSystem::lowest_transmural_mmhg() const {
  double lowest = std::numeric_limits<double>::max();
  for (const auto& s : segments_) lowest = std::min(lowest, s.pressure_mmhg - s.external_mmhg);
  return lowest;
}

double FlowSystem::calf_volume_ml() const {
  double v = 0.0;
  for (const auto& s : segments_)
    if (s.calf) v += s.volume_m3;
  return v * 1e6;
}

double FlowSystem::ankle_pressure_mmhg() const {
  const auto seg = segments_of(network_.params.ankle_vein);
  return seg.empty() ? 0.0 : segments_[static_cast<std::size_t>(seg.front())].pressure_mmhg;
}

double FlowSystem::femoral_velocity_m_s() const {
  const auto seg = segments_of(network_.params.femoral_vein);
  return seg.empty() ? 0.0 : segments_[static_cast<std::size_t>(seg[seg.size() / 2])].velocity_m_s;
}

double FlowSystem::total_inflow_ml_s() const {
  double q = 0.0;
  for (const auto& s : segments_) q += s.inflow_m3_s;
  return q * 1e6;
}

double FlowSystem::calf_inflow_ml_s() const {
  double q = 0.0;
  for (const auto& s : segments_)
    if (s.calf) q += s.inflow_m3_s;
  return q * 1e6;
}

double FlowSystem::total_volume_ml() const {
  double v = 0.0;
  for (const auto& s : segments_) v += s.volume_m3;
  return v * 1e6;
}

double FlowSystem::nominal_inflow_ml_min() const {
  double q = 0.0;
  for (const auto& s : segments_) q += s.inflow_nominal_m3_s;
  return units::m3_per_s_to_ml_per_min(q);
}

double FlowSystem::longest_reflux_s(std::string_view vein_id) const {
  const auto vi = network_.index_of(vein_id);
  double best = 0.0;
  for (const auto& v : valves_)
    if (vein_id.empty() || (vi && v.vein == *vi)) best = std::max(best, v.longest_reverse_s);
  return best;
}

std::vector<int> FlowSystem::segments_of(std::string_view vein_id) const {
  std::vector<int> out;
  const auto vi = network_.index_of(vein_id);
  if (!vi) return out;
  for (std::size_t i = 0; i < segments_.size(); ++i)
    if (segments_[i].vein == *vi) out.push_back(static_cast<int>(i));
  return out;
}

double FlowSystem::volume_error_rel() const {
  const double stored = total_volume_ml() * 1e-6;
  const double change = stored - start_volume_m3_;
  const double balance = inflow_total_m3_ - outflow_total_m3_;
  const double scale = std::max(stored, inflow_total_m3_);
  return scale > 0.0 ? std::abs(change - balance) / scale : 0.0;
}

}  // namespace effleura::flow
