#include "render/sight.hpp"

#include <algorithm>
#include <cmath>
#include <string_view>

#include <glm/geometric.hpp>
#include <glm/trigonometric.hpp>
#include <meshoptimizer.h>

#include "core/frame.hpp"

namespace effleura::render {
namespace {

bool same_pose(const anatomy::ClientPose& a, const anatomy::ClientPose& b) {
  return a.body == b.body && a.left_leg == b.left_leg && a.right_leg == b.right_leg && a.on_table == b.on_table &&
         a.left_arm == b.left_arm && a.right_arm == b.right_arm && a.right_ankle_deg == b.right_ankle_deg && a.ankle_deg == b.ankle_deg &&
         a.knee_flexion_deg == b.knee_flexion_deg &&
         a.right_knee_flexion_deg == b.right_knee_flexion_deg && a.wedge == b.wedge && a.knee_bolster == b.knee_bolster &&
         a.ankle_bolster == b.ankle_bolster && a.head_pillow == b.head_pillow;
}

// Slab test of the segment o + t d, t in [0, 1], against a box.
bool segment_hits_box(const glm::vec3& o, const glm::vec3& d, const glm::vec3& lo, const glm::vec3& hi) {
  float t0 = 0.0f, t1 = 1.0f;
  for (int i = 0; i < 3; ++i) {
    if (std::abs(d[i]) < 1e-9f) {
      if (o[i] < lo[i] || o[i] > hi[i]) return false;
      continue;
    }
    float a = (lo[i] - o[i]) / d[i], b = (hi[i] - o[i]) / d[i];
    if (a > b) std::swap(a, b);
    t0 = std::max(t0, a);
    t1 = std::min(t1, b);
    if (t0 > t1) return false;
  }
  return true;
}

// Möller-Trumbore, both faces: does the segment o + t d (t in (0, 1)) cross the triangle?
bool segment_hits_triangle(const glm::vec3& o, const glm::vec3& d, const glm::vec3& v0, const glm::vec3& v1,
                           const glm::vec3& v2) {
  const glm::vec3 e1 = v1 - v0, e2 = v2 - v0;
  const glm::vec3 p = glm::cross(d, e2);
  const float det = glm::dot(e1, p);
  if (std::abs(det) < 1e-12f) return false;
  const float inv = 1.0f / det;
  const glm::vec3 s = o - v0;
  const float u = glm::dot(s, p) * inv;
  if (u < 0.0f || u > 1.0f) return false;
  const glm::vec3 q = glm::cross(s, e1);
  const float v = glm::dot(d, q) * inv;
  if (v < 0.0f || u + v > 1.0f) return false;
  const float t = glm::dot(e2, q) * inv;
  return t > 0.0f && t < 1.0f;
}

// Closest distance between segments p0-p1 and q0-q1 (clamped parameters, sampled finely
// enough for a forearm against a sight line).
float segment_gap(const glm::vec3& p0, const glm::vec3& p1, const glm::vec3& q0, const glm::vec3& q1) {
  const glm::vec3 d1 = p1 - p0, d2 = q1 - q0, r = p0 - q0;
  const float a = glm::dot(d1, d1), e = glm::dot(d2, d2), f = glm::dot(d2, r);
  float s = 0.0f, t = 0.0f;
  if (a < 1e-12f && e < 1e-12f) return glm::length(r);
  if (a < 1e-12f) {
    t = std::clamp(f / e, 0.0f, 1.0f);
  } else {
    const float c = glm::dot(d1, r);
    if (e < 1e-12f) {
      s = std::clamp(-c / a, 0.0f, 1.0f);
    } else {
      const float b = glm::dot(d1, d2), denom = a * e - b * b;
      s = denom > 1e-12f ? std::clamp((b * f - c * e) / denom, 0.0f, 1.0f) : 0.0f;
      t = (b * s + f) / e;
      if (t < 0.0f) { t = 0.0f; s = std::clamp(-c / a, 0.0f, 1.0f); }
      else if (t > 1.0f) { t = 1.0f; s = std::clamp((b - c) / a, 0.0f, 1.0f); }
    }
  }
  return glm::length((p0 + d1 * s) - (q0 + d2 * t));
}

// Triangles per run, and runs per group: with ~58,000 triangles in the skin a line passes ~57
// group boxes, then the runs and triangles of the few it crosses.
constexpr std::size_t kRun = 32;

void grow(glm::vec3& lo, glm::vec3& hi, const glm::vec3& p) {
  lo = glm::min(lo, p);
  hi = glm::max(hi, p);
}

}  // namespace

std::shared_ptr<const std::vector<std::uint32_t>> SightLines::space_order(const anatomy::Mesh& mesh) {
  for (const auto& [m, order] : orders_)
    if (m == &mesh) return order;
  std::vector<std::uint32_t> order(mesh.indices.size() - mesh.indices.size() % 3);
  const bool valid = std::all_of(mesh.indices.begin(), mesh.indices.end(),
                                 [&](std::uint32_t i) { return i < mesh.positions.size(); });
  if (valid && !order.empty())
    meshopt_spatialSortTriangles(order.data(), mesh.indices.data(), order.size(), &mesh.positions[0].x,
                                 mesh.positions.size(), sizeof(glm::vec3));
  else
    order.assign(mesh.indices.begin(), mesh.indices.begin() + static_cast<std::ptrdiff_t>(order.size()));
  orders_.emplace_back(&mesh, std::make_shared<const std::vector<std::uint32_t>>(std::move(order)));
  return orders_.back().second;
}

SightLines::SightLines(const anatomy::Model& client, const anatomy::Model* leg) : client_(client), leg_(leg) {}

void SightLines::add(const anatomy::Mesh& mesh, const glm::mat4& to_room, const glm::vec3& knee, float knee_deg,
                     const glm::vec3& hip, float hip_deg, const glm::vec3& ankle, float ankle_deg,
                     const std::optional<anatomy::HipSides>& sides) {
  Part part;
  part.name = mesh.name;
  part.corners = space_order(mesh);
  const std::vector<std::uint32_t>& order = *part.corners;
  part.lo = glm::vec3(1e9f);
  part.hi = glm::vec3(-1e9f);
  if (order.empty() || std::any_of(order.begin(), order.end(), [&](std::uint32_t i) { return i >= mesh.positions.size(); }))
    return;  // a broken mesh hides nothing
  // Each vertex placed once (a vertex is a corner of ~6 triangles); the triangles index them.
  part.vertices.resize(mesh.positions.size());
  for (std::size_t i = 0; i < mesh.positions.size(); ++i) {
    // Bent at the knee and blended at the hip as the renderer draws it (shaders/model.vert; 0
    // degrees: unchanged).
    // The foot first turns at its ankle by its vertex's share of the angle (+ dorsiflexion turns
    // the toes up, -X about the lateral axis), as model.vert does with aAnkle.
    const float share = i < mesh.ankle_blend.size() ? mesh.ankle_blend[i] : 0.0f;
    const glm::vec3 footed =
        ankle_deg != 0.0f && share != 0.0f ? anatomy::turned_about_x(mesh.positions[i], ankle, -glm::radians(ankle_deg) * share)
                                           : mesh.positions[i];
    const glm::vec3 kneed = anatomy::bend_knee(footed, knee, knee_deg);
    const glm::vec3 bent = sides ? anatomy::fold_hips(kneed, *sides) : anatomy::blend_hip(kneed, hip, hip_deg);
    part.vertices[i] = glm::vec3(to_room * glm::vec4(bent, 1.0f));
  }
  const std::size_t count = order.size() / 3;
  part.runs.resize((count + kRun - 1) / kRun);
  for (std::size_t t = 0; t < count; ++t)
    for (std::size_t c = 0; c < 3; ++c) grow(part.runs[t / kRun].lo, part.runs[t / kRun].hi, part.vertices[order[3 * t + c]]);
  for (const Box& run : part.runs) {
    grow(part.lo, part.hi, run.lo);
    grow(part.lo, part.hi, run.hi);
  }
  part.groups.resize((part.runs.size() + kRun - 1) / kRun);
  for (std::size_t r = 0; r < part.runs.size(); ++r) {
    grow(part.groups[r / kRun].lo, part.groups[r / kRun].hi, part.runs[r].lo);
    grow(part.groups[r / kRun].lo, part.groups[r / kRun].hi, part.runs[r].hi);
  }
  parts_.push_back(std::move(part));
}

void SightLines::set_pose(const std::optional<anatomy::ClientPose>& pose, std::optional<float> leg_ankle_deg) {
  const float ankle = leg_ankle_deg.value_or(pose ? pose->ankle_deg : 0.0f);
  for (std::size_t i = 0; i < placements_.size(); ++i) {
    const Placement& kept = placements_[i];
    if (pose.has_value() == kept.pose.has_value() && (!pose || same_pose(*pose, *kept.pose)) && ankle == kept.ankle_deg) {
      current_ = i;
      return;
    }
  }
  parts_.clear();
  if (pose)
    for (const anatomy::Mesh& m : client_.meshes)
      if (anatomy::client_part_shown(m.name, *pose))
        add(m, anatomy::client_part_frame(m.name, *pose), anatomy::kRightKneeCentre,
            anatomy::client_part_bends(m.name) ? pose->right_knee_flexion_deg : 0.0f, anatomy::kRightHipCentre,
            anatomy::client_part_hip_deg(m.name, *pose), anatomy::kRightAnkleCentre,
            anatomy::client_part_bends(m.name) ? pose->right_ankle_deg : 0.0f, anatomy::client_part_hip_sides(m.name, *pose));
  if (leg_)
    if (const anatomy::Mesh* skin = leg_->find("skin"))
      add(*skin, pose ? pose->left_leg : glm::mat4(1.0f), frame::kKneeCentre, pose ? pose->knee_flexion_deg : 0.0f,
          frame::kHipCentre, pose ? pose->hip_flexion_deg : 0.0f, frame::kAnkleCentre, ankle);
  if (placements_.size() == kKept) placements_.erase(placements_.begin());  // the oldest goes
  placements_.push_back(Placement{pose, ankle, std::move(parts_)});
  parts_.clear();
  current_ = placements_.size() - 1;
}

bool SightLines::clear(const glm::vec3& eye, const glm::vec3& p, float margin, const std::vector<Rod>& rods) const {
  return blocker(eye, p, margin, rods).empty();
}

std::string SightLines::blocker(const glm::vec3& eye, const glm::vec3& p, float margin, const std::vector<Rod>& rods) const {
  const glm::vec3 full = p - eye;
  const float length = glm::length(full);
  if (length <= margin) return {};
  const glm::vec3 d = full * ((length - margin) / length);
  for (const Rod& rod : rods)
    if (segment_gap(eye, eye + d, rod.a, rod.b) < rod.radius) return "forearm";
  if (placements_.empty()) return {};  // never placed: nothing stands anywhere
  for (const Part& part : placements_[current_].parts) {
    if (!segment_hits_box(eye, d, part.lo, part.hi)) continue;
    const std::vector<std::uint32_t>& corners = *part.corners;
    const std::vector<glm::vec3>& v = part.vertices;
    const std::size_t count = corners.size() / 3;
    for (std::size_t g = 0; g < part.groups.size(); ++g) {
      if (!segment_hits_box(eye, d, part.groups[g].lo, part.groups[g].hi)) continue;
      for (std::size_t r = g * kRun; r < std::min(part.runs.size(), (g + 1) * kRun); ++r) {
        if (!segment_hits_box(eye, d, part.runs[r].lo, part.runs[r].hi)) continue;
        for (std::size_t t = r * kRun; t < std::min(count, (r + 1) * kRun); ++t)
          if (segment_hits_triangle(eye, d, v[corners[3 * t]], v[corners[3 * t + 1]], v[corners[3 * t + 2]]))
            return part.name;
      }
    }
  }
  return {};
}

}  // namespace effleura::render
