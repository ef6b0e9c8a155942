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

namespace {

// The sinus: from 0.7 radii upstream of the hinges (the vein's own radius) it widens to 1.25
// radii (the leaflets' hinges, their bands 0.17 radii wide, reach 1.17) by just upstream of
// them, stays so to the open leaflets' free edges (1.6 radii downstream, 1 radius off the axis)
// and narrows back to the vein's radius 2.6 radii downstream. Radii here are the valve's as
// drawn (radius_m times kScale).
constexpr float kSinusStart = -0.7f, kSinusFull = -0.15f, kSinusFullEnd = 1.45f, kSinusEnd = 2.6f;
constexpr float kSinusWidth = 1.25f;
constexpr int kAround = 20, kAlong = 12;

float smooth(float e0, float e1, float x) {
  const float t = std::clamp((x - e0) / (e1 - e0), 0.0f, 1.0f);
  return t * t * (3.0f - 2.0f * t);
}

// The wall's colour at a point with normal `n`: a pale blue glass, clear where it faces the eye
// and denser toward its outline, so the bulge's rim reads and the leaflets inside show through.
glm::vec4 wall_colour(const ValveView& v, const glm::vec3& p, const glm::vec3& n) {
  float alpha = 0.25f;
  if (v.eye) {
    const glm::vec3 to_eye = *v.eye - p;
    const float facing = glm::length(to_eye) > 0.0f ? std::fabs(glm::dot(n, glm::normalize(to_eye))) : 1.0f;
    alpha = 0.08f + 0.47f * (1.0f - facing) * (1.0f - facing);
  }
  return {0.62f, 0.74f, 1.0f, std::min(alpha, kSinusMaxAlpha - 0.05f)};
}

// The sinus's quads facing the eye (`near`) or away from it; without an eye, all with the far ones.
void append_wall(const ValveView& v, const glm::vec3& u, const glm::vec3& w, bool near, std::vector<ColouredVertex>& out) {
  const float r = v.radius_m * kScale;
  auto point = [&](int i, int j, glm::vec3& n) {
    const float s = r * (kSinusStart + (kSinusEnd - kSinusStart) * static_cast<float>(j) / kAlong);
    const float a = 6.2831853f * static_cast<float>(i) / kAround;
    const glm::vec3 radial = std::cos(a) * u + std::sin(a) * w;
    const float ds = 0.01f * r;
    const float slope = (sinus_radius(v, s + ds) - sinus_radius(v, s - ds)) / (2.0f * ds);
    n = glm::normalize(radial - slope * v.downstream);
    return v.position + s * v.downstream + sinus_radius(v, s) * radial;
  };
  for (int j = 0; j < kAlong; ++j)
    for (int i = 0; i < kAround; ++i) {
      glm::vec3 n[4];
      const glm::vec3 p[4] = {point(i, j, n[0]), point(i + 1, j, n[1]), point(i + 1, j + 1, n[2]), point(i, j + 1, n[3])};
      const glm::vec3 centre = 0.25f * (p[0] + p[1] + p[2] + p[3]);
      const bool faces_eye = v.eye && glm::dot(n[0] + n[1] + n[2] + n[3], *v.eye - centre) > 0.0f;
      if (faces_eye != near) continue;
      ColouredVertex c[4];
      for (int k = 0; k < 4; ++k) c[k] = {p[k], wall_colour(v, p[k], n[k])};
      out.insert(out.end(), {c[0], c[1], c[2], c[0], c[2], c[3]});
    }
}

}  // namespace

float sinus_radius(const ValveView& v, float along) {
  const float r = v.radius_m * kScale;
  const float wall = std::min(v.wall_radius_m > 0.0f ? v.wall_radius_m : v.radius_m, r);
  const float s = along / r;
  const float bulge = smooth(kSinusStart, kSinusFull, s) * (1.0f - smooth(kSinusFullEnd, kSinusEnd, s));
  return wall + (kSinusWidth * r - wall) * bulge;
}

void append_valves(const std::vector<ValveView>& valves, std::vector<ColouredVertex>& out) {
  for (const auto& v : valves) {
    glm::vec3 u, w;
    basis(v, u, w);
    append_wall(v, u, w, false, out);  // the far wall first, then the leaflets over it, the near wall over them
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
    append_wall(v, u, w, true, out);
  }
}

}  // namespace effleura::render
