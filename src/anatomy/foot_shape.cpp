// FootShape (leg_surface.hpp): the sole under the foot, following the ankle.
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

}  // namespace effleura::anatomy
