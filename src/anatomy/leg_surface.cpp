#include "anatomy/leg_surface.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <numbers>

#include <glm/geometric.hpp>
#include <glm/trigonometric.hpp>

#include "anatomy/model.hpp"
#include "core/frame.hpp"

namespace effleura::anatomy {
namespace {

constexpr float kTwoPi = 2.0f * std::numbers::pi_v<float>;

struct Knot {
  float x;
  float y;
};

// Monotone cubic (Fritsch-Carlson) through knots: smooth, and never overshoots a landmark,
// so a circumference maximum stays exactly where the measurement puts it.
template <std::size_t N>
float monotone(const std::array<Knot, N>& k, float x) {
  if (x <= k.front().x) return k.front().y;
  if (x >= k.back().x) return k.back().y;
  std::size_t i = 0;
  while (x > k[i + 1].x) ++i;
  auto secant = [&](std::size_t j) { return (k[j + 1].y - k[j].y) / (k[j + 1].x - k[j].x); };
  auto tangent = [&](std::size_t j) -> float {
    if (j == 0) return secant(0);
    if (j == N - 1) return secant(N - 2);
    const float a = secant(j - 1);
    const float b = secant(j);
    if (a * b <= 0.0f) return 0.0f;
    return 0.5f * (a + b);
  };
  const float h = k[i + 1].x - k[i].x;
  const float s = (x - k[i].x) / h;
  float m0 = tangent(i);
  float m1 = tangent(i + 1);
  const float d = secant(i);
  if (d == 0.0f) {
    m0 = 0.0f;
    m1 = 0.0f;
  } else {
    // alpha^2 + beta^2 <= 9 keeps the piece monotone (Fritsch-Carlson).
    m0 = std::clamp(m0 / d, 0.0f, 2.1f) * d;
    m1 = std::clamp(m1 / d, 0.0f, 2.1f) * d;
  }
  const float s2 = s * s;
  const float s3 = s2 * s;
  return (2 * s3 - 3 * s2 + 1) * k[i].y + (s3 - 2 * s2 + s) * h * m0 + (-2 * s3 + 3 * s2) * k[i + 1].y +
         (s3 - s2) * h * m1;
}

// Circumference (m) by height: ANSUR II men's means at 0.10, 0.35, 0.55, 0.85 m; the rest are
// estimates that keep the outline plausible (heel/malleoli, lower calf, below and at the knee,
// mid-thigh, gluteal region).
constexpr std::array<Knot, 10> kCircumference{{{0.07f, 0.262f},
                                                {0.10f, 0.229f},
                                                {0.18f, 0.265f},
                                                {0.35f, 0.392f},
                                                {0.44f, 0.360f},
                                                {0.49f, 0.375f},
                                                {0.55f, 0.409f},
                                                {0.70f, 0.505f},
                                                {0.85f, 0.625f},
                                                {0.95f, 0.655f}}};

// Side-to-side over front-to-back ratio of the section (estimate): malleoli and femoral
// condyles make the ankle and knee wider than deep.
constexpr std::array<Knot, 7> kAspect{{{0.07f, 1.25f},
                                        {0.10f, 1.20f},
                                        {0.20f, 1.00f},
                                        {0.35f, 0.95f},
                                        {0.49f, 1.10f},
                                        {0.60f, 1.00f},
                                        {0.95f, 1.05f}}};

float wrap_angle(float a) {
  a = std::fmod(a, kTwoPi);
  return a < 0.0f ? a + kTwoPi : a;
}

glm::vec3 direction(float around) { return {std::sin(around), 0.0f, std::cos(around)}; }

// Gauss-Newton towards the nearest point of a two-parameter surface; `frame_at` gives the
// surface frame, `clamp_first` keeps the first coordinate in range.
template <class FrameFn, class Clamp>
SurfaceProjection nearest(const FrameFn& frame_at, const Clamp& clamp_first, glm::vec3 p, float a,
                          float b) {
  for (int it = 0; it < 6; ++it) {
    const SurfaceFrame f = frame_at(a, b);
    const glm::vec3 d = p - f.position;
    const float g11 = glm::dot(f.d_first, f.d_first);
    const float g12 = glm::dot(f.d_first, f.d_second);
    const float g22 = glm::dot(f.d_second, f.d_second);
    const float r1 = glm::dot(f.d_first, d);
    const float r2 = glm::dot(f.d_second, d);
    const float det = g11 * g22 - g12 * g12;
    if (std::abs(det) < 1e-14f) break;
    const float da = (g22 * r1 - g12 * r2) / det;
    const float db = (g11 * r2 - g12 * r1) / det;
    a = clamp_first(a + da);
    b += db;
    if (std::abs(da) < 1e-6f && std::abs(db) < 1e-6f) break;
  }
  const SurfaceFrame f = frame_at(a, b);
  return {a, b, glm::dot(p - f.position, f.normal)};
}

}  // namespace

// ---------------------------------------------------------------------------------- foot

FootShape::FootShape()
    : length_(0.154f * frame::kStature), heel_z_(frame::kAnkleCentre.z - 0.06f) {}

void FootShape::set_sole_heights(int nu, int nv, std::vector<float> heights) {
  if (nu < 2 || nv < 2 || heights.size() != static_cast<std::size_t>(nu) * static_cast<std::size_t>(nv)) return;
  nu_ = nu;
  nv_ = nv;
  heights_ = std::move(heights);
}

float FootShape::height(float u, float v) const {
  if (heights_.empty()) {
    // Analytic sole (estimate): flat, with a rocker at heel and toes and rounded edges.
    const float heel = std::max(0.0f, 0.12f - u) / 0.12f;
    const float toes = std::max(0.0f, u - 0.8f) / 0.2f;
    return floor_ + 0.018f * heel * heel + 0.025f * toes * toes + 0.006f * v * v * v * v;
  }
  const float x = std::clamp(u, 0.0f, 1.0f) * static_cast<float>(nu_ - 1);
  const float y = (std::clamp(v, -1.0f, 1.0f) + 1.0f) * 0.5f * static_cast<float>(nv_ - 1);
  const int i = std::min(static_cast<int>(x), nu_ - 2);
  const int j = std::min(static_cast<int>(y), nv_ - 2);
  const float fx = x - static_cast<float>(i);
  const float fy = y - static_cast<float>(j);
  auto at = [&](int a, int b) { return heights_[static_cast<std::size_t>(a * nv_ + b)]; };
  return (at(i, j) * (1 - fy) + at(i, j + 1) * fy) * (1 - fx) + (at(i + 1, j) * (1 - fy) + at(i + 1, j + 1) * fy) * fx;
}

glm::vec3 FootShape::rest_point(float u, float v) const {
  const float z = heel_z_ + length_ * u;
  // Half width (estimate): narrow heel, widest across the ball at u ~ 0.7, rounded toe tip.
  float w = 0.0f;
  if (u <= 0.7f) {
    w = 0.030f + 0.017f * std::sin(0.5f * std::numbers::pi_v<float> * std::max(u, 0.0f) / 0.7f);
  } else {
    const float s = std::min((u - 0.7f) / 0.3f, 1.0f);
    w = 0.047f - 0.027f * s * s;
  }
  const float cx = frame::kAnkleCentre.x + 0.012f * u;  // the foot points slightly outward
  return {cx + v * w, height(u, v), z};
}

SurfaceFrame FootShape::sole(float u, float v, float ankle_deg) const {
  const float phi = glm::radians(ankle_deg);
  const float c = std::cos(phi);
  const float s = std::sin(phi);
  const glm::vec3 a = frame::kAnkleCentre;
  // Dorsiflexion turns +Z (toes) toward +Y about the lateral axis through the ankle.
  auto rotate = [&](glm::vec3 q) {
    return glm::vec3(q.x, q.y * c + q.z * s, -q.y * s + q.z * c);
  };
  // A measured sole is bilinear: differences one cell wide keep its normals continuous.
  const float hu = heights_.empty() ? 0.002f : 1.0f / static_cast<float>(nu_ - 1);
  const float hv = heights_.empty() ? 0.01f : 2.0f / static_cast<float>(nv_ - 1);
  SurfaceFrame f;
  f.position = a + rotate(rest_point(u, v) - a);
  f.d_first = rotate((rest_point(u + hu, v) - rest_point(u - hu, v)) / (2.0f * hu));
  f.d_second = rotate((rest_point(u, v + hv) - rest_point(u, v - hv)) / (2.0f * hv));
  f.normal = glm::normalize(glm::cross(f.d_second, f.d_first));  // points out of the sole
  return f;
}

SurfaceProjection FootShape::project_sole(const glm::vec3& point, float ankle_deg) const {
  const float u0 = std::clamp((point.z - heel_z_) / length_, 0.0f, 1.0f);
  const float v0 = std::clamp((point.x - frame::kAnkleCentre.x) / 0.045f, -1.0f, 1.0f);
  return nearest([&](float u, float v) { return sole(u, v, ankle_deg); },
                 [](float u) { return std::clamp(u, 0.0f, 1.0f); }, point, u0, v0);
}

// ----------------------------------------------------------------------------------- leg

LegSurface::LegSurface(float min_along, float max_along, float step_along, float step_around)
    : min_along_(min_along), max_along_(max_along), step_along_(step_along), step_around_(step_around) {}

glm::vec3 LegSurface::axis(float along) {
  // Quadratic through ankle, knee and hip centres (smooth, no kink at the knee).
  const float y0 = frame::kAnkleCentre.y;
  const float y1 = frame::kKneeCentre.y;
  const float y2 = frame::kHipCentre.y;
  const float l0 = (along - y1) * (along - y2) / ((y0 - y1) * (y0 - y2));
  const float l1 = (along - y0) * (along - y2) / ((y1 - y0) * (y1 - y2));
  const float l2 = (along - y0) * (along - y1) / ((y2 - y0) * (y2 - y1));
  const glm::vec3 c = l0 * frame::kAnkleCentre + l1 * frame::kKneeCentre + l2 * frame::kHipCentre;
  return {c.x, along, c.z};
}

SurfaceFrame LegSurface::frame(float along, float around) const {
  const float a = std::clamp(along, min_along_, max_along_);
  const float r = radius(a, around);
  const float ra = (radius(a + step_along_, around) - radius(a - step_along_, around)) /
                   (2.0f * step_along_);
  const float rt = (radius(a, around + step_around_) - radius(a, around - step_around_)) /
                   (2.0f * step_around_);
  constexpr float ha = 0.01f;
  const glm::vec3 axis_slope = (axis(a + ha) - axis(a - ha)) / (2.0f * ha);
  const glm::vec3 d = direction(around);
  const glm::vec3 dd{std::cos(around), 0.0f, -std::sin(around)};
  SurfaceFrame f;
  f.position = axis(a) + r * d;
  f.d_first = axis_slope + ra * d;
  f.d_second = rt * d + r * dd;
  f.normal = glm::normalize(glm::cross(f.d_second, f.d_first));
  return f;
}

glm::vec3 LegSurface::position(float along, float around) const {
  const float a = std::clamp(along, min_along_, max_along_);
  return axis(a) + radius(a, around) * direction(around);
}

glm::vec3 LegSurface::normal(float along, float around) const { return frame(along, around).normal; }

SurfaceProjection LegSurface::project(const glm::vec3& point) const {
  const float a0 = std::clamp(point.y, min_along_, max_along_);
  const glm::vec3 c = axis(a0);
  const float t0 = std::atan2(point.x - c.x, point.z - c.z);
  SurfaceProjection p = nearest([&](float a, float t) { return frame(a, t); },
                                [&](float a) { return std::clamp(a, min_along_, max_along_); },
                                point, a0, t0);
  p.around = wrap_angle(p.around);
  return p;
}

float LegSurface::radial_outside(const glm::vec3& point) const {
  const float a = std::clamp(point.y, min_along_, max_along_);
  const glm::vec3 c = axis(a);
  const glm::vec2 out(point.x - c.x, point.z - c.z);
  return glm::length(out) - radius(a, std::atan2(out.x, out.y));
}

float LegSurface::circumference(float along, int samples) const {
  float sum = 0.0f;
  glm::vec3 prev = position(along, 0.0f);
  for (int i = 1; i <= samples; ++i) {
    const glm::vec3 q = position(along, kTwoPi * static_cast<float>(i) / static_cast<float>(samples));
    sum += glm::length(q - prev);
    prev = q;
  }
  return sum;
}

// ------------------------------------------------------------------------------ analytic

namespace {
constexpr float kScaleStep = 0.005f;
}

AnalyticLegSurface::AnalyticLegSurface() : LegSurface(kLegAlongMin, kLegAlongMax, 0.002f, 0.01f) {
  const int n = static_cast<int>(std::ceil((kLegAlongMax - kLegAlongMin) / kScaleStep)) + 2;
  scale_.resize(static_cast<std::size_t>(n));
  constexpr int kSamples = 256;
  for (int i = 0; i < n; ++i) {
    const float a = kLegAlongMin + kScaleStep * static_cast<float>(i);
    float perimeter = 0.0f;
    glm::vec3 prev = shape(a, 0.0f) * direction(0.0f);
    for (int j = 1; j <= kSamples; ++j) {
      const float t = kTwoPi * static_cast<float>(j) / kSamples;
      const glm::vec3 q = shape(a, t) * direction(t);
      perimeter += glm::length(q - prev);
      prev = q;
    }
    scale_[static_cast<std::size_t>(i)] = monotone(kCircumference, a) / perimeter;
  }
}

float AnalyticLegSurface::shape(float along, float around) {
  const float e = monotone(kAspect, along);
  const float ax = std::sqrt(e);  // lateral semi-axis
  const float bz = 1.0f / ax;     // anterior-posterior semi-axis
  const float s = std::sin(around) / ax;
  const float c = std::cos(around) / bz;
  const float ellipse = 1.0f / std::sqrt(s * s + c * c);
  // Posterior bulge: gastrocnemius/soleus (peak near calf height) and hamstrings.
  const float calf = (along - 0.32f) / 0.075f;
  const float hams = (along - 0.72f) / 0.12f;
  const float bulge = 0.22f * std::exp(-calf * calf) + 0.07f * std::exp(-hams * hams);
  const float back = std::max(0.0f, -std::cos(around));
  return ellipse * (1.0f + bulge * back * back);
}

float AnalyticLegSurface::radius(float along, float around) const {
  const float a = std::clamp(along, kLegAlongMin, kLegAlongMax);
  const float x = (a - kLegAlongMin) / kScaleStep;
  const auto i = std::min(static_cast<std::size_t>(x), scale_.size() - 2);
  const float f = x - static_cast<float>(i);
  const float scale = scale_[i] * (1.0f - f) + scale_[i + 1] * f;
  return scale * shape(a, around);
}

// ---------------------------------------------------------------------------------- mesh

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
