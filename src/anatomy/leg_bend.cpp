#include "anatomy/leg_bend.hpp"

#include <algorithm>
#include <cmath>

#include <glm/gtc/matrix_transform.hpp>

#include "anatomy/client_pose.hpp"
#include "core/frame.hpp"

namespace effleura::anatomy {
namespace {

glm::mat4 turn_about_x(const glm::vec3& centre, float radians) {
  return glm::translate(glm::mat4(1.0f), centre) * glm::rotate(glm::mat4(1.0f), radians, glm::vec3(1, 0, 0)) *
         glm::translate(glm::mat4(1.0f), -centre);
}

}  // namespace

glm::mat4 knee_bend_at(const glm::vec3& at, const glm::vec3& knee, float flexion_deg, float hip_deg) {
  glm::mat4 m(1.0f);
  if (flexion_deg != 0.0f) {
    // The same weight as bend_knee (and shaders/model.vert): smoothstep over kKneeBlend either side.
    const float s = std::clamp((knee.y + kKneeBlend - at.y) / (2.0f * kKneeBlend), 0.0f, 1.0f);
    m = turn_about_x(knee, glm::radians(flexion_deg) * s * s * (3.0f - 2.0f * s));
  }
  if (hip_deg != 0.0f) {
    // blend_hip's weight, at the point after the knee bend (the zones do not overlap).
    const glm::vec3 q(m * glm::vec4(at, 1.0f));
    m = turn_about_x(frame::kHipCentre, glm::radians(hip_deg) * (1.0f - hip_weight(q.y, frame::kHipCentre))) * m;
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
      const glm::mat3 r(knee_bend_at(m.positions[i], knee, flexion_deg, hip_deg));
      if (i < m.normals.size()) m.normals[i] = r * m.normals[i];
      if (i < m.fibre_dirs.size()) m.fibre_dirs[i] = r * m.fibre_dirs[i];
      m.positions[i] = bend_leg(m.positions[i], knee, flexion_deg, hip_deg);
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
