#include "anatomy/picking.hpp"

#include <cmath>
#include <limits>

#include <glm/common.hpp>
#include <glm/geometric.hpp>
#include <glm/vec2.hpp>

namespace effleura::anatomy {
namespace {

// Möller-Trumbore; returns the ray parameter and barycentrics (u, v) of a front or back hit.
std::optional<glm::vec3> intersect(const Ray& r, const glm::vec3& a, const glm::vec3& b, const glm::vec3& c) {
  const glm::vec3 e1 = b - a, e2 = c - a;
  const glm::vec3 p = glm::cross(r.direction, e2);
  const float det = glm::dot(e1, p);
  if (std::fabs(det) < 1e-12f) return std::nullopt;
  const float inv = 1.0f / det;
  const glm::vec3 s = r.origin - a;
  const float u = glm::dot(s, p) * inv;
  if (u < 0.0f || u > 1.0f) return std::nullopt;
  const glm::vec3 q = glm::cross(s, e1);
  const float v = glm::dot(r.direction, q) * inv;
  if (v < 0.0f || u + v > 1.0f) return std::nullopt;
  const float t = glm::dot(e2, q) * inv;
  if (t <= 0.0f) return std::nullopt;
  return glm::vec3(t, u, v);
}

bool ray_hits_box(const Ray& r, const glm::vec3& lo, const glm::vec3& hi) {
  float t0 = 0.0f, t1 = std::numeric_limits<float>::max();
  for (int i = 0; i < 3; ++i) {
    if (std::fabs(r.direction[i]) < 1e-20f) {
      if (r.origin[i] < lo[i] || r.origin[i] > hi[i]) return false;
      continue;
    }
    float a = (lo[i] - r.origin[i]) / r.direction[i], b = (hi[i] - r.origin[i]) / r.direction[i];
    if (a > b) std::swap(a, b);
    t0 = std::max(t0, a);
    t1 = std::min(t1, b);
    if (t0 > t1) return false;
  }
  return true;
}

std::optional<Hit> first_hit(const Model& model, std::size_t index, const Ray& ray) {
  const Mesh& m = model.meshes[index];
  glm::vec3 lo(std::numeric_limits<float>::max()), hi(std::numeric_limits<float>::lowest());
  for (const auto& p : m.positions) { lo = glm::min(lo, p); hi = glm::max(hi, p); }
  if (!ray_hits_box(ray, lo, hi)) return std::nullopt;
  std::optional<Hit> best;
  std::array<std::uint32_t, 3> best_tri{};
  glm::vec2 best_uv{0.0f};
  for (std::size_t i = 0; i + 2 < m.indices.size(); i += 3) {
    const auto ia = m.indices[i], ib = m.indices[i + 1], ic = m.indices[i + 2];
    auto h = intersect(ray, m.positions[ia], m.positions[ib], m.positions[ic]);
    if (h && (!best || h->x < best->distance)) {
      best = Hit{index, h->x, ray.origin + ray.direction * h->x, std::nullopt};
      best_tri = {ia, ib, ic};
      best_uv = {h->y, h->z};
    }
  }
  if (best && !m.area_weights.empty()) {
    const float w[3] = {1.0f - best_uv.x - best_uv.y, best_uv.x, best_uv.y};
    float top = 0.3f;
    for (std::size_t a = 0; a < kAreaCount; ++a) {
      float v = 0.0f;
      for (int k = 0; k < 3; ++k) v += w[k] * m.area_weights[best_tri[k]][a];
      if (v >= top) { top = v; best->area = a; }
    }
  }
  return best;
}

}  // namespace

PickResult pick(const Model& model, const Ray& ray) {
  PickResult r;
  for (std::size_t i = 0; i < model.meshes.size(); ++i) {
    auto h = first_hit(model, i, ray);
    if (!h) continue;
    const Layer layer = model.meshes[i].layer;
    auto keep_nearer = [&](std::optional<Hit>& slot) { if (!slot || h->distance < slot->distance) slot = h; };
    keep_nearer(r.nearest);
    if (layer == Layer::skin) keep_nearer(r.skin);
    if (layer == Layer::muscle) keep_nearer(r.muscle);
  }
  return r;
}

std::array<std::optional<glm::vec3>, kAreaCount> area_centres(const Model& model) {
  std::array<glm::vec3, kAreaCount> sum{};
  std::array<float, kAreaCount> weight{};
  for (const auto& m : model.meshes) {
    if (m.layer != Layer::skin) continue;
    for (std::size_t v = 0; v < m.area_weights.size() && v < m.positions.size(); ++v)
      for (std::size_t a = 0; a < kAreaCount; ++a) {
        sum[a] += m.positions[v] * m.area_weights[v][a];
        weight[a] += m.area_weights[v][a];
      }
  }
  std::array<std::optional<glm::vec3>, kAreaCount> out{};
  for (std::size_t a = 0; a < kAreaCount; ++a)
    if (weight[a] > 1e-6f) out[a] = sum[a] / weight[a];
  return out;
}

std::optional<AreaAnchor> area_anchor(const Model& model, std::size_t area, const glm::vec3& eye) {
  std::optional<AreaAnchor> best;
  float best_d = std::numeric_limits<float>::max();
  for (const auto& m : model.meshes) {
    if (m.layer != Layer::skin || area >= kAreaCount) continue;
    for (std::size_t v = 0; v < m.area_weights.size() && v < m.positions.size(); ++v) {
      if (m.area_weights[v][area] < 0.6f) continue;
      const float d = glm::length(m.positions[v] - eye);
      if (d < best_d) {
        best_d = d;
        const bool faces = v < m.normals.size() && glm::dot(m.normals[v], eye - m.positions[v]) > 0.0f;
        best = AreaAnchor{m.positions[v], faces};
      }
    }
  }
  return best;
}

std::string display_name(const std::string& mesh_name) {
  std::string s = mesh_name;
  if (const auto dot = s.find('.'); dot != std::string::npos) s = s.substr(dot + 1);
  for (char& c : s)
    if (c == '-' || c == '_') c = ' ';
  return s;
}

}  // namespace effleura::anatomy
