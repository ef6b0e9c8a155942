#include "anatomy/leg_bend.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

#include <glm/gtc/matrix_transform.hpp>

#include "anatomy/client_pose.hpp"
#include "anatomy/client_pose_bends.hpp"
#include "core/frame.hpp"

namespace effleura::anatomy {
namespace {

glm::mat4 turn_about_x(const glm::vec3& centre, float radians) {
  return glm::translate(glm::mat4(1.0f), centre) * glm::rotate(glm::mat4(1.0f), radians, glm::vec3(1, 0, 0)) *
         glm::translate(glm::mat4(1.0f), -centre);
}

// Every share u in [0, 1] of `radians` with weight(turned_about_x(p, centre, -u radians).y) == u: the
// point was turned by u of the whole angle. Far from the leg's axis the turned zones overlap
// (at 90 degrees a point beside the shank may also be one beside the thigh), so there can be
// more than one: found as sign changes over 64 steps (two roots closer than a step would be
// missed: with 16, one 30 cm from the bent knee was), each halved 20 times (within 1e-7).
template <class Weight>
std::vector<float> shares(const glm::vec3& p, const glm::vec3& centre, float radians, Weight weight) {
  const auto f = [&](float u) { return weight(turned_about_x(p, centre, -u * radians).y) - u; };
  constexpr int kSteps = 64;
  std::vector<float> out;
  float u0 = 0.0f;
  bool above0 = f(0.0f) >= 0.0f;
  for (int i = 1; i <= kSteps; ++i) {
    const float u1 = static_cast<float>(i) / kSteps;
    const bool above1 = f(u1) >= 0.0f;
    if (above0 != above1) {
      float lo = u0, hi = u1;
      for (int k = 0; k < 20; ++k) {
        const float m = 0.5f * (lo + hi);
        ((f(m) >= 0.0f) == above0 ? lo : hi) = m;
      }
      out.push_back(0.5f * (lo + hi));
    }
    u0 = u1;
    above0 = above1;
  }
  if (above0) out.push_back(1.0f);  // f(1) = weight - 1 >= 0: a point turned fully
  return out;
}

}  // namespace

std::vector<glm::vec3> unbend_leg(const glm::vec3& p, const LegBend& bend) {
  std::vector<glm::vec3> unhipped{p};
  if (bend.hip_deg != 0.0f) {
    // blend_hip turned by (1 - hip_weight) of the flexion.
    const float a = glm::radians(bend.hip_deg);
    const glm::vec3& hip = frame::kHipCentre;
    unhipped.clear();
    for (float u : shares(p, hip, a, [&hip](float y) { return 1.0f - hip_weight(y, hip); }))
      unhipped.push_back(unflatten_behind_hip(turned_about_x(p, hip, -a * u), hip, bend.hip_deg));
  }
  if (bend.knee_deg == 0.0f) return unhipped;
  const float a = glm::radians(bend.knee_deg);
  std::vector<glm::vec3> out;
  for (const glm::vec3& q : unhipped)
    for (float u : shares(q, bend.knee, a, [&bend](float y) { return knee_weight(y, bend.knee); }))
      out.push_back(unflatten_behind_knee(turned_about_x(q, bend.knee, -a * u), bend.knee, bend.knee_deg));
  return out;
}

glm::mat4 knee_bend_at(const glm::vec3& at, const glm::vec3& knee, float flexion_deg, float hip_deg) {
  glm::mat4 m(1.0f);
  if (flexion_deg != 0.0f) {
    // The same weight as bend_knee (and shaders/model.vert): smoothstep over kKneeBlend either side.
    // The flattening behind the knee moves the point, not the frame's axes: a shift along z.
    const glm::vec3 flat = flatten_behind_knee(at, knee, flexion_deg);
    m = turn_about_x(knee, glm::radians(flexion_deg) * knee_weight(at.y, knee)) * glm::translate(glm::mat4(1.0f), flat - at);
  }
  if (hip_deg != 0.0f) {
    // blend_hip's weight, at the point after the knee bend (the zones do not overlap).
    // The buttock's flattening moves the point, not the frame's axes: a shift along z.
    const glm::vec3 q(m * glm::vec4(at, 1.0f));
    const glm::vec3 flat = flatten_behind_hip(q, frame::kHipCentre, hip_deg);
    m = turn_about_x(frame::kHipCentre, glm::radians(hip_deg) * (1.0f - hip_weight(q.y, frame::kHipCentre))) *
        glm::translate(glm::mat4(1.0f), flat - q) * m;
  }
  return m;
}

glm::vec3 bend_leg(const glm::vec3& p, const glm::vec3& knee, float knee_deg, float hip_deg) {
  return blend_hip(bend_knee(p, knee, knee_deg), frame::kHipCentre, hip_deg);
}

Model bent_model(const Model& model, const glm::vec3& knee, float flexion_deg, float hip_deg) {
  Model out = model;
  if (flexion_deg == 0.0f && hip_deg == 0.0f) return out;
  for (Mesh& m : out.meshes) {
    for (std::size_t i = 0; i < m.positions.size(); ++i) {
      // Through each bend's Jacobian, as shaders/model.vert does (client_pose.hpp bend_knee_normal).
      const glm::vec3 p = m.positions[i];
      const glm::vec3 kneed = bend_knee(p, knee, flexion_deg);
      if (i < m.normals.size())
        m.normals[i] = blend_hip_normal(kneed, bend_knee_normal(p, m.normals[i], knee, flexion_deg), frame::kHipCentre, hip_deg);
      if (i < m.fibre_dirs.size()) {
        const glm::vec3 f = blend_hip_tangent(kneed, bend_knee_tangent(p, m.fibre_dirs[i], knee, flexion_deg), frame::kHipCentre, hip_deg);
        const float l = glm::length(f);
        if (l > 1e-12f) m.fibre_dirs[i] = f * (glm::length(m.fibre_dirs[i]) / l);
      }
      m.positions[i] = blend_hip(kneed, frame::kHipCentre, hip_deg);
    }
  }
  for (Landmark& l : out.landmarks) l.position = bend_leg(l.position, knee, flexion_deg, hip_deg);
  return out;
}

Bounds bent_bounds(const Model& model, const glm::vec3& knee, float flexion_deg, float hip_deg) {
  const Mesh* skin = nullptr;
  for (const Mesh& m : model.meshes)
    if (m.layer == Layer::skin && !m.positions.empty()) skin = &m;
  Bounds b{glm::vec3(1e9f), glm::vec3(-1e9f)};
  bool any = false;
  for (const Mesh& m : model.meshes) {
    if (skin && &m != skin) continue;
    for (const glm::vec3& p : m.positions) {
      const glm::vec3 q = bend_leg(p, knee, flexion_deg, hip_deg);
      b.min = glm::min(b.min, q);
      b.max = glm::max(b.max, q);
      any = true;
    }
  }
  return any ? b : model.bounds();
}

Bounds bend_box(const Bounds& box, const glm::vec3& knee, float flexion_deg, float hip_deg) {
  if (flexion_deg == 0.0f && hip_deg == 0.0f) return box;
  Bounds b{glm::vec3(1e9f), glm::vec3(-1e9f)};
  for (int c = 0; c < 8; ++c) {
    const glm::vec3 p(c & 1 ? box.max.x : box.min.x, c & 2 ? box.max.y : box.min.y, c & 4 ? box.max.z : box.min.z);
    const glm::vec3 q = bend_leg(p, knee, flexion_deg, hip_deg);
    b.min = glm::min(b.min, q);
    b.max = glm::max(b.max, q);
  }
  return b;
}

}  // namespace effleura::anatomy
