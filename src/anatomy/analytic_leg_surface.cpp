// AnalyticLegSurface (leg_surface.hpp): the leg from measured circumferences, for models without skin.
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

}  // namespace

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

}  // namespace effleura::anatomy
