// MeshLegSurface (leg_surface.hpp): the surface fitted to a model's skin mesh by ray casting.
#include "anatomy/leg_surface.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

#include <glm/geometric.hpp>
#include <glm/trigonometric.hpp>

#include "anatomy/model.hpp"
#include "anatomy/surface_math.hpp"
#include "core/frame.hpp"

namespace effleura::anatomy {

using namespace surface_math;

namespace {

constexpr int kSoleU = 41;
constexpr int kSoleV = 21;

// The sole's height under each point of the analytic outline: the lowest skin hit of a vertical
// ray, among triangles below the ankle. Points off the foot (no hit) take the nearest hit in
// their row, rows past the toes the nearest row.
std::vector<float> sole_heights(const Model& model, const FootShape& foot) {
  struct Tri {
    glm::vec3 a, b, c;
  };
  std::vector<Tri> tris;
  for (const Mesh& m : model.meshes) {
    if (m.layer != Layer::skin) continue;
    for (std::size_t t = 0; t + 2 < m.indices.size(); t += 3) {
      const glm::vec3& a = m.positions[m.indices[t]];
      const glm::vec3& b = m.positions[m.indices[t + 1]];
      const glm::vec3& c = m.positions[m.indices[t + 2]];
      if (std::min({a.y, b.y, c.y}) < frame::kAnkleCentre.y - 0.01f) tris.push_back({a, b, c});
    }
  }
  const float nan = std::numeric_limits<float>::quiet_NaN();
  std::vector<float> h(static_cast<std::size_t>(kSoleU * kSoleV), nan);
  for (int i = 0; i < kSoleU; ++i)
    for (int j = 0; j < kSoleV; ++j) {
      const float u = static_cast<float>(i) / (kSoleU - 1);
      const float v = -1.0f + 2.0f * static_cast<float>(j) / (kSoleV - 1);
      const glm::vec3 p = foot.rest_point(u, v);
      float best = nan;
      for (const Tri& t : tris) {
        const float d = (t.b.z - t.c.z) * (t.a.x - t.c.x) + (t.c.x - t.b.x) * (t.a.z - t.c.z);
        if (std::abs(d) < 1e-12f) continue;
        const float l1 = ((t.b.z - t.c.z) * (p.x - t.c.x) + (t.c.x - t.b.x) * (p.z - t.c.z)) / d;
        const float l2 = ((t.c.z - t.a.z) * (p.x - t.c.x) + (t.a.x - t.c.x) * (p.z - t.c.z)) / d;
        const float l3 = 1.0f - l1 - l2;
        if (l1 < 0.0f || l2 < 0.0f || l3 < 0.0f) continue;
        const float y = l1 * t.a.y + l2 * t.b.y + l3 * t.c.y;
        if (y < frame::kAnkleCentre.y && !(y >= best)) best = y;
      }
      h[static_cast<std::size_t>(i * kSoleV + j)] = best;
    }
  std::vector<bool> row_ok(kSoleU, false);
  for (int i = 0; i < kSoleU; ++i) {
    float* row = &h[static_cast<std::size_t>(i * kSoleV)];
    for (int j = 0; j < kSoleV; ++j) {
      if (!std::isnan(row[j])) continue;
      for (int k = 1; k < kSoleV; ++k) {
        if (j - k >= 0 && !std::isnan(row[j - k])) {
          row[j] = row[j - k];
          break;
        }
        if (j + k < kSoleV && !std::isnan(row[j + k])) {
          row[j] = row[j + k];
          break;
        }
      }
    }
    row_ok[static_cast<std::size_t>(i)] = !std::isnan(row[0]);
  }
  for (int i = 0; i < kSoleU; ++i) {
    if (row_ok[static_cast<std::size_t>(i)]) continue;
    int src = -1;
    for (int k = 1; k < kSoleU && src < 0; ++k) {
      if (i - k >= 0 && row_ok[static_cast<std::size_t>(i - k)]) src = i - k;
      else if (i + k < kSoleU && row_ok[static_cast<std::size_t>(i + k)]) src = i + k;
    }
    if (src < 0) return {};  // no foot at all: keep the analytic sole
    std::copy_n(&h[static_cast<std::size_t>(src * kSoleV)], kSoleV, &h[static_cast<std::size_t>(i * kSoleV)]);
  }
  return h;
}

}  // namespace

MeshLegSurface::MeshLegSurface(float min_along, float max_along, int along_samples, int around_samples)
    : LegSurface(min_along, max_along,
                 (max_along - min_along) / static_cast<float>(along_samples - 1),
                 kTwoPi / static_cast<float>(around_samples)),
      n_along_(along_samples),
      n_around_(around_samples),
      r_(static_cast<std::size_t>(along_samples) * static_cast<std::size_t>(around_samples),
         std::numeric_limits<float>::quiet_NaN()) {}

Expected<MeshLegSurface> MeshLegSurface::build(const Model& model, int along_samples,
                                               int around_samples) {
  if (along_samples < 4 || around_samples < 8)
    return fail("leg surface grid too coarse (need at least 4 x 8 samples)", model.source);
  float ymin = std::numeric_limits<float>::max();
  float ymax = std::numeric_limits<float>::lowest();
  bool any = false;
  for (const Mesh& m : model.meshes) {
    if (m.layer != Layer::skin) continue;
    for (const glm::vec3& p : m.positions) {
      ymin = std::min(ymin, p.y);
      ymax = std::max(ymax, p.y);
      any = true;
    }
  }
  if (!any) return fail("model has no skin mesh (a mesh named \"skin\" or \"skin.*\")", model.source);
  const float lo = std::max(kLegAlongMin, ymin + 0.005f);
  const float hi = std::min(kLegAlongMax, ymax - 0.005f);
  if (hi - lo < 0.1f)
    return fail("skin mesh spans too little height for a leg (" + std::to_string(hi - lo) + " m)",
                model.source);

  MeshLegSurface out(lo, hi, along_samples, around_samples);
  // The sole sits on the lowest skin in front of the ankle, when the mesh has a foot at all.
  float sole = std::numeric_limits<float>::max();
  for (const Mesh& m : model.meshes) {
    if (m.layer != Layer::skin) continue;
    for (const glm::vec3& p : m.positions)
      if (p.z > frame::kAnkleCentre.z + 0.04f && p.y < frame::kAnkleCentre.y) sole = std::min(sole, p.y);
  }
  if (sole < frame::kAnkleCentre.y) {
    out.foot_.set_floor(sole);
    out.foot_.set_sole_heights(kSoleU, kSoleV, sole_heights(model, out.foot_));
  }

  struct Segment {
    float x0, z0, x1, z1;
  };
  std::vector<Segment> segments;
  std::vector<float> hits;
  for (int i = 0; i < along_samples; ++i) {
    const float y = lo + (hi - lo) * static_cast<float>(i) / static_cast<float>(along_samples - 1);
    segments.clear();
    for (const Mesh& m : model.meshes) {
      if (m.layer != Layer::skin) continue;
      for (std::size_t t = 0; t + 2 < m.indices.size(); t += 3) {
        const glm::vec3& a = m.positions[m.indices[t]];
        const glm::vec3& b = m.positions[m.indices[t + 1]];
        const glm::vec3& c = m.positions[m.indices[t + 2]];
        if (std::min({a.y, b.y, c.y}) > y || std::max({a.y, b.y, c.y}) < y) continue;
        std::array<glm::vec3, 2> hit{};
        int n = 0;
        const std::array<std::pair<const glm::vec3*, const glm::vec3*>, 3> edges{
            {{&a, &b}, {&b, &c}, {&c, &a}}};
        for (const auto& [p, q] : edges) {
          if ((p->y - y) * (q->y - y) > 0.0f || p->y == q->y) continue;
          if (n == 2) break;
          const float s = (y - p->y) / (q->y - p->y);
          hit[static_cast<std::size_t>(n++)] = *p + s * (*q - *p);
        }
        if (n == 2) segments.push_back({hit[0].x, hit[0].z, hit[1].x, hit[1].z});
      }
    }
    const glm::vec3 o = axis(y);
    for (int j = 0; j < around_samples; ++j) {
      const float th = kTwoPi * static_cast<float>(j) / static_cast<float>(around_samples);
      const float dx = std::sin(th);
      const float dz = std::cos(th);
      // From inside the skin (an odd number of crossings) the first crossing is the skin; a
      // farther one may be another part (the forefoot at ankle height). From outside (the axis
      // left the section), the outermost crossing is the best guess.
      hits.clear();
      for (const Segment& s : segments) {
        // o + t d = p + u (q - p): solve the 2x2 system in x,z.
        const float ex = s.x1 - s.x0;
        const float ez = s.z1 - s.z0;
        const float den = dx * (-ez) - dz * (-ex);
        if (std::abs(den) < 1e-12f) continue;
        const float px = s.x0 - o.x;
        const float pz = s.z0 - o.z;
        const float t = (px * (-ez) - pz * (-ex)) / den;
        const float u = (dx * pz - dz * px) / den;
        if (t > 0.0f && u >= 0.0f && u <= 1.0f) hits.push_back(t);
      }
      // A ray through a shared vertex or edge meets two segments at the same distance.
      std::sort(hits.begin(), hits.end());
      hits.erase(std::unique(hits.begin(), hits.end(), [](float p, float q) { return q - p < 1e-6f; }),
                 hits.end());
      const float best = hits.empty() ? -1.0f : (hits.size() % 2 == 1 ? hits.front() : hits.back());
      if (best > 0.0f)
        out.r_[static_cast<std::size_t>(i * around_samples + j)] = best;
      else
        ++out.missed_;
    }
  }

  // Where the slice catches the forefoot (a single-shell skin at ankle height), a few rays run
  // out to the toes: more than 1.8 times the row's median radius is not the leg; refill those.
  std::vector<float> sorted;
  for (int i = 0; i < along_samples; ++i) {
    float* row = &out.r_[static_cast<std::size_t>(i * around_samples)];
    sorted.clear();
    for (int j = 0; j < around_samples; ++j)
      if (!std::isnan(row[j])) sorted.push_back(row[j]);
    if (sorted.empty()) continue;
    std::nth_element(sorted.begin(), sorted.begin() + static_cast<std::ptrdiff_t>(sorted.size() / 2), sorted.end());
    const float median = sorted[sorted.size() / 2];
    for (int j = 0; j < around_samples; ++j)
      if (!std::isnan(row[j]) && row[j] > 1.8f * median) {
        row[j] = std::numeric_limits<float>::quiet_NaN();
        ++out.missed_;
      }
  }

  // Fill missed rays from the nearest hits in the same row, then empty rows from neighbours.
  std::vector<bool> row_ok(static_cast<std::size_t>(along_samples), false);
  for (int i = 0; i < along_samples; ++i) {
    float* row = &out.r_[static_cast<std::size_t>(i * around_samples)];
    if (std::all_of(row, row + around_samples, [](float v) { return std::isnan(v); })) continue;
    row_ok[static_cast<std::size_t>(i)] = true;
    for (int j = 0; j < around_samples; ++j) {
      if (!std::isnan(row[j])) continue;
      int before = -1, after = -1;
      for (int k = 1; k < around_samples && (before < 0 || after < 0); ++k) {
        if (before < 0 && !std::isnan(row[(j - k + around_samples) % around_samples])) before = k;
        if (after < 0 && !std::isnan(row[(j + k) % around_samples])) after = k;
      }
      const float rb = row[(j - before + around_samples) % around_samples];
      const float ra = row[(j + after) % around_samples];
      row[j] = rb + (ra - rb) * static_cast<float>(before) / static_cast<float>(before + after);
    }
  }
  int any_row = -1;
  for (int i = 0; i < along_samples; ++i)
    if (row_ok[static_cast<std::size_t>(i)]) any_row = i;
  if (any_row < 0) return fail("no ray from the leg axis hit the skin mesh", model.source);
  for (int i = 0; i < along_samples; ++i) {
    if (row_ok[static_cast<std::size_t>(i)]) continue;
    int best = any_row;
    for (int k = 0; k < along_samples; ++k)
      if (row_ok[static_cast<std::size_t>(k)] && std::abs(k - i) < std::abs(best - i)) best = k;
    std::copy_n(&out.r_[static_cast<std::size_t>(best * around_samples)], around_samples,
                &out.r_[static_cast<std::size_t>(i * around_samples)]);
  }
  out.heel_ = HeelShape::build(model, out.min_along());
  return out;
}

float MeshLegSurface::radius(float along, float around) const {
  const float a = std::clamp(along, min_along(), max_along());
  const float x = (a - min_along()) / (max_along() - min_along()) * static_cast<float>(n_along_ - 1);
  const int i = std::min(static_cast<int>(x), n_along_ - 2);
  const float fx = x - static_cast<float>(i);
  const float y = wrap_angle(around) / kTwoPi * static_cast<float>(n_around_);
  const int j = std::min(static_cast<int>(y), n_around_ - 1);
  const float fy = y - static_cast<float>(j);
  const int j1 = (j + 1) % n_around_;
  auto at = [&](int row, int col) { return r_[static_cast<std::size_t>(row * n_around_ + col)]; };
  const float r0 = at(i, j) * (1.0f - fy) + at(i, j1) * fy;
  const float r1 = at(i + 1, j) * (1.0f - fy) + at(i + 1, j1) * fy;
  return r0 * (1.0f - fx) + r1 * fx;
}

}  // namespace effleura::anatomy
