// One implicit time step of the lumped model (Newton on every compartment's volume balance,
// inertia per passage, valves, autoregulation) and the per-segment flows and velocities
// derived from it.
#include "flow/flow_system.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "flow/drivers.hpp"
#include "flow/flow_internal.hpp"

namespace effleura::flow {

using namespace detail;

namespace {

// Backflow faster than this counts as reflux (what a duplex scan picks up, estimate).
constexpr double kRefluxVelocity = 0.01;  // m/s
// Newton stops once every compartment's volume balance is met to this share of its volume.
constexpr double kNewtonTolerance = 1e-7;
constexpr int kNewtonMaxIterations = 8;
// Blood's inertia at the groin's outflow: the iliac veins (12 mm, 15 cm) and the vena cava
// (22 mm, 20 cm), rho l / A summed, in mmHg s^2 / m^3 (estimate from standard dimensions).
constexpr double kCentralInertance = 1.95e6 * kPaToMmHg;
// Exercise hyperemia grows with the effort: how much of the leg's muscle works. Each muscle
// group (foot, calf, thigh) has its own demand, building over seconds while it contracts and
// fading over about half a minute after it; the leg's exercise state weighs them by the group's
// share of the muscles' resting inflow (veins.toml: thigh 213, calf 80, sole 15 mL/min). Walking
// works all three and raises the leg's inflow about six-fold, as before; ankle pumps work the
// calf alone and about double it, below the ~2.9-fold of light knee extension (Shoemaker 1997),
// which works a larger muscle. Gain, shares and times: estimates (docs/flow-model.md). The gain
// was 7 until session 18; since then a pump that empties the veins also eases the venoarteriolar
// reflex (flow_internal.hpp), and 6 keeps walking's inflow near what 7 gave (60 s of walking:
// 1,103 mL/min before, 1,164 now; 7 would give 1,284).
constexpr double kHyperemiaGain = 6.0, kWorkRiseS = 8.0, kWorkFadeS = 30.0;
constexpr double kFootShare = 0.05, kCalfShare = 0.26, kThighShare = 0.69;
// Session 19: the calf's muscle beds (its deep veins and sinuses, not the skin's) answer their
// own muscle's work: functional hyperemia is local to the working muscle, so ankle pumps that
// work the calf alone open the calf's muscle beds up to 5-fold (1 + 4 at full work; about 3.6-fold
// at the 0.65 of full work a minute of pumps reaches) instead of the leg-wide ~2-fold (the skin
// and the thigh keep the leg's exercise state). The gain is an estimate, sized so that the ankle's
// pressure recovers after walking in about the 31 s Pollack & Wood measured (3.2: 36 s).
// Session 27 (probed in 26): 2 (was 4) with the calf sinuses at 0.7 of their old volume (veins.toml) and the
// valve losses below: a smaller calf refills sooner, so 4 left the recovery at ~15 s; 2 gives
// 27 s, and the sitting ankle pumps 3.87x (3.75-10.5).
constexpr double kCalfMuscleGain = 2.0;
// Session 19, the muscle pump: while the calf contracts rhythmically, its muscle's arterioles do
// not retune against the lower venous pressure the pump leaves between contractions, so that
// wider arteriovenous gradient adds to the flow. In a hanging shank the emptied veins widen it by
// tens of mmHg, lying by a few: squeezing the calf raised the popliteal artery's flow 2-8-fold in
// seated people and hardly at all prone, in part through that gradient (van Bemmelen et al., J
// Vasc Surg 1994;19:1052; seated calf compression +188 %, Delis et al., J Vasc Surg 2000;32:284).
// That is why ankle pumps raise the popliteal vein's velocity about six-fold sitting and two-fold
// lying (Thromb Haemost 2009). "Pumping" follows the contractions within half a second and ends
// within about a missed pump (2 s) after the last (estimates).
constexpr double kPumpingOnS = 0.5, kPumpingOffS = 2.0;
// Session 25, losses that grow with the velocity. An open valve's leaflets stand in the stream,
// so the blood passes them as a jet through an orifice narrower than the vein (the jet through
// the valve: Lurie et al., J Vasc Surg 2003;38:955) and loses its speed in the wider vein beyond
// as eddies: the Borda-Carnot loss of a sudden widening, (A / A_orifice - 1)^2 x 1/2 rho v^2 at
// the vein's mean velocity v. K = 2 would be an orifice of about 0.41 of the lumen (no
// figure for an open venous valve's orifice found). Poiseuille friction alone let a standing
// calf's first contraction drive 2 m/s through the deep veins, against 40-65 cm/s measured in
// first contractions (Crisostomo 2014: 62 +- 22 cm/s popliteal on the first tiptoe; Tsuda 2017).
// Stepped with the start-of-step flow (lagged one step), as the areas are.
// Session 27 (probed in 26): K 0.5 (an orifice of about 0.59 of the lumen). K 1 and more hold the foot pump's
// bolus in the narrow paired posterior tibial veins (under a fifth reaches the groin in 0.5 s).
constexpr double kValveLossK = 0.5;

// Session 28, turbulence. Poiseuille's law holds for laminar flow only. Above a Reynolds number
// Re = rho v d / mu of about 2,300 flow in a tube turns turbulent and its friction grows as
// v^1.75 instead of v (Blasius: Darcy factor 0.3164 Re^-0.25 against the laminar 64 / Re), so
// a piece's resistance is Poiseuille's times 0.3164 Re^0.75 / 64 there (1.5 at 2,300, 3.2 at
// 6,000). Settled walking's femoral ~50 cm/s in its 12 mm vein is Re ~1,800 (laminar); the
// first step from standing still drives ~1.5 m/s through the distended femoral and popliteal
// veins, Re 4,000-6,000. Textbook fluid mechanics with no vein-specific figure; d is one vein's
// diameter (pairs split the area), and the velocity is the start-of-step one, as the valve
// losses are lagged.
constexpr double kTurbulentReynolds = 2300.0;
double turbulent_friction_factor(const Segment& s) {
  const double area = conducting_area(s);
  const double diameter = 2.0 * std::sqrt(area / (std::numbers::pi * s.paired));
  const double re = units::kBloodDensity * std::abs(s.velocity_m_s) * diameter / units::kBloodViscosity;
  if (!(re > kTurbulentReynolds)) return 1.0;
  return std::max(1.0, 0.3164 * std::pow(re, 0.75) / 64.0);
}

// Flow limitation in a collapsible tube (Shapiro 1977): blood cannot move along a vein faster
// than a pressure wave runs along it, c = sqrt(A / rho dp/dA), which its own tube law sets
// (dp/dA from the law's compliance). Squeezing a flattened vein harder past that speed narrows
// its outlet instead of speeding the blood, so a compartment passes at most c A (m^3/s) on to
// its neighbour. Round veins (c about 2.5 m/s) never reach it; a flattened one (c 0.25-1 m/s,
// its area a fraction of the round one) does. The wave runs on what the wall can still give:
// the lobes at the tube law's contact floor stay whatever the load, so the speed comes from the
// volume above the floor (0.25 m/s in the law's tail, as before the floor; counting the floor
// too let a nearly flat sinus pass its blood several times faster, settled ankle pumps 11.5x
// the resting popliteal velocity instead of 8.7x).
double wave_limited_flow(const Segment& s) {
  const double v = s.volume_m3 / s.ref_volume_m3;
  const double compliance_per_pa = s.law.relative_compliance(s.law.transmural(v)) / units::kPascalPerMmHg;
  const double movable = std::max(v - TubeLaw::kContactFloor, 0.0);
  const double wave_speed = std::sqrt(movable / (units::kBloodDensity * compliance_per_pa));
  return wave_speed * s.volume_m3 / s.length_m;
}

}  // namespace

void FlowSystem::step() {
  const double dt = kSubStepS;
  const auto& prm = network_.params;
  const double h_cvp = central_head_now();
  const double h_art = prm.arterial_pressure_mmhg;
  const std::size_t n = segments_.size();
  constexpr double kPoiseuille = 8.0 * std::numbers::pi * units::kBloodViscosity * kPaToMmHg;

  // Resistances use the start-of-step areas (Poiseuille, pairs in parallel; turbulent above
  // Re 2,300, see turbulent_friction_factor).
  auto seg_area = [](const Segment& s) { return conducting_area(s); };
  auto seg_resistance = [&](const Segment& s) {
    const double area = seg_area(s);
    return kPoiseuille * s.length_m * s.paired / (area * area) * turbulent_friction_factor(s);
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
    if (ed.valve >= 0) {  // the open valve's jet loses K 1/2 rho v^2 (see kValveLossK)
      double narrower = seg_area(a);
      if (ed.to >= 0) narrower = std::min(narrower, seg_area(segments_[static_cast<std::size_t>(ed.to)]));
      r += kValveLossK * 0.5 * kRho * std::abs(ed.flow_m3_s) / (narrower * narrower);
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
    // Flow limitation: blood leaves a compartment no faster than its wave speed allows.
    if (ed.flow_m3_s > 0.0) ed.flow_m3_s = std::min(ed.flow_m3_s, wave_limited_flow(segments_[static_cast<std::size_t>(ed.from)]));
    else if (ed.to >= 0) ed.flow_m3_s = std::max(ed.flow_m3_s, -wave_limited_flow(segments_[static_cast<std::size_t>(ed.to)]));
    if (ed.flow_m3_s > 0.0) limiter_[static_cast<std::size_t>(ed.from)] += ed.flow_m3_s;
    else if (ed.to >= 0) limiter_[static_cast<std::size_t>(ed.to)] -= ed.flow_m3_s;
  }
  for (std::size_t i = 0; i < n; ++i) {
    const Segment& s = segments_[i];
    const double available = old_volume_[i] - s.ref_volume_m3 * TubeLaw::kMinRelativeVolume;
    const double wanted = limiter_[i] * dt;
    limiter_[i] = wanted > available ? std::max(0.0, available) / wanted : 1.0;
  }
  // The leg's work. Working muscle and the skin over it (which sheds the heat) both open up,
  // so the whole leg's beds share one exercise state, the effort of the groups that work.
  auto demand = [dt](double& work, double mmhg) {
    work += mmhg > 1.0 ? dt / kWorkRiseS * (1.0 - work) : -dt / kWorkFadeS * work;
  };
  demand(work_.foot, foot_mmhg_);
  demand(work_.calf, muscle_mmhg_);
  demand(work_.thigh, thigh_mmhg_);
  exercise_ = kFootShare * work_.foot + kCalfShare * work_.calf + kThighShare * work_.thigh;
  calf_pumping_ += muscle_mmhg_ > 1.0 ? dt / kPumpingOnS * (1.0 - calf_pumping_) : -dt / kPumpingOffS * calf_pumping_;
  const double rest_drive = prm.arterial_pressure_mmhg - prm.nominal_venous_pressure_mmhg;
  double inflow = 0.0;
  for (std::size_t i = 0; i < n; ++i) {
    Segment& s = segments_[i];
    inflow += s.inflow_m3_s;
    rhs_[i] = s.inflow_m3_s;
    // Autoregulation: the tone drifts toward what delivers the target inflow, raised while
    // the muscle around the vein works.
    if (s.inflow_nominal_m3_s > 0.0) {
      // The reflex answers the veins' distension (transmural pressure), not the height: a pump
      // that keeps the veins below their resting column (ankle pumps, walking) eases it, so the
      // working calf's beds open, and so does an outside pressure (a stocking); at rest the
      // veins hold the column and the target is the posture's resting one.
      const double venous = std::max(0.0, s.pressure_mmhg - s.external_mmhg - network_.params.central_venous_pressure_mmhg);
      const double eased = std::min(column_mmhg(s), venous);
      const bool calf_muscle = s.calf && !s.foot && s.kind != anatomy::VeinKind::superficial;
      const double hyperemia = calf_muscle ? kCalfMuscleGain * work_.calf : kHyperemiaGain * exercise_;
      double target = s.inflow_nominal_m3_s * (1.0 - reflex_cut(eased)) * (1.0 + hyperemia);
      // The muscle pump: while pumping, the target follows the gradient the bed sees now
      // (its conductance held), so the emptied veins' lower pressure raises the flow.
      const double passes = s.inflow_conductance * s.inflow_tone;
      if (calf_muscle && passes > 0.0) target *= 1.0 + calf_pumping_ * (s.inflow_m3_s / passes / rest_drive - 1.0);
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
  // What the clinic would call reflux now, for the flow view (Segment::reflux).
  vein_reflux_.assign(network_.veins.size(), 0);
  for (const Valve& v : valves_)
    if (v.reverse_run_s > segments_[static_cast<std::size_t>(edges_[static_cast<std::size_t>(v.edge)].from)].reflux_limit_s)
      vein_reflux_[v.vein] = 1;
  for (auto& s : segments_) {
    s.backflow_s = s.velocity_m_s < -kRefluxVelocity ? s.backflow_s + dt : 0.0;
    s.reflux = vein_reflux_[s.vein] != 0 && s.backflow_s > s.reflux_limit_s;
  }
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
}  // namespace effleura::flow
