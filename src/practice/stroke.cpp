#include "practice/stroke.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

#include <glm/geometric.hpp>

#include "anatomy/leg_surface.hpp"

namespace effleura::practice {
namespace {

constexpr float kPi = std::numbers::pi_v<float>;
constexpr float kLiftM = 0.03f;          // a lifted hand hovers this far above the skin
constexpr double kDirectionWindowS = 0.15;  // the stroke's heading: its last 0.15 s
constexpr double kMinKeyGapS = 1e-3;     // the two keys of a moment never coincide in time

// Shortest signed angle from a to b (radians).
float angle_delta(float a, float b) {
  float d = std::fmod(b - a, 2.0f * kPi);
  if (d > kPi) d -= 2.0f * kPi;
  if (d < -kPi) d += 2.0f * kPi;
  return d;
}

// Where the stroke was at time t (linear between samples, clamped to its ends).
StrokeSample at_time(const Stroke& s, double t) {
  const auto& v = s.samples;
  if (t <= v.front().t) return v.front();
  if (t >= v.back().t) return v.back();
  std::size_t i = 1;
  while (v[i].t < t) ++i;
  const StrokeSample& a = v[i - 1];
  const StrokeSample& b = v[i];
  const float w = static_cast<float>((t - a.t) / std::max(b.t - a.t, 1e-9));
  StrokeSample out = a;
  out.t = t;
  out.point = a.point + (b.point - a.point) * w;
  out.along = a.along + (b.along - a.along) * w;
  out.around = a.around + angle_delta(a.around, b.around) * w;
  out.pressure_mmhg = a.pressure_mmhg + (b.pressure_mmhg - a.pressure_mmhg) * w;
  return out;
}

technique::Keyframe key(float t, float along, float around, float roll, std::size_t pose, float pressure,
                        bool pressing) {
  technique::Keyframe k;
  k.t = t;
  k.a = along;
  k.b = around;
  k.roll = roll;
  k.pose = pose;
  k.contact = pressing && pressure > 0.0f;
  k.pressure_mmhg = k.contact ? pressure : 0.0f;
  k.lift_m = k.contact ? 0.0f : kLiftM;
  return k;
}

// Hand h's first pressing keyframe on the leg in the main step's cycle (null: it never presses).
const technique::Keyframe* first_press(const technique::Step& s, std::size_t h) {
  for (const auto& k : s.hands[h])
    if (k.contact && k.surface == technique::SurfaceKind::leg) return &k;
  return nullptr;
}

}  // namespace

float Stroke::length() const {
  float len = 0.0f;
  for (std::size_t i = 1; i < samples.size(); ++i) len += glm::length(samples[i].point - samples[i - 1].point);
  return len;
}

StrokeSample sample_at(const anatomy::LegSurface& surface, double t, const glm::vec3& point, float pressure_mmhg) {
  const anatomy::SurfaceProjection p = surface.project(point);
  StrokeSample s;
  s.t = t;
  s.point = point;
  s.along = p.along;
  s.around = p.around;
  s.pressure_mmhg = std::max(0.0f, pressure_mmhg);
  return s;
}

std::size_t main_step(const technique::Technique& technique) {
  if (technique.steps.empty()) return 0;
  const float cycle = technique.tempo > 0.0f ? 60.0f / technique.tempo : 0.0f;
  std::size_t best = 0;
  for (std::size_t i = 0; i < technique.steps.size(); ++i) {
    const float d = std::abs(technique.steps[i].duration - cycle);
    if (d < std::abs(technique.steps[best].duration - cycle) - 1e-4f) best = i;
  }
  if (std::abs(technique.steps[best].duration - cycle) < 0.05f * cycle) return best;
  for (std::size_t i = 0; i < technique.steps.size(); ++i)
    if (technique.steps[i].total() > technique.steps[best].total()) best = i;
  return best;
}

Companion companion_of(const technique::Technique& technique) {
  Companion c;
  if (technique.steps.empty()) return c;
  const technique::Step& s = technique.steps[main_step(technique)];
  const technique::Keyframe* left = first_press(s, 0);
  const technique::Keyframe* right = first_press(s, 1);
  c.lead = right || !left ? 1 : 0;
  const technique::Keyframe* lead_key = c.lead == 1 ? right : left;
  const technique::Keyframe* other_key = c.lead == 1 ? left : right;
  if (lead_key) c.pose = lead_key->pose;
  if (!left || !right) return c;  // one hand works; the other stays off the skin
  // The offset between where the two hands first press.
  const float t_lead = lead_key->t;
  const float t_other = other_key->t;
  c.d_along = other_key->a - lead_key->a;
  c.d_around = angle_delta(lead_key->b, other_key->b);
  if (std::abs(t_other - t_lead) < 0.1f * s.duration) {
    c.kind = Companion::Kind::mirror;
  } else {
    c.kind = Companion::Kind::alternate;
    c.delay_s = std::fmod(static_cast<double>(t_other - t_lead) + s.duration, static_cast<double>(s.duration));
  }
  return c;
}

technique::TechniqueFrame hands_at(const Stroke& stroke, const Companion& companion, bool pressing,
                                   const technique::PoseLibrary& poses, const anatomy::LegSurface& surface) {
  technique::TechniqueFrame out;
  if (stroke.empty() || poses.size() == 0) return out;
  const StrokeSample now = stroke.samples.back();
  const StrokeSample before = at_time(stroke, now.t - kDirectionWindowS);
  // Fingers point the way the stroke goes (roll 0: toward the hip); a hand at rest keeps them
  // pointing up the leg.
  const float d_along = now.along - before.along;
  const float d_side = angle_delta(before.around, now.around) * std::max(surface.radius(now.along, now.around), 0.02f);
  const float roll = std::hypot(d_along, d_side) > 0.004f ? std::atan2(d_side, d_along) : 0.0f;
  const double gap = std::max(now.t - before.t, kMinKeyGapS);
  const float dt = static_cast<float>(gap);
  const std::size_t pose = std::min(companion.pose, poses.size() - 1);

  technique::Technique t;
  t.id = "practice";
  technique::Step step;
  step.duration = dt;
  auto& lead = step.hands[companion.lead];
  lead.push_back(key(0.0f, before.along, before.around, roll, pose, before.pressure_mmhg, pressing));
  lead.push_back(key(dt, now.along, now.around, roll, pose, now.pressure_mmhg, pressing));
  auto& other = step.hands[1 - companion.lead];
  const auto second = [&](const StrokeSample& s, float tk, bool on) {
    return key(tk, s.along + companion.d_along, s.around + companion.d_around, roll, pose, s.pressure_mmhg, on);
  };
  switch (companion.kind) {
    case Companion::Kind::mirror:
      other.push_back(second(before, 0.0f, pressing));
      other.push_back(second(now, dt, pressing));
      break;
    case Companion::Kind::alternate: {
      // It follows the same path `delay_s` later, pressing only where the student pressed.
      const double t0 = now.t - companion.delay_s;
      const bool on = pressing && t0 >= stroke.samples.front().t;
      other.push_back(second(at_time(stroke, t0 - gap), 0.0f, on));
      other.push_back(second(at_time(stroke, t0), dt, on));
      break;
    }
    case Companion::Kind::none:
      other.push_back(second(now, 0.0f, false));
      other.push_back(second(now, dt, false));
      for (auto& k : other) k.lift_m = 0.08f;  // out of the way, above the leg
      break;
  }
  t.steps.push_back(std::move(step));
  const technique::Timeline timeline(t, poses, surface);
  timeline.evaluate(dt, out);
  out.time = now.t;
  out.caption = {};  // they pointed into the local timeline
  out.attend = {};
  // The heading of the stroke itself (the two-key step's Hermite has no slope at its end).
  const glm::vec3 v = (now.point - before.point) / static_cast<float>(gap);
  for (auto& h : out.hands) h.velocity = v;
  for (std::size_t i = 0; i < out.contact_count; ++i) out.patches[i].velocity = v;
  return out;
}

}  // namespace effleura::practice
