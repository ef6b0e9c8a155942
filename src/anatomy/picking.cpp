#include "anatomy/picking.hpp"
#include "anatomy/picking_shown.hpp"

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

PickResult pick(const Model& model, const Ray& ray) { return pick(model, ray, {}); }

PickResult pick(const Model& model, const Ray& ray, const std::function<bool(std::size_t mesh)>& shown) {
  PickResult r;
  for (std::size_t i = 0; i < model.meshes.size(); ++i) {
    if (shown && !shown(i)) continue;
    auto h = first_hit(model, i, ray);
    if (!h) continue;
    const Layer layer = model.meshes[i].layer;
    auto keep_nearer = [&](std::optional<Hit>& slot) { if (!slot || h->distance < slot->distance) slot = h; };
    keep_nearer(r.nearest);
    if (layer == Layer::skin) keep_nearer(r.skin);
    if (layer == Layer::muscle) keep_nearer(r.muscle);
    if (layer == Layer::bone) keep_nearer(r.bone);
    if (layer == Layer::vein) keep_nearer(r.vein);
    if (layer == Layer::artery) keep_nearer(r.artery);
    if (layer == Layer::nerve) keep_nearer(r.nerve);
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

std::string mesh_title(const Mesh& mesh) { return mesh.label.empty() ? display_name(mesh.name) : mesh.label; }

std::string structure_name(const Model& model, const Ray& ray, const PickResult& hit, const ShownLayers& shown) {
  const float len = glm::length(ray.direction);
  if (len <= 0.0f) return {};
  // Landmarks lie at the centre of their bony prominence, up to about 2 cm inside the bone's
  // surface: named when the ray passes within 2 cm and meets no bone surface more than 3 cm
  // in front of it (so the inner ankle bone is not named through the outer one), or, where
  // the ray meets no bone, lies within 4.5 cm beneath the skin.
  constexpr float kNear = 0.02f, kBehindBone = 0.03f, kBeneathSkin = 0.045f;
  const Hit* reference = hit.bone ? &*hit.bone : (hit.skin ? &*hit.skin : nullptr);
  const float reach = hit.bone ? kBehindBone : kBeneathSkin;
  const Landmark* best = nullptr;
  float best_off = kNear;
  if (reference)
    for (const auto& l : model.landmarks) {
      const float t = glm::dot(l.position - ray.origin, ray.direction) / (len * len);
      if (t <= 0.0f || (t - reference->distance) * len > reach) continue;
      const float off = glm::length(ray.origin + ray.direction * t - l.position);
      if (off < best_off) {
        best_off = off;
        best = &l;
      }
    }
  if (best) return best->name;
  const Hit* inner = nullptr;
  auto consider = [&](const std::optional<Hit>& h, bool on) {
    if (on && h && (!inner || h->distance < inner->distance)) inner = &*h;
  };
  consider(hit.muscle, shown.muscles);
  consider(hit.bone, shown.bones);
  consider(hit.vein, shown.veins);
  consider(hit.artery, shown.arteries);
  consider(hit.nerve, shown.nerves);
  if (inner) return mesh_title(model.meshes[inner->mesh]);
  return {};
}

std::string display_name(const std::string& mesh_name) {
  std::string s = mesh_name;
  if (const auto dot = s.find('.'); dot != std::string::npos) s = s.substr(dot + 1);
  for (char& c : s)
    if (c == '-' || c == '_') c = ' ';
  return s;
}

}  // namespace effleura::anatomy
