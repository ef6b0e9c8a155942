// What presses on the veins and what feeds them: the hands' contacts, the foot, calf and
// thigh muscle pumps, a stocking, breathing at the outflow, and the arterial inflow each
// bed aims for (with the venoarteriolar reflex of a dependent leg).
#include "flow/flow_system.hpp"

#include <algorithm>
#include <cmath>
#include <iterator>

#include <glm/geometric.hpp>

#include "flow/drivers.hpp"
#include "flow/flow_internal.hpp"
#include "flow/posture.hpp"

namespace effleura::flow {

using namespace detail;
using anatomy::VeinKind;

namespace {

// Contact shares below this are dropped (about 3.7 patch radii away) so a hand on the thigh
// does not reach the foot.
constexpr double kContactCutoff = 0.1;
// The deep thigh veins that the thigh muscles squeeze (standing frame heights, m).
constexpr double kThighBottomM = 0.50, kThighTopM = 0.80;

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

}  // namespace

void FlowSystem::update_heights() {
  for (auto& s : segments_) s.height_m = height_above_reference(s.mid, posture_, network_.params, knee_deg_, lying_up_);
  update_inflow_targets();
}

void FlowSystem::update_inflow_targets() {
  for (auto& s : segments_) {
    // At rest the veins hold the column from the heart, so the column is the reflex's stimulus;
    // flow_step.cpp lowers it while a pump keeps the veins emptier than that.
    s.inflow_target_m3_s = s.inflow_nominal_m3_s * (1.0 - reflex_cut(column_mmhg(s)));
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

void FlowSystem::set_knee_flexion(double deg) {
  deg = std::clamp(finite_or(deg, 0.0), 0.0, 160.0);
  if (deg == knee_deg_) return;  // the window sets it every frame: heights only when it moves
  knee_deg_ = deg;
  update_heights();
}

void FlowSystem::set_lying_up(const glm::vec3& up) {
  const float length = glm::length(up);
  const glm::vec3 unit = length > 1e-6f && std::isfinite(length) ? up / length : kFaceUp;
  if (unit == lying_up_) return;  // the window sets it every frame: heights only when it moves
  lying_up_ = unit;
  update_heights();
}

void FlowSystem::set_stocking(double ankle_mmhg) {
  stocking_mmhg_ = std::clamp(finite_or(ankle_mmhg, 0.0), 0.0, 200.0);
}
}  // namespace effleura::flow
