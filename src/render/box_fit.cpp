#include "render/box_fit.hpp"

#include <algorithm>
#include <cmath>

#include <glm/common.hpp>
#include <glm/geometric.hpp>
#include <glm/vec2.hpp>

namespace effleura::render {

ViewAxes view_axes(float yaw, float pitch) {
  const float c = std::cos(pitch);
  const glm::vec3 back(std::sin(yaw) * c, std::sin(pitch), std::cos(yaw) * c);
  const glm::vec3 right = glm::normalize(glm::cross(-back, glm::vec3(0, 1, 0)));
  return {right, glm::cross(right, -back), back};
}

void fit_box(OrbitPose& p, const glm::vec3 (&corners)[8], const ViewAxes& axes, float tx, float ty, float fill,
             float nearest, float farthest, const std::optional<anatomy::Bounds>& target_within) {
  const auto distance_for = [&](const glm::vec3& target) {
    float d = 0.0f;
    for (const glm::vec3& corner : corners) {
      const glm::vec3 rel = corner - target;
      const float across = std::max(std::abs(glm::dot(rel, axes.right)) / tx, std::abs(glm::dot(rel, axes.up)) / ty);
      d = std::max(d, across / fill + glm::dot(rel, axes.back));
    }
    return std::min(std::max(d, nearest), farthest);
  };
  p.distance = distance_for(p.target);
  for (int round = 0; round < 6; ++round) {
    glm::vec2 lo(1e9f), hi(-1e9f);
    for (const glm::vec3& corner : corners) {
      const glm::vec3 rel = corner - p.target;
      const float depth = std::max(p.distance - glm::dot(rel, axes.back), 1e-3f);
      const glm::vec2 at(glm::dot(rel, axes.right) / (depth * tx), glm::dot(rel, axes.up) / (depth * ty));
      lo = glm::min(lo, at);
      hi = glm::max(hi, at);
    }
    const glm::vec2 off = 0.5f * (lo + hi);  // the box's centre, in the view's half-sizes
    if (std::abs(off.x) < 1e-4f && std::abs(off.y) < 1e-4f) break;
    const glm::vec3 moved = p.target + p.distance * (off.x * tx * axes.right + off.y * ty * axes.up);
    p.target = target_within ? glm::clamp(moved, target_within->min, target_within->max) : moved;
    p.distance = distance_for(p.target);
  }
}

}  // namespace effleura::render
