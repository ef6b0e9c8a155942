#include "forge/skin_field.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include <glm/geometric.hpp>
#include <glm/gtc/constants.hpp>

namespace effleura::forge {
namespace {

float box_distance(const Box& b, const glm::vec3& p) {
  const glm::vec3 q = glm::max(glm::max(b.min - p, p - b.max), glm::vec3(0.0f));
  return glm::length(q);
}

float smooth_max(float a, float b, float k) { return -smooth_min(-a, -b, k); }

}  // namespace

SkinField::SkinField(const Description& d) : levels_(d.skin.levels), spec_(d.skin) {
  box_ = Box{glm::vec3(std::numeric_limits<float>::max()), glm::vec3(std::numeric_limits<float>::lowest())};
  auto add = [&](const Shape& s) {
    const Box b = s.bounds();
    parts_.push_back({&s, b});
    box_.grow(b.min, 0.0f);
    box_.grow(b.max, 0.0f);
  };
  for (const auto& b : d.bones)
    if (b.in_skin) add(b.shape);
  for (const auto& m : d.muscles) add(m.envelope ? *m.envelope : m.shape);
  for (const auto& p : spec_.pads) add(p);
}

float SkinField::body(const glm::vec3& p) const {
  float d = std::numeric_limits<float>::max();
  const float k = blend(p.y);
  for (const auto& part : parts_) {
    // A part whose box is farther than the current distance plus the blend cannot change it;
    // nor one whose own parts' bounding spheres are (Shape::lower_bound): a long muscle's box
    // holds much of the leg, and three quarters of the committed leg's forge went in the exact
    // distances of parts that changed nothing. Twice the blend: rounding must not bring it within.
    if (box_distance(part.box, p) > d + k) continue;
    if (d != std::numeric_limits<float>::max() && part.shape->lower_bound(p) > d + 2.0f * k) continue;
    d = smooth_min(d, part.shape->distance(p), k);
  }
  return d;
}

float SkinField::interpolate(float y, float SkinLevel::*member) const {
  if (y <= levels_.front().y) return levels_.front().*member;
  for (std::size_t i = 0; i + 1 < levels_.size(); ++i) {
    const SkinLevel& a = levels_[i];
    const SkinLevel& b = levels_[i + 1];
    if (y <= b.y) {
      // Smoothstep between levels: no kinks in the outline at the level heights.
      float t = (y - a.y) / (b.y - a.y);
      t = t * t * (3.0f - 2.0f * t);
      return a.*member + (b.*member - a.*member) * t;
    }
  }
  return levels_.back().*member;
}

float SkinField::thickness(float y) const { return interpolate(y, &SkinLevel::thickness); }
float SkinField::blend(float y) const { return interpolate(y, &SkinLevel::blend); }

float SkinField::operator()(const glm::vec3& p) const {
  float d = body(p) - thickness(p.y);
  const float r = spec_.cut_round;
  // The cuts bow out gently (1 cm over 10 cm) rather than being flat: on an exactly flat
  // face the simplifier cannot tell good collapses from ones that fold triangles over.
  constexpr float kBow = 1.0f;
  d = smooth_max(d, p.y - spec_.top_y + kBow * (p.x * p.x + p.z * p.z), r);
  // Above the crotch the body continues into the other half: cut it at the midline.
  const float mid_y = 0.5f * (spec_.crotch_y + spec_.top_y);
  // The corner between the midline and the crotch is rounded off widely, so the inner thigh
  // turns into the cut as a fold rather than a shelf.
  const float medial = smooth_min(spec_.midline_x - p.x + kBow * (p.z * p.z + (p.y - mid_y) * (p.y - mid_y)),
                                  p.y - spec_.crotch_y, 0.06f);
  d = smooth_max(d, medial, r);
  return d;
}

Box SkinField::bounds() const {
  float t = 0.0f;
  for (const auto& l : levels_) t = std::max(t, l.thickness);
  Box b = box_;
  float k = 0.0f;
  for (const auto& l : levels_) k = std::max(k, l.blend);
  b.min -= glm::vec3(t + k + 0.02f);
  b.max += glm::vec3(t + k + 0.02f);
  b.max.y = std::min(b.max.y, spec_.top_y + 0.02f);
  return b;
}

std::vector<float> SkinField::calibrate(float step, float up_to) {
  std::vector<float> reached;
  const Field f = [this](const glm::vec3& p) { return (*this)(p); };
  for (std::size_t i = 0; i < levels_.size(); ++i) {
    SkinLevel& level = levels_[i];
    if (i > 0 && levels_[i - 1].y >= up_to) break;
    if (!level.circumference) continue;
    float perimeter = 0.0f;
    for (int iter = 0; iter < 5; ++iter) {
      perimeter = slice_perimeter(f, bounds(), level.y, step);
      const float dt = (*level.circumference - perimeter) / (2.0f * glm::pi<float>());
      if (std::abs(dt) < 0.0002f) break;
      level.thickness = std::max(0.0015f, level.thickness + dt);
    }
    reached.push_back(slice_perimeter(f, bounds(), level.y, step));
  }
  return reached;
}

float slice_perimeter(const Field& field, const Box& box, float y, float step) {
  const int nx = static_cast<int>(std::ceil((box.max.x - box.min.x) / step)) + 1;
  const int nz = static_cast<int>(std::ceil((box.max.z - box.min.z) / step)) + 1;
  std::vector<float> v(static_cast<std::size_t>(nx) * static_cast<std::size_t>(nz));
  auto at = [&](int i, int k) -> float& { return v[static_cast<std::size_t>(k) * static_cast<std::size_t>(nx) + static_cast<std::size_t>(i)]; };
  auto eval = [&](int i, int k) { return field(glm::vec3(box.min.x + static_cast<float>(i) * step, y, box.min.z + static_cast<float>(k) * step)); };
  // Only near the outline: the grid is first sampled every kCoarse steps, and a coarse cell whose
  // four corners all lie farther from the surface than kSkipReach times its diagonal, on one
  // side, holds no part of the outline (the skin is a distance, changing by at most about 1 m
  // per m: smooth unions and cuts of distances; 3 leaves room for the ellipsoids' and sheets'
  // estimates): its points take that side's sign unevaluated. The outline's cells are
  // evaluated exactly as before, so the perimeter is the same to the bit (the committed leg
  // is checked byte for byte); the whole grid cost the other leg's forge 5 s of CPU.
  constexpr int kCoarse = 4;
  constexpr float kSkipReach = 3.0f;
  const float reach = kSkipReach * static_cast<float>(kCoarse) * step * std::sqrt(2.0f);
  std::vector<char> done(v.size(), 0);
  auto exact = [&](int i, int k) {
    const std::size_t n = static_cast<std::size_t>(k) * static_cast<std::size_t>(nx) + static_cast<std::size_t>(i);
    if (!done[n]) {
      v[n] = eval(i, k);
      done[n] = 1;
    }
    return v[n];
  };
  for (int k0 = 0; k0 + 1 < nz; k0 += kCoarse)
    for (int i0 = 0; i0 + 1 < nx; i0 += kCoarse) {
      const int i1 = std::min(i0 + kCoarse, nx - 1), k1 = std::min(k0 + kCoarse, nz - 1);
      const float c[4] = {exact(i0, k0), exact(i1, k0), exact(i0, k1), exact(i1, k1)};
      const bool outside = std::all_of(c, c + 4, [reach](float d) { return d > reach; });
      const bool inside = std::all_of(c, c + 4, [reach](float d) { return d < -reach; });
      if (outside || inside) continue;
      for (int k = k0; k <= k1; ++k)
        for (int i = i0; i <= i1; ++i) exact(i, k);
    }
  // The points left are in cells wholly on one side: any value of that side's sign will do.
  for (int k0 = 0; k0 + 1 < nz; k0 += kCoarse)
    for (int i0 = 0; i0 + 1 < nx; i0 += kCoarse) {
      const int i1 = std::min(i0 + kCoarse, nx - 1), k1 = std::min(k0 + kCoarse, nz - 1);
      const float side = at(i0, k0);
      for (int k = k0; k <= k1; ++k)
        for (int i = i0; i <= i1; ++i)
          if (!done[static_cast<std::size_t>(k) * static_cast<std::size_t>(nx) + static_cast<std::size_t>(i)]) at(i, k) = side;
    }
  double total = 0.0;
  for (int k = 0; k + 1 < nz; ++k)
    for (int i = 0; i + 1 < nx; ++i) {
      const float c[4] = {at(i, k), at(i + 1, k), at(i + 1, k + 1), at(i, k + 1)};
      const float cx[4] = {0, 1, 1, 0}, cz[4] = {0, 0, 1, 1};
      float px[4], pz[4];
      int n = 0;
      for (int e = 0; e < 4; ++e) {
        const int a = e, b = (e + 1) % 4;
        if ((c[a] < 0.0f) != (c[b] < 0.0f)) {
          const float t = c[a] / (c[a] - c[b]);
          px[n] = cx[a] + (cx[b] - cx[a]) * t;
          pz[n] = cz[a] + (cz[b] - cz[a]) * t;
          ++n;
        }
      }
      for (int s = 0; s + 1 < n; s += 2)
        total += static_cast<double>(std::hypot(px[s] - px[s + 1], pz[s] - pz[s + 1]) * step);
    }
  return static_cast<float>(total);
}

}  // namespace effleura::forge
