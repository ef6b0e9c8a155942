#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <utility>
#include <vector>

#include <glm/geometric.hpp>
#include <glm/vec2.hpp>

#include "render/valve_geometry.hpp"

using namespace effleura;

TEST_CASE("shut leaflets meet in the middle of the vein, open ones lie against the wall") {
  render::ValveView v;
  v.position = {0.0f, 0.3f, 0.0f};
  v.downstream = {0.0f, 1.0f, 0.0f};
  v.radius_m = 0.003f;
  v.open = 0.0f;
  const float shut_gap = glm::length(render::leaflet_tip(v, 0) - render::leaflet_tip(v, 1));
  v.open = 1.0f;
  const float open_gap = glm::length(render::leaflet_tip(v, 0) - render::leaflet_tip(v, 1));
  CHECK(shut_gap < 0.4f * open_gap);
  // Open leaflets point downstream (toward the heart), so blood passes between them.
  CHECK(render::leaflet_tip(v, 0).y > v.position.y + 0.004f);
}

namespace {

// The leaflets' vertices in what append_valves drew (the sinus's walls are the fainter glass).
std::vector<render::ColouredVertex> leaflets(const std::vector<render::ColouredVertex>& out) {
  std::vector<render::ColouredVertex> l;
  for (const auto& c : out)
    if (c.colour.w >= render::kSinusMaxAlpha) l.push_back(c);
  return l;
}

}  // namespace

TEST_CASE("each valve adds two double-sided leaflets, leaky ones in amber") {
  render::ValveView v;
  v.incompetent = true;
  std::vector<render::ColouredVertex> out;
  render::append_valves({v, render::ValveView{}}, out);
  CHECK(out.size() % 6 == 0);
  const auto l = leaflets(out);
  CHECK(l.size() == 2 * 2 * 6);
  CHECK(l.front().colour.x > l.front().colour.z + 0.5f);
}

namespace {

// A valve's leaflets as the eye sees them: each leaflet's six vertices projected on the picture's
// plane, as (along the vein, across it) from the valve's centre.
struct SeenLeaflet {
  float across_lo = 1e9f, across_hi = -1e9f;
  float area = 0.0f;  // of its band on screen
};
std::array<SeenLeaflet, 2> seen(const render::ValveView& v, const std::vector<render::ColouredVertex>& out) {
  const glm::vec3 to_eye = glm::normalize(*v.eye - v.position);
  const glm::vec3 across = glm::normalize(glm::cross(v.downstream, to_eye));
  const glm::vec3 along = glm::cross(to_eye, across);
  std::array<SeenLeaflet, 2> s{};
  for (int k = 0; k < 2; ++k) {
    glm::vec2 p[6];
    for (int i = 0; i < 6; ++i) {
      const glm::vec3 d = out[static_cast<std::size_t>(6 * k + i)].position - v.position;
      p[i] = {glm::dot(d, along), glm::dot(d, across)};
      s[static_cast<std::size_t>(k)].across_lo = std::min(s[static_cast<std::size_t>(k)].across_lo, p[i].y);
      s[static_cast<std::size_t>(k)].across_hi = std::max(s[static_cast<std::size_t>(k)].across_hi, p[i].y);
    }
    for (int t = 0; t < 2; ++t) {  // its two triangles
      const glm::vec2 e1 = p[3 * t + 1] - p[3 * t], e2 = p[3 * t + 2] - p[3 * t];
      s[static_cast<std::size_t>(k)].area += 0.5f * std::fabs(e1.x * e2.y - e1.y * e2.x);
    }
  }
  if (s[0].across_lo > s[1].across_lo) std::swap(s[0], s[1]);
  return s;
}

}  // namespace

TEST_CASE("seen from anywhere, an open valve's two leaflets are parted bands and a shut one's meet") {
  // A vein up the leg, looked at from all round and from above and below. Before session 10 the
  // leaflets were flaps across a fixed direction: seen face-on the open ones covered each other
  // (one pale patch), seen edge-on they vanished.
  int views = 0;
  for (int around = 0; around < 8; ++around)
    for (const float up : {-0.6f, 0.0f, 0.6f}) {
      const float a = 0.785398f * static_cast<float>(around);
      render::ValveView v;
      v.position = {0.02f, 0.3f, -0.01f};
      v.downstream = glm::normalize(glm::vec3(0.1f, 1.0f, 0.05f));
      v.radius_m = 0.003f;
      v.eye = v.position + 0.5f * glm::vec3(std::cos(a), up, std::sin(a));
      CAPTURE(around);
      CAPTURE(up);
      v.open = 1.0f;
      std::vector<render::ColouredVertex> open;
      render::append_valves({v}, open);
      open = leaflets(open);
      REQUIRE(open.size() == 12);
      const auto o = seen(v, open);
      const float width = o[1].across_hi - o[0].across_lo;  // the valve across, on screen
      CHECK(width > 0.0f);
      // Parted: a clear gap between the two leaflets, at least 0.4 of the valve's width.
      CHECK(o[1].across_lo - o[0].across_hi >= 0.4f * width);
      // Each a band, not a line: at least 5 % of the valve's width squared.
      CHECK(o[0].area >= 0.05f * width * width);
      CHECK(o[1].area >= 0.05f * width * width);
      v.open = 0.0f;
      std::vector<render::ColouredVertex> shut;
      render::append_valves({v}, shut);
      shut = leaflets(shut);
      const auto s = seen(v, shut);
      // Shut: the leaflets reach each other in the middle (their bands overlap across it).
      CHECK(s[0].across_hi >= s[1].across_lo);
      CHECK(glm::length(render::leaflet_tip(v, 0) - render::leaflet_tip(v, 1)) < 0.05f * width);
      ++views;
    }
  CHECK(views == 24);
}

