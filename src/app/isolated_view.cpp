#include "app/isolated_view.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

#include <glm/geometric.hpp>
#include <glm/mat3x3.hpp>
#include <glm/matrix.hpp>

#include "anatomy/leg_bend.hpp"
#include "app/state.hpp"
#include "core/frame.hpp"
#include "render/box_fit.hpp"

namespace effleura::app {
namespace {

// Each triangle's area vector (half the cross product of two edges: its normal times its area).
std::vector<glm::vec3> area_vectors(const anatomy::Mesh& mesh) {
  std::vector<glm::vec3> out;
  out.reserve(mesh.indices.size() / 3);
  for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3) {
    const auto a = mesh.indices[t], b = mesh.indices[t + 1], c = mesh.indices[t + 2];
    if (a >= mesh.positions.size() || b >= mesh.positions.size() || c >= mesh.positions.size()) continue;
    out.push_back(0.5f * glm::cross(mesh.positions[b] - mesh.positions[a], mesh.positions[c] - mesh.positions[a]));
  }
  return out;
}

}  // namespace

float outline_area(const anatomy::Mesh& mesh, const glm::vec3& dir) {
  float sum = 0.0f;
  for (const glm::vec3& s : area_vectors(mesh)) sum += std::abs(glm::dot(s, dir));
  return 0.5f * sum;
}

glm::vec3 broadest_face(const anatomy::Mesh& mesh, const glm::vec3& prefer) {
  const glm::vec3 fallback = glm::length(prefer) > 1e-6f ? glm::normalize(prefer) : glm::vec3(0, 0, 1);
  // sum of area * n n^T = sum of s s^T / |s|: how much surface faces each way, either sign.
  glm::mat3 m(0.0f);
  for (const glm::vec3& s : area_vectors(mesh)) {
    const float a = glm::length(s);
    if (a > 0.0f) m += glm::outerProduct(s, s) / a;
  }
  // Its largest eigenvalue's axis, by power iteration from its longest column (which has a part
  // along that axis unless the matrix is zero); 3x3 and positive semi-definite: a few dozen
  // rounds settle it.
  glm::vec3 v = m[0];
  for (int c = 1; c < 3; ++c)
    if (glm::length(m[c]) > glm::length(v)) v = m[c];
  if (glm::length(v) <= 0.0f || !std::isfinite(glm::length(v))) return fallback;
  v = glm::normalize(v);
  for (int round = 0; round < 64; ++round) {
    const glm::vec3 next = m * v;
    if (glm::length(next) <= 0.0f) break;
    v = glm::normalize(next);
  }
  return glm::dot(v, fallback) >= 0.0f ? v : -v;
}

render::OrbitPose close_view(const render::Camera& camera, const anatomy::Bounds& region, const glm::vec3& room_dir,
                             float window_aspect) {
  constexpr float kFill = 0.85f;  // as the camera's own box fit (render/camera.cpp kBoxFill)
  constexpr float kMaxPitch = 1.55f;
  const glm::vec3 d = glm::length(room_dir) > 1e-6f ? glm::normalize(room_dir) : glm::vec3(0, 0, 1);
  render::OrbitPose p = camera.pose();
  if (std::sqrt(d.x * d.x + d.z * d.z) > 0.2f) p.yaw = std::atan2(d.x, d.z);
  p.pitch = std::clamp(std::asin(std::clamp(d.y, -1.0f, 1.0f)), -kMaxPitch, kMaxPitch);
  // The free area's half-extents as tangents, as Camera::projection_matrix draws it: fov_y
  // spans the whole window's height, or the free area's narrower side.
  const glm::vec4 a = camera.free_area();
  const float w = a.z - a.x, h = a.w - a.y;
  const bool whole = w >= 0.999f && h >= 0.999f;
  const float aspect = std::max(window_aspect > 0.0f && std::isfinite(window_aspect) ? window_aspect : 16.0f / 9.0f, 0.05f);
  const float fa = whole ? aspect : std::max(aspect * w / h, 0.05f);
  const float t = std::tan(0.5f * camera.fov_y());
  const float ty = !whole && fa < 1.0f ? t / fa : t, tx = ty * fa;
  glm::vec3 corners[8];
  glm::vec3 centre(0.0f);
  for (int k = 0; k < 8; ++k) {
    corners[k] = glm::vec3(camera.subject() * glm::vec4((k & 1) ? region.max.x : region.min.x, (k & 2) ? region.max.y : region.min.y,
                                                        (k & 4) ? region.max.z : region.min.z, 1.0f));
    centre += corners[k] / 8.0f;
  }
  // Each corner within kFill of the area, the box centred (render/box_fit.hpp), without the
  // camera's own floor of 0.65 m in view.
  p.target = centre;
  render::fit_box(p, corners, render::view_axes(p.yaw, p.pitch), tx, ty, kFill, camera.min_distance(), camera.max_distance());
  return p;
}

void frame_isolated(State& state, std::size_t mesh, float window_aspect) {
  if (mesh >= state.model.meshes.size()) return;
  const anatomy::Mesh& m = state.model.meshes[mesh];
  const glm::mat4 leg_to_room = state.leg_to_room();
  const render::Camera& camera = state.camera;
  const glm::vec3 to_eye = glm::normalize(camera.eye() - camera.pose().target);
  // The side nearer the eye; from above where neither is (a face looking up and down the table,
  // as the soleus's when the client lies on their back).
  const glm::vec3 prefer = glm::mat3(glm::inverse(leg_to_room)) * (to_eye + glm::vec3(0.0f, 0.25f, 0.0f));
  glm::vec3 dir = broadest_face(m, prefer);
  anatomy::Bounds box = mesh_bounds(m);
  // As the leg is drawn: lying or sitting with the knee or hip bent, the box and the direction bend.
  const float knee = state.knee_flexion(), hip = state.hip_flexion();
  if (knee != 0.0f || hip != 0.0f) {
    dir = glm::mat3(anatomy::knee_bend_at(box.centre(), frame::kKneeCentre, knee, hip)) * dir;
    box = anatomy::bend_box(box, frame::kKneeCentre, knee, hip);
  }
  state.camera.set_focus(box);  // a preset from here looks at it
  state.camera.go_to(close_view(state.camera, box, glm::mat3(leg_to_room) * dir, window_aspect), true);
}

}  // namespace effleura::app
