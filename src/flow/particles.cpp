#include "flow/particles.hpp"

#include <glm/geometric.hpp>

#include <algorithm>
#include <cmath>
#include <numbers>
#include <sstream>

#include "core/cache_file.hpp"

namespace effleura::flow {
namespace {

constexpr float kMaxRadial = 0.8f;  // keep particles visibly inside the tube
constexpr int kMaxHops = 8;         // junctions one particle may cross in one advect

// Two unit vectors across a segment's axis.
void cross_basis(const Segment& s, glm::vec3& u, glm::vec3& w) {
  glm::vec3 axis = s.p1 - s.p0;
  const float len = glm::length(axis);
  axis = len > 0.0f ? axis / len : glm::vec3(0.0f, 1.0f, 0.0f);
  const glm::vec3 ref = std::abs(axis.y) < 0.9f ? glm::vec3(0.0f, 1.0f, 0.0f) : glm::vec3(1.0f, 0.0f, 0.0f);
  u = glm::normalize(glm::cross(axis, ref));
  w = glm::cross(axis, u);
}

template <class P>
void set_angle(P& p, double unit) {
  const double a = unit * 2.0 * std::numbers::pi;
  p.cos_a = static_cast<float>(std::cos(a));
  p.sin_a = static_cast<float>(std::sin(a));
}

double current_radius(const Segment& s) {
  const double area = std::max(s.volume_m3, 0.0) / s.length_m / s.paired;
  return std::sqrt(area / std::numbers::pi);
}

}  // namespace

Particles::Particles(const FlowSystem& flow, std::size_t count, std::uint32_t seed) : rng_(seed) {
  const auto& segs = flow.segments();
  touching_.assign(segs.size(), {});
  for (std::size_t e = 0; e < flow.edges().size(); ++e) {
    const Edge& ed = flow.edges()[e];
    touching_[static_cast<std::size_t>(ed.from)].push_back(static_cast<int>(e));
    if (ed.to >= 0) touching_[static_cast<std::size_t>(ed.to)].push_back(static_cast<int>(e));
  }
  // Start spread through the network in proportion to the blood each compartment holds.
  std::vector<double> cumulative;
  double total = 0.0;
  for (const auto& s : segs) {
    total += s.volume_m3;
    cumulative.push_back(total);
  }
  particles_.resize(count);
  for (auto& p : particles_) {
    const double pick = uniform() * total;
    const auto it = std::upper_bound(cumulative.begin(), cumulative.end(), pick);
    p.segment = static_cast<int>(std::min<std::ptrdiff_t>(it - cumulative.begin(),
                                                         static_cast<std::ptrdiff_t>(segs.size()) - 1));
    p.param = static_cast<float>(uniform());
    set_angle(p, uniform());
    p.radial = kMaxRadial * static_cast<float>(std::sqrt(uniform()));
  }
}

double Particles::uniform() {
  // 53 random bits from two 32-bit draws, mapped by hand: std distributions differ across
  // standard libraries, this does not.
  const std::uint64_t hi = rng_() >> 5;  // 27 bits
  const std::uint64_t lo = rng_() >> 6;  // 26 bits
  return static_cast<double>((hi << 26) | lo) * (1.0 / 9007199254740992.0);
}

void Particles::respawn(Particle& p, const std::vector<double>& cumulative) {
  ++recycled_;
  if (cumulative.empty() || !(cumulative.back() > 0.0)) return;  // nowhere to enter: stay
  const double pick = uniform() * cumulative.back();
  const auto it = std::upper_bound(cumulative.begin(), cumulative.end(), pick);
  p.segment = static_cast<int>(std::min<std::ptrdiff_t>(it - cumulative.begin(),
                                                       static_cast<std::ptrdiff_t>(cumulative.size()) - 1));
  p.param = static_cast<float>(uniform());
  set_angle(p, uniform());
  p.radial = kMaxRadial * static_cast<float>(std::sqrt(uniform()));
}

int Particles::pick_exit(const FlowSystem& flow, int segment, float& entry_param) {
  // Edges carrying blood out of this segment, chosen in proportion to their flow.
  double total = 0.0;
  const auto& edges = flow.edges();
  const auto& list = touching_[static_cast<std::size_t>(segment)];
  for (int e : list) {
    const Edge& ed = edges[static_cast<std::size_t>(e)];
    const double out = ed.from == segment ? ed.flow_m3_s : -ed.flow_m3_s;
    if (out > 0.0) total += out;
  }
  if (!(total > 0.0)) return -2;  // no way out: stay at the end
  double pick = uniform() * total;
  for (int e : list) {
    const Edge& ed = edges[static_cast<std::size_t>(e)];
    const double out = ed.from == segment ? ed.flow_m3_s : -ed.flow_m3_s;
    if (out <= 0.0) continue;
    pick -= out;
    if (pick <= 0.0 || e == list.back()) {
      if (ed.from == segment) {
        entry_param = ed.to_param;
        return ed.to;  // -1: leaves the leg
      }
      entry_param = ed.from_param;
      return ed.from;
    }
  }
  return -2;
}

void Particles::advect(const FlowSystem& flow, double dt) {
  if (!(dt > 0.0)) return;
  dt = std::min(dt, kMaxAdvanceS);
  const auto& segs = flow.segments();
  inflow_cumulative_.clear();
  double acc = 0.0;
  for (const auto& s : segs) {
    acc += std::max(0.0, s.inflow_m3_s);
    inflow_cumulative_.push_back(acc);
  }
  for (auto& p : particles_) {
    // Poiseuille profile: twice the mean on the axis, zero at the wall.
    const double profile = 2.0 * (1.0 - static_cast<double>(p.radial) * p.radial);
    double remaining = dt;
    for (int hop = 0; hop < kMaxHops && remaining > 0.0; ++hop) {
      const Segment& s = segs[static_cast<std::size_t>(p.segment)];
      const double v = s.velocity_m_s * profile / s.length_m;  // params per second
      if (!(std::abs(v) > 1e-12)) break;
      const double target = static_cast<double>(p.param) + v * remaining;
      if (target >= 0.0 && target <= 1.0) {
        p.param = static_cast<float>(target);
        break;
      }
      const double edge_param = target > 1.0 ? 1.0 : 0.0;
      remaining -= (edge_param - static_cast<double>(p.param)) / v;
      float entry = 0.0f;
      const int next = pick_exit(flow, p.segment, entry);
      if (next == -1) {
        respawn(p, inflow_cumulative_);
        break;
      }
      if (next < 0) {
        p.param = static_cast<float>(edge_param);
        break;
      }
      p.segment = next;
      p.param = entry;
    }
  }
}

void Particles::write(const FlowSystem& flow, std::vector<ParticleVertex>& out) const {
  const auto& segs = flow.segments();
  std::vector<glm::vec3> us(segs.size()), ws(segs.size());
  std::vector<float> radius(segs.size());
  std::vector<glm::vec3> axis(segs.size());  // p0 -> p1: the way positive velocity runs
  for (std::size_t i = 0; i < segs.size(); ++i) {
    cross_basis(segs[i], us[i], ws[i]);
    const glm::vec3 d = segs[i].p1 - segs[i].p0;
    const float len = glm::length(d);
    axis[i] = len > 0.0f ? d / len : glm::vec3(0.0f);
    radius[i] = static_cast<float>(current_radius(segs[i]));
  }
  out.resize(particles_.size());
  for (std::size_t i = 0; i < particles_.size(); ++i) {
    const Particle& p = particles_[i];
    const auto k = static_cast<std::size_t>(p.segment);
    const Segment& s = segs[k];
    const float r = p.radial * radius[k];
    const glm::vec3 pos = s.p0 + (s.p1 - s.p0) * p.param +
                          (us[k] * p.cos_a + ws[k] * p.sin_a) * r;
    // Speed in the parabolic profile; negative where the clinic would call the backflow
    // reflux (Segment::refluxing: away from the heart for longer than a healthy valve takes to
    // shut), so the renderer shows it in its own colour. The brief backflow of valves closing
    // keeps the speed colours; its arrows still point the way the blood runs.
    const double speed = std::abs(s.velocity_m_s) * 2.0 * (1.0 - static_cast<double>(p.radial) * p.radial);
    const glm::vec3 dir = axis[k] * (s.velocity_m_s < 0.0 ? -1.0f : 1.0f);
    out[i] = {pos.x, pos.y, pos.z, static_cast<float>(s.velocity_m_s < -kRefluxShownM_S && s.refluxing() ? -speed : speed),
              dir.x, dir.y, dir.z, i % kMarkerEvery == 0 ? 1.0f : 0.0f};
  }
}

void Particles::write_visible(const FlowSystem& flow, const ParticleSight& sight,
                              std::vector<ParticleVertex>& out) const {
  write(flow, out);
  if (!(sight.px_per_m_at_1m > 0.0f) || !(sight.dot_px > 0.0f)) return;
  const auto& segs = flow.segments();
  const std::vector<std::size_t> counts = histogram();
  // Which segments are crowded enough on screen that their back half cannot be seen.
  std::vector<char> crowded(segs.size(), 0);
  std::vector<glm::vec3> us(segs.size()), ws(segs.size());
  const float dot_area = std::numbers::pi_v<float> * 0.25f * sight.dot_px * sight.dot_px;
  for (std::size_t k = 0; k < segs.size(); ++k) {
    const Segment& s = segs[k];
    cross_basis(s, us[k], ws[k]);
    const float distance = std::max(glm::distance(sight.eye, (s.p0 + s.p1) * 0.5f), 1e-3f);
    const float px_per_m = sight.px_per_m_at_1m / distance;
    // Seen side on; a segment seen end on is more crowded than this, so the estimate errs
    // toward keeping particles.
    const float area_px = 2.0f * static_cast<float>(current_radius(s)) * glm::distance(s.p0, s.p1) * px_per_m * px_per_m;
    const float coverage = 0.5f * static_cast<float>(counts[k]) * dot_area / std::max(area_px, 1e-6f);
    crowded[k] = coverage >= sight.hidden_coverage;
  }
  std::size_t kept = 0;
  for (std::size_t i = 0; i < particles_.size(); ++i) {
    const Particle& p = particles_[i];
    const auto k = static_cast<std::size_t>(p.segment);
    if (crowded[k]) {
      const Segment& s = segs[k];
      const glm::vec3 axis_point = s.p0 + (s.p1 - s.p0) * p.param;
      const glm::vec3 across = us[k] * p.cos_a + ws[k] * p.sin_a;
      if (glm::dot(across, sight.eye - axis_point) < 0.0f) continue;
    }
    out[kept++] = out[i];
  }
  out.resize(kept);
}

std::vector<std::uint8_t> Particles::to_bytes() const {
  ByteWriter w;
  w.vec(particles_);
  w.pod(static_cast<std::uint64_t>(recycled_));
  std::ostringstream stream;  // the standard's own text form: exact on every library
  stream << rng_;
  w.str(stream.str());
  return w.bytes();
}

bool Particles::restore(const FlowSystem& flow, std::span<const std::uint8_t> bytes) {
  ByteReader r(bytes);
  std::vector<Particle> particles;
  std::uint64_t recycled = 0;
  std::string stream_text;
  if (!r.vec(particles) || !r.pod(recycled) || !r.str(stream_text) || !r.at_end()) return false;
  const auto segments = static_cast<int>(flow.segments().size());
  for (const Particle& p : particles)
    if (p.segment < 0 || p.segment >= segments || !(p.param >= 0.0f && p.param <= 1.0f) ||
        !std::isfinite(p.cos_a) || !std::isfinite(p.sin_a) || !(p.radial >= 0.0f && p.radial <= kMaxRadial))
      return false;
  std::istringstream stream(stream_text);
  std::mt19937 rng;
  stream >> rng;
  if (stream.fail()) return false;
  particles_ = std::move(particles);
  recycled_ = static_cast<std::size_t>(recycled);
  rng_ = rng;
  return true;
}

std::vector<std::size_t> Particles::histogram() const {
  std::vector<std::size_t> h(touching_.size(), 0);
  for (const auto& p : particles_) ++h[static_cast<std::size_t>(p.segment)];
  return h;
}

}  // namespace effleura::flow
