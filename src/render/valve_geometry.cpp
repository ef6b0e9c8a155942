#include "render/valve_geometry.hpp"

#include <algorithm>
#include <cmath>

#include <glm/common.hpp>
#include <glm/geometric.hpp>

namespace effleura::render {
namespace {

// Leaflets 3.5 times life size: at twice life size a 3 mm vein's valve was a 2-3 pixel fleck at
// the flow view's default distance; now its cusps span ~10 px and their swing reads.
constexpr float kScale = 3.5f;

// The valve's frame: `u` across the vein from one leaflet's hinge to the other's (across the
// line of sight when the eye is known), `w` the third direction (toward the eye then).
void basis(const ValveView& v, glm::vec3& u, glm::vec3& w) {
  const glm::vec3& axis = v.downstream;
  if (v.eye) {
    const glm::vec3 across = glm::cross(axis, *v.eye - v.position);
    if (glm::length(across) > 1e-6f * glm::length(*v.eye - v.position)) {
      u = glm::normalize(across);
      w = glm::cross(axis, u);
      return;
    }  // looking straight along the vein: any direction across will do
  }
  const glm::vec3 ref = std::fabs(axis.y) < 0.9f ? glm::vec3(0, 1, 0) : glm::vec3(1, 0, 0);
  u = glm::normalize(glm::cross(axis, ref));
  w = glm::cross(axis, u);
}

// A leaflet is 1.6 radii long, hinged on the wall: shut, it leans in until its free edge
// reaches the vein's middle (39 degrees from the wall), the two making a "V" that points
// downstream; open, it lies 7 degrees off the wall and the blood passes between the two.
constexpr float kLength = 1.6f;
constexpr float kShutAngle = 0.6751f;  // asin(1 / kLength)
constexpr float kOpenAngle = 0.12f;

glm::vec3 tip(const ValveView& v, const glm::vec3& u, int side) {
  const float r = v.radius_m * kScale;
  const float sign = side == 0 ? 1.0f : -1.0f;
  const glm::vec3 hinge = v.position + sign * u * r;
  const float open = std::clamp(v.open, 0.0f, 1.0f);
  const float angle = (1.0f - open) * kShutAngle + open * kOpenAngle;  // from the wall
  return hinge + v.downstream * (kLength * r * std::cos(angle)) - sign * u * (kLength * r * std::sin(angle));
}

}  // namespace

glm::vec3 leaflet_tip(const ValveView& v, int side) {
  glm::vec3 u, w;
  basis(v, u, w);
  return tip(v, u, side);
}

float radius_for_pixels(float radius_m, float distance_m, float px_per_m_at_1m, float px) {
  if (!(px_per_m_at_1m > 0.0f) || !(distance_m > 0.0f)) return radius_m;
  // A leaflet's longest side is its length along the vein (kLength radii, times kScale).
  return std::max(radius_m, px * distance_m / (kLength * kScale * px_per_m_at_1m));
}

void append_valves(const std::vector<ValveView>& valves, std::vector<ColouredVertex>& out) {
  for (const auto& v : valves) {
    glm::vec3 u, w;
    basis(v, u, w);
    const float r = v.radius_m * kScale;
    // Shut valves white, open ones light blue, leaky ones amber, all nearly opaque: shut and open
    // differ in brightness as well as in shape, so they read apart without colour vision (the
    // legend's key draws the same). Open ones were a dim translucent grey-blue: pale patches.
    const glm::vec4 colour = v.incompetent ? glm::vec4(1.0f, 0.62f, 0.15f, 0.95f)
                                           : glm::mix(glm::vec4(1.0f), glm::vec4(0.45f, 0.68f, 1.0f, 0.9f), v.open);
    for (int side = 0; side < 2; ++side) {
      const float sign = side == 0 ? 1.0f : -1.0f;
      const glm::vec3 hinge = v.position + sign * u * r;
      const glm::vec3 end = tip(v, u, side);
      // A band from the hinge to the free edge, a third of a radius wide in the picture's plane
      // (across the leaflet, not toward the eye), so it shows as a stroke, never edge-on.
      const glm::vec3 along = end - hinge;
      glm::vec3 side_dir = glm::cross(along, w);
      side_dir = glm::length(side_dir) > 0.0f ? glm::normalize(side_dir) : u;
      const glm::vec3 half = side_dir * (r * 0.17f);
      const glm::vec3 a = hinge + half, b = hinge - half, t1 = end + half, t2 = end - half;
      out.insert(out.end(), {{a, colour}, {b, colour}, {t1, colour}, {b, colour}, {t2, colour}, {t1, colour}});
    }
  }
}

}  // namespace effleura::render
