#include "forge/shape.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include <glm/geometric.hpp>
#include <glm/gtc/constants.hpp>
#include <glm/mat3x3.hpp>

namespace effleura::forge {
namespace {

float dot2(const glm::vec3& v) { return glm::dot(v, v); }
float sgn(float v) { return v < 0.0f ? -1.0f : (v > 0.0f ? 1.0f : 0.0f); }

// Exact distance to the hull of two spheres (Inigo Quilez's round cone).
float round_cone(const glm::vec3& p, const ChainPoint& a, const ChainPoint& b) {
  const glm::vec3 ba = b.p - a.p;
  const float l2 = glm::dot(ba, ba);
  if (l2 < 1e-12f) return glm::length(p - a.p) - std::max(a.r, b.r);
  const float rr = a.r - b.r;
  const float a2 = l2 - rr * rr;
  if (a2 <= 0.0f)  // one sphere swallows the other
    return std::min(glm::length(p - a.p) - a.r, glm::length(p - b.p) - b.r);
  const float il2 = 1.0f / l2;
  const glm::vec3 pa = p - a.p;
  const float y = glm::dot(pa, ba);
  const float z = y - l2;
  const float x2 = dot2(pa * l2 - ba * y);
  const float y2 = y * y * l2;
  const float z2 = z * z * l2;
  const float k = sgn(rr) * rr * rr * x2;
  if (sgn(z) * a2 * z2 > k) return std::sqrt(x2 + z2) * il2 - b.r;
  if (sgn(y) * a2 * y2 < k) return std::sqrt(x2 + y2) * il2 - a.r;
  return (std::sqrt(x2 * a2 * il2) + y * rr) * il2 - a.r;
}

// Unsigned distance to a triangle (Inigo Quilez).
float triangle_distance(const glm::vec3& p, const glm::vec3& a, const glm::vec3& b,
                        const glm::vec3& c) {
  const glm::vec3 ba = b - a, pa = p - a, cb = c - b, pb = p - b, ac = a - c, pc = p - c;
  const glm::vec3 nor = glm::cross(ba, ac);
  const float s = sgn(glm::dot(glm::cross(ba, nor), pa)) + sgn(glm::dot(glm::cross(cb, nor), pb)) +
                  sgn(glm::dot(glm::cross(ac, nor), pc));
  float d2 = 0.0f;
  if (s < 2.0f) {
    d2 = std::min({dot2(ba * std::clamp(glm::dot(ba, pa) / dot2(ba), 0.0f, 1.0f) - pa),
                   dot2(cb * std::clamp(glm::dot(cb, pb) / dot2(cb), 0.0f, 1.0f) - pb),
                   dot2(ac * std::clamp(glm::dot(ac, pc) / dot2(ac), 0.0f, 1.0f) - pc)});
  } else {
    const float n2 = dot2(nor);
    d2 = n2 > 0.0f ? glm::dot(nor, pa) * glm::dot(nor, pa) / n2 : dot2(pa);
  }
  return std::sqrt(d2);
}

glm::mat3 rotation(const glm::vec3& deg) {
  const glm::vec3 r = deg * (glm::pi<float>() / 180.0f);
  const float cx = std::cos(r.x), sx = std::sin(r.x), cy = std::cos(r.y), sy = std::sin(r.y),
              cz = std::cos(r.z), sz = std::sin(r.z);
  const glm::mat3 rx(1, 0, 0, 0, cx, sx, 0, -sx, cx);
  const glm::mat3 ry(cy, 0, -sy, 0, 1, 0, sy, 0, cy);
  const glm::mat3 rz(cz, sz, 0, -sz, cz, 0, 0, 0, 1);
  return rz * ry * rx;
}

// Cones per bounding sphere in Chain::groups.
constexpr std::size_t kChainGroup = 4;

float segment_param(const glm::vec3& p, const glm::vec3& a, const glm::vec3& b) {
  const glm::vec3 ab = b - a;
  const float l2 = glm::dot(ab, ab);
  return l2 > 0.0f ? std::clamp(glm::dot(p - a, ab) / l2, 0.0f, 1.0f) : 0.0f;
}

}  // namespace

float smooth_min(float a, float b, float k) {
  if (k <= 0.0f) return std::min(a, b);
  const float h = std::max(k - std::abs(a - b), 0.0f) / k;
  return std::min(a, b) - h * h * k * 0.25f;
}

bool Box::contains(const glm::vec3& p, float margin) const {
  return p.x >= min.x - margin && p.y >= min.y - margin && p.z >= min.z - margin &&
         p.x <= max.x + margin && p.y <= max.y + margin && p.z <= max.z + margin;
}

void Box::grow(const glm::vec3& p, float r) {
  min = glm::min(min, p - glm::vec3(r));
  max = glm::max(max, p + glm::vec3(r));
}

void index_chain(Chain& c) {
  c.groups.clear();
  for (std::size_t first = 0; first + 1 < c.points.size(); first += kChainGroup) {
    const std::size_t last = std::min(first + kChainGroup, c.points.size() - 1);
    const glm::vec3 centre = 0.5f * (c.points[first].p + c.points[last].p);
    float radius = 0.0f;
    for (std::size_t i = first; i <= last; ++i)
      radius = std::max(radius, glm::length(c.points[i].p - centre) + c.points[i].r);
    c.groups.emplace_back(centre, radius);
  }
}

float chain_distance(const Chain& c, const glm::vec3& p, float above) {
  if (c.points.size() == 1) return glm::length(p - c.points[0].p) - c.points[0].r;
  const std::size_t cones = c.points.size() - 1;
  auto run = [&](std::size_t first, std::size_t last, float d) {
    for (std::size_t i = first; i < last; ++i) d = std::min(d, round_cone(p, c.points[i], c.points[i + 1]));
    return d;
  };
  if (c.groups.size() != (cones + kChainGroup - 1) / kChainGroup) return run(0, cones, std::numeric_limits<float>::max());
  // Chains are resampled into many short cones (description.cpp). The run of cones whose
  // bounding sphere is nearest goes first; a run whose sphere lies farther than the nearest
  // cone found so far cannot lower the minimum, so the exact distances are only computed
  // near the point.
  auto lower_bound = [&](std::size_t g) { return glm::length(p - glm::vec3(c.groups[g])) - c.groups[g].w; };
  std::size_t nearest = 0;
  float nearest_bound = std::numeric_limits<float>::max();
  for (std::size_t g = 0; g < c.groups.size(); ++g)
    if (const float b = lower_bound(g); b < nearest_bound) {
      nearest_bound = b;
      nearest = g;
    }
  if (nearest_bound >= above) return above;  // no run comes nearer than `above`
  float d = run(nearest * kChainGroup, std::min((nearest + 1) * kChainGroup, cones), above);
  for (std::size_t g = 0; g < c.groups.size(); ++g)
    if (g != nearest && lower_bound(g) < d) d = run(g * kChainGroup, std::min((g + 1) * kChainGroup, cones), d);
  return d;
}

float ellipsoid_distance(const Ellipsoid& e, const glm::vec3& p) {
  // Local frame: the inverse rotation is the transpose.
  const glm::vec3 q = glm::transpose(rotation(e.rotate_deg)) * (p - e.centre);
  const float k0 = glm::length(q / e.radii);
  const float k1 = glm::length(q / (e.radii * e.radii));
  if (k1 <= 0.0f) return -std::min({e.radii.x, e.radii.y, e.radii.z});
  return k0 * (k0 - 1.0f) / k1;
}

float sheet_distance(const Sheet& s, const glm::vec3& p, float above) {
  float d = above;
  for (std::size_t i = 0; i + 1 < s.points.size(); ++i) {
    // A segment whose bounding sphere lies farther than the nearest segment so far cannot
    // lower the minimum (sheets are resampled into many short segments).
    const glm::vec3 mid = 0.5f * (s.points[i] + s.points[i + 1]);
    const float reach = 0.5f * glm::length(s.points[i + 1] - s.points[i]) +
                        std::max(glm::length(s.across[i]), glm::length(s.across[i + 1])) +
                        std::max(s.half_at(i), s.half_at(i + 1));
    if (glm::length(p - mid) - reach >= d) continue;
    const glm::vec3 a0 = s.points[i] - s.across[i], a1 = s.points[i] + s.across[i];
    const glm::vec3 b0 = s.points[i + 1] - s.across[i + 1], b1 = s.points[i + 1] + s.across[i + 1];
    const float surface = std::min(triangle_distance(p, a0, a1, b1), triangle_distance(p, a0, b1, b0));
    // Thinner toward the edges (a lens, not a slab): real bands taper, and a slab's flat
    // faces are where mesh simplification folds triangles over.
    const float t = segment_param(p, s.points[i], s.points[i + 1]);
    const glm::vec3 centre = s.points[i] + (s.points[i + 1] - s.points[i]) * t;
    const glm::vec3 across = s.across[i] + (s.across[i + 1] - s.across[i]) * t;
    const float w2 = std::max(glm::dot(across, across), 1e-12f);
    const float f = std::min(1.0f, glm::dot(p - centre, across) * glm::dot(p - centre, across) / (w2 * w2));
    const float half = s.half.empty() ? s.thickness : s.half[i] + (s.half[i + 1] - s.half[i]) * t;
    d = std::min(d, surface - half * (1.0f - 0.6f * f));
  }
  return d;
}

float Shape::distance(const glm::vec3& p) const {
  float d = std::numeric_limits<float>::max();
  bool first = true;
  auto add = [&](float v) {
    d = first ? v : smooth_min(d, v, blend);
    first = false;
  };
  // A chain or sheet at 2 x blend or more beyond the union so far leaves it as it is, to the bit
  // (smooth_min returns min(a, b) exactly once they differ by blend, and the margin keeps
  // rounding from bringing `above` within blend of d): such parts are skipped, or cut short,
  // instead of computed exactly. The skin field spent three quarters of the committed leg's
  // forge in chain, sheet and triangle distances.
  auto above = [&] { return first ? std::numeric_limits<float>::max() : d + 2.0f * blend; };
  for (const auto& c : chains) add(chain_distance(c, p, above()));
  for (const auto& e : ellipsoids) add(ellipsoid_distance(e, p));
  for (const auto& s : sheets) add(sheet_distance(s, p, above()));
  // A carve's edge is rounded over a tenth of the blend, so a socket keeps a crisp rim.
  for (const auto& c : carves) d = -smooth_min(-d, ellipsoid_distance(c, p), 0.1f * blend);
  return d;
}

float Shape::lower_bound(const glm::vec3& p) const {
  float lb = std::numeric_limits<float>::max();
  std::size_t parts = 0;
  for (const auto& c : chains) {
    ++parts;
    const std::size_t cones = c.points.size() - 1;
    if (c.points.size() < 2 || c.groups.size() != (cones + kChainGroup - 1) / kChainGroup) {
      for (const auto& q : c.points) lb = std::min(lb, glm::length(p - q.p) - q.r);  // spheres inside their cones
      if (c.points.size() >= 2) return std::numeric_limits<float>::lowest();      // unindexed: no bound
      continue;
    }
    for (const auto& g : c.groups) lb = std::min(lb, glm::length(p - glm::vec3(g)) - g.w);
  }
  for (const auto& e : ellipsoids) {
    ++parts;
    // ellipsoid_distance's estimate k0 (k0 - 1) / k1, with k0 >= |q| / r_max and k1 <= k0 / r_min:
    // at least (|q| / r_max - 1) r_min outside, -r_max inside.
    const float r_max = std::max({e.radii.x, e.radii.y, e.radii.z}), r_min = std::min({e.radii.x, e.radii.y, e.radii.z});
    const float q = glm::length(p - e.centre);
    lb = std::min(lb, q > r_max ? (q / r_max - 1.0f) * r_min : -r_max);
  }
  for (const auto& s : sheets) {
    ++parts;
    for (std::size_t i = 0; i + 1 < s.points.size(); ++i) {
      const glm::vec3 mid = 0.5f * (s.points[i] + s.points[i + 1]);
      const float reach = 0.5f * glm::length(s.points[i + 1] - s.points[i]) +
                          std::max(glm::length(s.across[i]), glm::length(s.across[i + 1])) + std::max(s.half_at(i), s.half_at(i + 1));
      lb = std::min(lb, glm::length(p - mid) - reach);
    }
  }
  // Each smooth_min takes at most a quarter of the blend off the smaller of its two; carves only add.
  return lb - 0.25f * blend * static_cast<float>(parts > 0 ? parts - 1 : 0);
}

Box Shape::bounds() const {
  Box b{glm::vec3(std::numeric_limits<float>::max()), glm::vec3(std::numeric_limits<float>::lowest())};
  for (const auto& c : chains)
    for (const auto& q : c.points) b.grow(q.p, q.r);
  for (const auto& e : ellipsoids) b.grow(e.centre, std::max({e.radii.x, e.radii.y, e.radii.z}));
  for (const auto& s : sheets)
    for (std::size_t i = 0; i < s.points.size(); ++i)
      b.grow(s.points[i], glm::length(s.across[i]) + s.half_at(i));
  return b;
}

glm::vec3 Shape::direction_at(const glm::vec3& p) const {
  float best = std::numeric_limits<float>::max();
  glm::vec3 dir(0.0f, 1.0f, 0.0f);
  auto consider = [&](const glm::vec3& a, const glm::vec3& b) {
    const glm::vec3 ab = b - a;
    if (glm::dot(ab, ab) < 1e-12f) return;
    const float t = segment_param(p, a, b);
    const float dd = glm::length(p - (a + ab * t));
    if (dd < best) {
      best = dd;
      dir = glm::normalize(ab);
    }
  };
  for (const auto& c : chains)
    for (std::size_t i = 0; i + 1 < c.points.size(); ++i) consider(c.points[i].p, c.points[i + 1].p);
  for (const auto& s : sheets)
    for (std::size_t i = 0; i + 1 < s.points.size(); ++i) consider(s.points[i], s.points[i + 1]);
  if (best == std::numeric_limits<float>::max() && !ellipsoids.empty()) {
    const Ellipsoid& e = ellipsoids.front();
    glm::vec3 axis(1.0f, 0.0f, 0.0f);
    if (e.radii.y >= e.radii.x && e.radii.y >= e.radii.z) axis = glm::vec3(0.0f, 1.0f, 0.0f);
    else if (e.radii.z >= e.radii.x) axis = glm::vec3(0.0f, 0.0f, 1.0f);
    dir = rotation(e.rotate_deg) * axis;
  }
  return dir;
}

void Shape::scale(float s) {
  for (auto& c : chains) {
    for (auto& q : c.points) {
      q.p *= s;
      q.r *= s;
    }
    for (auto& g : c.groups) g *= s;
  }
  for (auto* list : {&ellipsoids, &carves})
    for (auto& e : *list) {
      e.centre *= s;
      e.radii *= s;
    }
  for (auto& sh : sheets) {
    for (auto& q : sh.points) q *= s;
    for (auto& q : sh.across) q *= s;
    sh.thickness *= s;
    for (auto& h : sh.half) h *= s;
  }
  blend *= s;
}

}  // namespace effleura::forge
