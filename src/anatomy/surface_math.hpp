#pragma once
// Small shared pieces of the leg and foot surfaces (leg_surface.hpp): a monotone spline
// through knots, angle wrapping, the outward direction at an angle around the leg, and a
// Gauss-Newton projection onto a two-parameter surface. Internal to src/anatomy.
#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <numbers>

#include <glm/geometric.hpp>
#include <glm/vec3.hpp>

#include "anatomy/leg_surface.hpp"

namespace effleura::anatomy::surface_math {

inline constexpr float kTwoPi = 2.0f * std::numbers::pi_v<float>;

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

inline float wrap_angle(float a) {
  a = std::fmod(a, kTwoPi);
  return a < 0.0f ? a + kTwoPi : a;
}

inline glm::vec3 direction(float around) { return {std::sin(around), 0.0f, std::cos(around)}; }

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

}  // namespace effleura::anatomy::surface_math
