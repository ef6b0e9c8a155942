#include "app/isolated_view.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

#include <glm/geometric.hpp>
#include <glm/mat3x3.hpp>
#include <glm/matrix.hpp>

#include "anatomy/leg_bend.hpp"
#include "app/atlas.hpp"
#include "app/state.hpp"
#include "core/frame.hpp"
#include "render/box_fit.hpp"

namespace effleura::app {
namespace {

constexpr float kFill = 0.85f;      // as the camera's own box fit (render/camera.cpp kBoxFill)
constexpr float kMaxPitch = 1.55f;  // as the camera's (render/camera.cpp): the view never flips
// A structure is looked at from a little below at most: lying, the table is under it.
constexpr float kLowestPitch = -0.2f;

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

float outline_of(const std::vector<glm::vec3>& areas, const glm::vec3& dir) {
  float sum = 0.0f;
  for (const glm::vec3& s : areas) sum += std::abs(glm::dot(s, dir));
  return 0.5f * sum;
}

// The free area's half-extents as tangents, as Camera::projection_matrix draws it: fov_y spans
// the whole window's height, or the free area's narrower side. The area the camera is going
// to: while the panels' change eases, the pose is fitted for where it ends.
glm::vec2 half_tangents(const render::Camera& camera, float window_aspect) {
  const glm::vec4 a = camera.free_area_goal();
  const float w = a.z - a.x, h = a.w - a.y;
  const bool whole = w >= 0.999f && h >= 0.999f;
  const float aspect = std::max(window_aspect > 0.0f && std::isfinite(window_aspect) ? window_aspect : 16.0f / 9.0f, 0.05f);
  const float fa = whole ? aspect : std::max(aspect * w / h, 0.05f);
  const float t = std::tan(0.5f * camera.fov_y());
  const float ty = !whole && fa < 1.0f ? t / fa : t;
  return {ty * fa, ty};
}

// The direction from the target toward the eye as (yaw, pitch); looking (nearly) straight up
// or down, `keep_yaw`: there the yaw only turns the picture.
glm::vec2 angles_of(const glm::vec3& dir, float keep_yaw) {
  const glm::vec3 d = glm::length(dir) > 1e-6f ? glm::normalize(dir) : glm::vec3(0, 0, 1);
  const float yaw = std::sqrt(d.x * d.x + d.z * d.z) > 0.2f ? std::atan2(d.x, d.z) : keep_yaw;
  return {yaw, std::clamp(std::asin(std::clamp(d.y, -1.0f, 1.0f)), -kMaxPitch, kMaxPitch)};
}

// From (yaw, pitch): the pose that fits `points`' own box in that view (its extent along the
// view's right, up and back axes) to the free area, and how large the mesh is drawn there (its
// outline area over the squared distance: the picture's share, up to a constant).
struct Candidate {
  render::OrbitPose pose;
  float score = -1.0f;
};
Candidate fit_from(const render::Camera& camera, const std::vector<glm::vec3>& points, const std::vector<glm::vec3>& areas,
                   float yaw, float pitch, glm::vec2 tan_half) {
  const render::ViewAxes axes = render::view_axes(yaw, pitch);
  glm::vec3 lo(1e9f), hi(-1e9f);
  for (const glm::vec3& p : points) {
    const glm::vec3 q(glm::dot(p, axes.right), glm::dot(p, axes.up), glm::dot(p, axes.back));
    lo = glm::min(lo, q);
    hi = glm::max(hi, q);
  }
  glm::vec3 corners[8];
  for (int k = 0; k < 8; ++k) {
    const glm::vec3 q((k & 1) ? hi.x : lo.x, (k & 2) ? hi.y : lo.y, (k & 4) ? hi.z : lo.z);
    corners[k] = q.x * axes.right + q.y * axes.up + q.z * axes.back;
  }
  Candidate c;
  c.pose = camera.pose();
  c.pose.yaw = yaw;
  c.pose.pitch = pitch;
  const glm::vec3 mid = 0.5f * (lo + hi);
  c.pose.target = mid.x * axes.right + mid.y * axes.up + mid.z * axes.back;
  render::fit_box(c.pose, corners, axes, tan_half.x, tan_half.y, kFill, camera.min_distance(), camera.max_distance());
  c.score = outline_of(areas, axes.back) / (c.pose.distance * c.pose.distance);
  return c;
}

bool same_pose(const render::OrbitPose& a, const render::OrbitPose& b) {
  constexpr float kTol = 1e-4f;
  return std::abs(std::remainder(a.yaw - b.yaw, 6.2831853f)) < kTol && std::abs(a.pitch - b.pitch) < kTol &&
         std::abs(a.distance - b.distance) < kTol && glm::distance(a.target, b.target) < kTol;
}

// The structure still the only one shown (the skin hidden with the rest).
bool shown_alone(const State& state, std::size_t mesh) {
  const AtlasSettings& atlas = state.settings.atlas;
  if (mesh >= state.model.meshes.size() || visibility(atlas, mesh) != Visibility::shown) return false;
  for (std::size_t i = 0; i < state.model.meshes.size(); ++i)
    if (i != mesh && is_structure(state.model.meshes[i]) && visibility(atlas, i) != Visibility::hidden) return false;
  return true;
}

}  // namespace

float outline_area(const anatomy::Mesh& mesh, const glm::vec3& dir) { return outline_of(area_vectors(mesh), dir); }

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
  render::OrbitPose p = camera.pose();
  const glm::vec2 angles = angles_of(room_dir, p.yaw);
  p.yaw = angles.x;
  p.pitch = angles.y;
  const glm::vec2 t = half_tangents(camera, window_aspect);
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
  render::fit_box(p, corners, render::view_axes(p.yaw, p.pitch), t.x, t.y, kFill, camera.min_distance(), camera.max_distance());
  return p;
}

