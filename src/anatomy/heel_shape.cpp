// HeelShape (leg_surface.hpp): the heel's sections, sampled from the skin mesh below the leg's.
#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

#include <glm/geometric.hpp>

#include "anatomy/leg_surface.hpp"
#include "anatomy/model.hpp"
#include "anatomy/surface_math.hpp"

namespace effleura::anatomy {

using namespace surface_math;

namespace {

// Below the leg's lowest section the centre moves back this far (m) over kCentreDrop: the
// heel's sections are star-shaped about a point over the heel pad, 2.5 cm behind the ankle's
// axis. About the ankle's axis the lowest ones are not: under the arch it lies outside them.
constexpr float kCentreBack = 0.025f;
constexpr float kCentreDrop = 0.03f;

struct Segment {
  float x0, z0, b0, x1, z1, b1;  // ends in the section, with the skin's ankle blend at each
};

struct Triangle {
  std::array<glm::vec3, 3> p;
  std::array<float, 3> blend;
};

// The skin triangles reaching below kTurnTop, with each corner's ankle blend (0 where the mesh
// has none: shaders/model.vert then turns nothing either).
std::vector<Triangle> low_skin(const Model& model) {
  std::vector<Triangle> out;
  for (const Mesh& m : model.meshes) {
    if (m.layer != Layer::skin) continue;
    const bool blends = m.ankle_blend.size() == m.positions.size();
    for (std::size_t t = 0; t + 2 < m.indices.size(); t += 3) {
      Triangle tri{};
      for (std::size_t k = 0; k < 3; ++k) {
        tri.p[k] = m.positions[m.indices[t + k]];
        tri.blend[k] = blends ? m.ankle_blend[m.indices[t + k]] : 0.0f;
      }
      if (std::min({tri.p[0].y, tri.p[1].y, tri.p[2].y}) < HeelShape::kTurnTop) out.push_back(tri);
    }
  }
  return out;
}

void section(const std::vector<Triangle>& tris, float y, std::vector<Segment>& out) {
  out.clear();
  for (const Triangle& t : tris) {
    std::array<float, 6> hit{};
    int n = 0;
    for (std::size_t e = 0; e < 3 && n < 2; ++e) {
      const glm::vec3& p = t.p[e];
      const glm::vec3& q = t.p[(e + 1) % 3];
      if ((p.y - y) * (q.y - y) > 0.0f || p.y == q.y) continue;
      const float s = (y - p.y) / (q.y - p.y);
      const std::size_t o = static_cast<std::size_t>(3 * n++);
      hit[o] = p.x + s * (q.x - p.x);
      hit[o + 1] = p.z + s * (q.z - p.z);
      hit[o + 2] = t.blend[e] + s * (t.blend[(e + 1) % 3] - t.blend[e]);
    }
    if (n == 2) out.push_back({hit[0], hit[1], hit[2], hit[3], hit[4], hit[5]});
  }
}

}  // namespace

glm::vec3 HeelShape::centre(float y) const {
  if (y >= join_) return LegSurface::axis(y);
  const float t = std::clamp((join_ - y) / kCentreDrop, 0.0f, 1.0f);
  glm::vec3 c = LegSurface::axis(join_);
  c.z -= kCentreBack * t;
  c.y = y;
  return c;
}

HeelShape HeelShape::build(const Model& model, float join) {
  const std::vector<Triangle> tris = low_skin(model);
  float lowest = std::numeric_limits<float>::max();
  for (const Triangle& t : tris)
    for (const glm::vec3& p : t.p) lowest = std::min(lowest, p.y);
  HeelShape out;
  if (tris.empty() || !(lowest < join - kRowStep)) return out;
  const float bottom = lowest + 0.0005f;  // the lowest section must cut the mesh
  const int rows = static_cast<int>(std::ceil((kTurnTop - bottom) / kRowStep)) + 1;
  const float nan = std::numeric_limits<float>::quiet_NaN();
  std::vector<float> r(static_cast<std::size_t>(rows * kAround), nan), share(r.size(), nan);
  out.bottom_ = bottom;
  out.join_ = join;
  std::vector<Segment> segments;
  std::vector<std::pair<float, float>> hits;  // distance, blend
  for (int i = 0; i < rows; ++i) {
    const float y = bottom + (kTurnTop - bottom) * static_cast<float>(i) / static_cast<float>(rows - 1);
    section(tris, y, segments);
    const glm::vec3 o = out.centre(y);
    for (int j = 0; j < kAround; ++j) {
      const glm::vec3 d = direction(kTwoPi * static_cast<float>(j) / kAround);
      hits.clear();
      for (const Segment& s : segments) {
        const float ex = s.x1 - s.x0, ez = s.z1 - s.z0;
        const float den = d.x * (-ez) - d.z * (-ex);
        if (std::abs(den) < 1e-12f) continue;
        const float px = s.x0 - o.x, pz = s.z0 - o.z;
        const float t = (px * (-ez) - pz * (-ex)) / den;
        const float u = (d.x * pz - d.z * px) / den;
        if (t > 0.0f && u >= 0.0f && u <= 1.0f) hits.emplace_back(t, s.b0 + u * (s.b1 - s.b0));
      }
      // As the leg's grid: from inside (odd crossings) the first is the skin, from outside the
      // outermost; a ray through a shared edge meets two segments at the same distance.
      std::sort(hits.begin(), hits.end());
      hits.erase(std::unique(hits.begin(), hits.end(), [](const auto& p, const auto& q) { return q.first - p.first < 1e-6f; }),
                 hits.end());
      if (hits.empty()) continue;
      const auto& best = hits.size() % 2 == 1 ? hits.front() : hits.back();
      r[static_cast<std::size_t>(i * kAround + j)] = best.first;
      share[static_cast<std::size_t>(i * kAround + j)] = std::clamp(best.second, 0.0f, 1.0f);
    }
  }
  // Missed rays from their row's nearest hits; rows with none from the nearest row with some.
  std::vector<bool> row_ok(static_cast<std::size_t>(rows), false);
  for (int i = 0; i < rows; ++i) {
    float* rr = &r[static_cast<std::size_t>(i * kAround)];
    float* ss = &share[static_cast<std::size_t>(i * kAround)];
    if (std::all_of(rr, rr + kAround, [](float v) { return std::isnan(v); })) continue;
    row_ok[static_cast<std::size_t>(i)] = true;
    for (int j = 0; j < kAround; ++j) {
      if (!std::isnan(rr[j])) continue;
      int before = 1, after = 1;
      while (std::isnan(rr[(j - before + kAround) % kAround])) ++before;
      while (std::isnan(rr[(j + after) % kAround])) ++after;
      const float w = static_cast<float>(before) / static_cast<float>(before + after);
      const int jb = (j - before + kAround) % kAround, ja = (j + after) % kAround;
      rr[j] = rr[jb] + (rr[ja] - rr[jb]) * w;
      ss[j] = ss[jb] + (ss[ja] - ss[jb]) * w;
    }
  }
  if (std::none_of(row_ok.begin(), row_ok.end(), [](bool b) { return b; })) return {};
  for (int i = 0; i < rows; ++i) {
    if (row_ok[static_cast<std::size_t>(i)]) continue;
    int best = -1;
    for (int k = 0; k < rows; ++k)
      if (row_ok[static_cast<std::size_t>(k)] && (best < 0 || std::abs(k - i) < std::abs(best - i))) best = k;
    std::copy_n(&r[static_cast<std::size_t>(best * kAround)], kAround, &r[static_cast<std::size_t>(i * kAround)]);
    std::copy_n(&share[static_cast<std::size_t>(best * kAround)], kAround, &share[static_cast<std::size_t>(i * kAround)]);
  }
  out.rows_ = rows;
  out.r_ = std::move(r);
  out.share_ = std::move(share);
  return out;
}

bool HeelShape::set(float bottom, float join, int rows, std::vector<float> radii, std::vector<float> shares) {
  if (!std::isfinite(bottom) || !std::isfinite(join) || !(bottom < join) || !(join < kTurnTop) || rows < 2 ||
      rows > 100000 || radii.size() != static_cast<std::size_t>(rows) * kAround || shares.size() != radii.size())
    return false;
  for (std::size_t k = 0; k < radii.size(); ++k)
    if (!(radii[k] > 0.0f) || !std::isfinite(radii[k]) || !(shares[k] >= 0.0f && shares[k] <= 1.0f)) return false;
  bottom_ = bottom;
  join_ = join;
  rows_ = rows;
  r_ = std::move(radii);
  share_ = std::move(shares);
  return true;
}

float HeelShape::sample(const std::vector<float>& grid, float y, float around) const {
  const float x = (std::clamp(y, bottom_, kTurnTop) - bottom_) / (kTurnTop - bottom_) * static_cast<float>(rows_ - 1);
  const int i = std::min(static_cast<int>(x), rows_ - 2);
  const float fx = x - static_cast<float>(i);
  const float a = wrap_angle(around) / kTwoPi * static_cast<float>(kAround);
  const int j = std::min(static_cast<int>(a), kAround - 1);
  const float fa = a - static_cast<float>(j);
  const int j1 = (j + 1) % kAround;
  auto at = [&](int row, int col) { return grid[static_cast<std::size_t>(row * kAround + col)]; };
  const float g0 = at(i, j) + (at(i, j1) - at(i, j)) * fa;
  const float g1 = at(i + 1, j) + (at(i + 1, j1) - at(i + 1, j)) * fa;
  return g0 + (g1 - g0) * fx;
}

float HeelShape::radius(float y, float around) const { return sample(r_, y, around); }

float HeelShape::turn_share(float y, float around) const { return sample(share_, y, around); }

float HeelShape::radial_outside(const glm::vec3& point) const {
  const float y = std::clamp(point.y, bottom_, kTurnTop);
  const glm::vec3 c = centre(y);
  const glm::vec2 out(point.x - c.x, point.z - c.z);
  const float d = glm::length(out) - radius(y, std::atan2(out.x, out.y));
  return std::max(d, bottom_ - point.y);
}

SurfaceFrame HeelShape::frame(float y, float around) const {
  const float a = std::clamp(y, bottom_, kTurnTop);
  auto at = [&](float yy, float t) {
    const float c = std::clamp(yy, bottom_, kTurnTop);
    return centre(c) + radius(c, t) * direction(t);
  };
  constexpr float ht = kTwoPi / kAround;
  SurfaceFrame f;
  f.position = at(a, around);
  const float lo = std::max(a - kRowStep, bottom_), hi = std::min(a + kRowStep, kTurnTop);
  f.d_first = (at(hi, around) - at(lo, around)) / (hi - lo);
  f.d_second = (at(a, around + ht) - at(a, around - ht)) / (2.0f * ht);
  f.normal = glm::normalize(glm::cross(f.d_second, f.d_first));
  return f;
}

}  // namespace effleura::anatomy
