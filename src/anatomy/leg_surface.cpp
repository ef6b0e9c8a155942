// LegSurface (leg_surface.hpp): frames, projection and circumference common to every leg surface.
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

}  // namespace effleura::anatomy