render::OrbitPose isolated_pose(const render::Camera& camera, const anatomy::Mesh& room_mesh, const glm::vec3& prefer,
                                float window_aspect) {
  const std::vector<glm::vec3>& points = room_mesh.positions;
  if (points.empty()) return camera.pose();
  const std::vector<glm::vec3> areas = area_vectors(room_mesh);
  const glm::vec2 t = half_tangents(camera, window_aspect);
  const glm::vec3 side = glm::length(prefer) > 1e-6f ? glm::normalize(prefer) : glm::vec3(0, 1, 0);
  // The broadest face, as close_view looks at it: kept unless another direction does better.
  const glm::vec2 face = angles_of(broadest_face(room_mesh, side), camera.pose().yaw);
  Candidate best = fit_from(camera, points, areas, face.x, face.y, t);
  const auto consider = [&](float yaw, float pitch) {
    pitch = std::clamp(pitch, kLowestPitch, kMaxPitch);
    if (glm::dot(render::view_axes(yaw, pitch).back, side) < 0.0f) return;
    const Candidate c = fit_from(camera, points, areas, yaw, pitch, t);
    if (c.score > best.score * 1.0001f) best = c;
  };
  // Every 15 degrees of yaw and about 15 of pitch (the pitch's ends included: from straight
  // above the yaw turns the picture), then every 3 degrees round the best of those.
  constexpr float kDeg = 0.017453293f;
  constexpr int kPitches = 12;
  for (int i = 0; i < 24; ++i)
    for (int j = 0; j <= kPitches; ++j)
      consider(static_cast<float>(i) * 15.0f * kDeg,
               kLowestPitch + (kMaxPitch - kLowestPitch) * static_cast<float>(j) / static_cast<float>(kPitches));
  const render::OrbitPose coarse = best.pose;
  for (int i = -4; i <= 4; ++i)
    for (int j = -4; j <= 4; ++j) consider(coarse.yaw + static_cast<float>(i) * 3.0f * kDeg, coarse.pitch + static_cast<float>(j) * 3.0f * kDeg);
  return best.pose;
}

std::optional<IsolatedFraming> frame_isolated(State& state, std::size_t mesh, float window_aspect) {
  if (mesh >= state.model.meshes.size()) return std::nullopt;
  const anatomy::Mesh& m = state.model.meshes[mesh];
  render::Camera& camera = state.camera;
  // The mesh as drawn, in the room: lying or sitting with the knee or hip bent, it bends.
  const float knee = state.knee_flexion(), hip = state.hip_flexion();
  const glm::mat4& to_room = camera.subject();
  anatomy::Mesh room;
  room.indices = m.indices;
  room.positions.reserve(m.positions.size());
  for (const glm::vec3& p : m.positions) {
    const glm::vec3 drawn = knee != 0.0f || hip != 0.0f ? anatomy::bend_leg(p, frame::kKneeCentre, knee, hip) : p;
    room.positions.emplace_back(to_room * glm::vec4(drawn, 1.0f));
  }
  anatomy::Bounds box = mesh_bounds(m);
  if (knee != 0.0f || hip != 0.0f) box = anatomy::bend_box(box, frame::kKneeCentre, knee, hip);
  // The side nearer the eye; from above where neither is (a face looking up and down the table,
  // as the soleus's when the client lies on their back).
  const glm::vec3 to_eye = glm::normalize(camera.eye() - camera.pose().target);
  const render::OrbitPose pose = isolated_pose(camera, room, to_eye + glm::vec3(0.0f, 0.25f, 0.0f), window_aspect);
  camera.set_focus(box);  // a preset from here looks at it
  // Where the camera will hold it (go_to keeps a pose within the camera's limits).
  render::Camera there = camera;
  there.go_to(pose, false);
  camera.go_to(pose, true);
  return IsolatedFraming{mesh, box, camera.free_area_goal(), there.pose()};
}

void refit_isolated(State& state, std::optional<IsolatedFraming>& framing, float window_aspect) {
  if (!framing) return;
  const render::Camera& camera = state.camera;
  const std::optional<anatomy::Bounds>& focus = camera.focus_region();
  const bool still = shown_alone(state, framing->mesh) && focus && focus->min == framing->box.min &&
                     focus->max == framing->box.max && !camera.following() && !camera.preset() &&
                     (camera.transitioning() || same_pose(camera.pose(), framing->pose));
  if (!still) {
    framing.reset();
    return;
  }
  if (camera.free_area_goal() != framing->area) framing = frame_isolated(state, framing->mesh, window_aspect);
}

}  // namespace effleura::app
