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

void basis(const glm::vec3& axis, glm::vec3& u, glm::vec3& w) {
  const glm::vec3 ref = std::fabs(axis.y) < 0.9f ? glm::vec3(0, 1, 0) : glm::vec3(1, 0, 0);
  u = glm::normalize(glm::cross(axis, ref));
  w = glm::cross(axis, u);
}

}  // namespace

glm::vec3 leaflet_tip(const ValveView& v, int side) {
  glm::vec3 u, w;
  basis(v.downstream, u, w);
  const float r = v.radius_m * kScale;
  const float sign = side == 0 ? 1.0f : -1.0f;
  // Hinged on the wall at +-u; the free edge swings from the centre (shut) to the wall (open).
  const glm::vec3 hinge = v.position + sign * u * r;
  const float open = std::clamp(v.open, 0.0f, 1.0f);
  const float angle = (1.0f - open) * 1.25f + open * 0.15f;  // from the wall, radians
  return hinge + v.downstream * (r * std::cos(angle) * 1.1f) - sign * u * (r * std::sin(angle) * 1.05f);
}

float radius_for_pixels(float radius_m, float distance_m, float px_per_m_at_1m, float px) {
  if (!(px_per_m_at_1m > 0.0f) || !(distance_m > 0.0f)) return radius_m;
  // A leaflet's widest side is its hinge, 1.6 radii (times kScale) along the wall.
  return std::max(radius_m, px * distance_m / (1.6f * kScale * px_per_m_at_1m));
}

void append_valves(const std::vector<ValveView>& valves, std::vector<ColouredVertex>& out) {
  for (const auto& v : valves) {
    glm::vec3 u, w;
    basis(v.downstream, u, w);
    const float r = v.radius_m * kScale;
    // Shut valves opaque white, open ones a dim translucent grey-blue against the wall, leaky ones
    // amber: shut and open differ in brightness as well as in the leaflets' angle, so they read
    // apart at the default distance and without colour vision (the legend shows both).
    const glm::vec4 colour = v.incompetent ? glm::vec4(1.0f, 0.62f, 0.15f, 0.95f)
                                           : glm::mix(glm::vec4(1.0f), glm::vec4(0.45f, 0.55f, 0.68f, 0.5f), v.open);
    for (int side = 0; side < 2; ++side) {
      const float sign = side == 0 ? 1.0f : -1.0f;
      const glm::vec3 hinge = v.position + sign * u * r;
      const glm::vec3 tip = leaflet_tip(v, side);
      // A cusp: hinged along a chord of the wall (+-w), its free edge at the tip.
      const glm::vec3 a = hinge + w * r * 0.8f, b = hinge - w * r * 0.8f;
      const glm::vec3 t1 = tip + w * r * 0.5f, t2 = tip - w * r * 0.5f;
      out.insert(out.end(), {{a, colour}, {b, colour}, {t1, colour}, {b, colour}, {t2, colour}, {t1, colour}});
    }
  }
}

}  // namespace effleura::render
