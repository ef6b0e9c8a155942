// What the renderer, the plots and the report read from the model: flows, velocities,
// volumes, pressures, reflux records and the volume balance.
#include "flow/flow_system.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/units.hpp"
#include "flow/flow_internal.hpp"

namespace effleura::flow {

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

namespace {

// The piece whose outflow edge runs to the central veins (the network has exactly one).
const Segment* groin_segment(const std::vector<Segment>& segments, const std::vector<Edge>& edges) {
  for (const Edge& e : edges)
    if (e.to < 0) return &segments[static_cast<std::size_t>(e.from)];
  return nullptr;
}

}  // namespace

double FlowSystem::groin_velocity_m_s() const {
  // What leaves the leg over the area it leaves through (the piece's own velocity averages its
  // inflow and outflow, and the great saphenous vein joins it).
  const Segment* s = groin_segment(segments_, edges_);
  return s ? outflow_now_m3_s_ / detail::conducting_area(*s) : 0.0;
}

double FlowSystem::groin_area_cm2() const {
  const Segment* s = groin_segment(segments_, edges_);
  return s ? s->volume_m3 / s->length_m * 1e4 / s->paired : 0.0;
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