namespace {

// Where a ray from `from` along unit `dir` first passes through one of `tris` (every 3 vertices a
// triangle; Moller-Trumbore), in metres; a large number when it passes through none.
float first_hit(const glm::vec3& from, const glm::vec3& dir, const std::vector<render::ColouredVertex>& tris) {
  float best = 1e9f;
  for (std::size_t t = 0; t + 2 < tris.size(); t += 3) {
    const glm::vec3 e1 = tris[t + 1].position - tris[t].position, e2 = tris[t + 2].position - tris[t].position;
    const glm::vec3 p = glm::cross(dir, e2);
    const float det = glm::dot(e1, p);
    if (std::fabs(det) < 1e-12f) continue;
    const glm::vec3 o = from - tris[t].position;
    const float a = glm::dot(o, p) / det;
    const glm::vec3 q = glm::cross(o, e1);
    const float b = glm::dot(dir, q) / det;
    const float d = glm::dot(e2, q) / det;
    if (a >= 0.0f && b >= 0.0f && a + b <= 1.0f && d > 0.0f) best = std::min(best, d);
  }
  return best;
}

}  // namespace

TEST_CASE("the leaflets sit in a sinus of the vein wall: hinges and free edges inside the drawn wall") {
  // The leaflets are drawn 3.5 times life size (and larger far away), so their hinges stood
  // 3.5 vein radii off the vein's axis, in the open outside the drawn vein (before session 14
  // no wall was drawn there: no ray from the axis met one). Now the wall bulges round them.
  for (const float open : {0.0f, 0.5f, 1.0f})
    for (const bool eye : {false, true}) {
      CAPTURE(open);
      CAPTURE(eye);
      render::ValveView v;
      v.position = {0.02f, 0.3f, -0.01f};
      v.downstream = glm::normalize(glm::vec3(0.1f, 1.0f, 0.05f));
      v.radius_m = 0.004f;       // enlarged to be seen
      v.wall_radius_m = 0.003f;  // the vein as drawn
      v.open = open;
      if (eye) v.eye = v.position + glm::vec3(0.3f, 0.1f, 0.4f);
      std::vector<render::ColouredVertex> out;
      render::append_valves({v}, out);
      std::vector<render::ColouredVertex> wall;
      for (const auto& c : out)
        if (c.colour.w < render::kSinusMaxAlpha) wall.push_back(c);
      // Every corner of both leaflets' bands (hinge and free edge): the ray from the axis out
      // through it meets the wall beyond it.
      int inside = 0, corners = 0;
      for (const auto& c : leaflets(out)) {
        const glm::vec3 d = c.position - v.position;
        const glm::vec3 on_axis = v.position + glm::dot(d, v.downstream) * v.downstream;
        const glm::vec3 radial = c.position - on_axis;
        const float off = glm::length(radial);
        ++corners;
        if (off < 1e-6f) { ++inside; continue; }  // on the axis itself (a shut leaflet's tip)
        const float hit = first_hit(on_axis, radial / off, wall);
        inside += hit > 1.02f * off && hit < 1.0f ? 1 : 0;  // a wall met, and beyond the corner
      }
      CHECK(corners == 12);  // two leaflets, six vertices each
      CHECK(inside == corners);
      // All round the hinges' level the wall closes round the valve, 1.1 to 1.4 valve radii out
      // (3.5 times radius_m: the hinges' distance), not a flap on one side.
      const glm::vec3 ref = glm::normalize(glm::cross(v.downstream, glm::vec3(1, 0, 0)));
      for (int k = 0; k < 16; ++k) {
        const float a = 0.3927f * static_cast<float>(k);
        const glm::vec3 dir = std::cos(a) * ref + std::sin(a) * glm::cross(v.downstream, ref);
        const float hit = first_hit(v.position, glm::normalize(dir), wall);
        CHECK(hit > 1.1f * 3.5f * v.radius_m);
        CHECK(hit < 1.4f * 3.5f * v.radius_m);
      }
      // Its two ends are the vein's own width, so the bulge joins the drawn vein.
      CHECK(render::sinus_radius(v, -1.0f) == doctest::Approx(v.wall_radius_m));
      CHECK(render::sinus_radius(v, 1.0f) == doctest::Approx(v.wall_radius_m));
      float end_lo = 1e9f;
      for (const auto& c : wall) {
        const glm::vec3 d = c.position - v.position;
        end_lo = std::min(end_lo, glm::length(d - glm::dot(d, v.downstream) * v.downstream));
      }
      CHECK(end_lo == doctest::Approx(v.wall_radius_m).epsilon(0.01));
    }
}
