// The hip blend (anatomy::blend_hip, shaders/model.vert uHip) on the committed leg's skin: with
// the hip flexed 0, 45 and 90 degrees the buttock and the groin fold round the hip without a
// triangle turning inside out, the skin's volume stays within 1 %, the thigh turns
// rigidly with the pose and the flat cut at the top stays with the pelvis, under the drape.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>

#include <glm/geometric.hpp>
#include <glm/gtc/matrix_transform.hpp>

#include "anatomy/client_pose.hpp"
#include "anatomy/leg_bend.hpp"
#include "anatomy/model_loader.hpp"
#include "anatomy_mesh_checks.hpp"
#include "core/frame.hpp"
#include "../support/sanitizer.hpp"
#include "shipped_assets.hpp"

using namespace effleura;

namespace {

const anatomy::Mesh& skin() { return test::shipped_mesh("leg.glb", "skin"); }

// The leg frame -> the body frame for a hip flexed `deg`: the pose's rigid turn at the hip
// (anatomy::client_pose's hip_flexion: + swings the foot forward) after the blend.
glm::vec3 drawn(const glm::vec3& p, float deg) {
  const glm::vec3 h = frame::kHipCentre;
  const glm::mat4 turn = glm::translate(glm::rotate(glm::translate(glm::mat4(1.0f), h), -glm::radians(deg), glm::vec3(1, 0, 0)), -h);
  return glm::vec3(turn * glm::vec4(anatomy::blend_hip(p, h, deg), 1.0f));
}

double volume(const anatomy::Mesh& m, float deg) {
  double v = 0.0;
  for (std::size_t t = 0; t + 2 < m.indices.size(); t += 3) {
    const glm::dvec3 a(drawn(m.positions[m.indices[t]], deg)), b(drawn(m.positions[m.indices[t + 1]], deg)),
        c(drawn(m.positions[m.indices[t + 2]], deg));
    v += glm::dot(a, glm::cross(b, c)) / 6.0;
  }
  return v;
}

}  // namespace

TEST_CASE("the hip blend folds the buttock and groin: no inverted triangle, volume kept, thigh rigid, cut with the pelvis") {
  const anatomy::Mesh& m = skin();
  // Closed as loaded (the blend moves vertices, never the triangles' connectivity).
  const auto closed = effleura::test::check_closed(m);
  REQUIRE(closed.open_edges == 0);
  REQUIRE(closed.misoriented_edges == 0);
  const double v0 = volume(m, 0.0f);
  REQUIRE(v0 > 0.005);  // a leg's skin holds ~10 litres, outward-facing
  for (float deg : {45.0f, 90.0f}) {
    CAPTURE(deg);
    // No fold: at every skin vertex the blend's Jacobian in the sagittal plane (x does not
    // move) keeps a determinant > 0.2, so the skin is squeezed at most five-fold and never turned
    // inside out. With the knee's smoothstep weight the groin (10 cm in front of the hip's axis)
    // reaches -0.065 at 90 degrees (checked by hand); linear it kept 0.28, eased at the
    // thigh's end of the zone (anatomy::kHipEase, 8 % steeper above it) 0.22.
    const glm::vec3 h = frame::kHipCentre;
    float min_det = 1e9f;
    for (std::size_t i = 0; i < m.positions.size(); i += effleura::test::kSanitizedStride) {
      const glm::vec3& p = m.positions[i];
      constexpr float e = 1e-3f;
      const glm::vec3 dy = (anatomy::blend_hip(p + glm::vec3(0, e, 0), h, deg) - anatomy::blend_hip(p - glm::vec3(0, e, 0), h, deg)) / (2 * e);
      const glm::vec3 dz = (anatomy::blend_hip(p + glm::vec3(0, 0, e), h, deg) - anatomy::blend_hip(p - glm::vec3(0, 0, e), h, deg)) / (2 * e);
      min_det = std::min(min_det, dy.y * dz.z - dy.z * dz.y);
    }
    MESSAGE("hip " << deg << " degrees: smallest Jacobian determinant " << min_det);
    CHECK(min_det > 0.2f);
    // And no well-shaped triangle of the skin turns over. Left out: slivers, whose height is
    // under a tenth of their longest edge (the mesher leaves a few near-collinear ones; their
    // normals are ill-defined and any smooth bend may flip them). Counted apart: triangles wholly
    // above kUnderSheet, at the leg's top cut, which the hip drape covers (forge_client_test: every
    // skin vertex above 0.97 m lies under it) and where the blend's top border (1.03 m) keeps its
    // corner (easing it took the groin's Jacobian to 0.15). On the skin over the calf's bellies
    // (session 15, re-forged) two thin ones straddling that border turn over at 90 degrees
    // (height 0.11 and 0.12 of their longest edge, at y 1.02-1.03), unseen; none below.
    constexpr float kUnderSheet = 0.97f;
    int inverted = 0, inverted_under_sheet = 0;
    for (std::size_t t = 0; t + 2 < m.indices.size(); t += 3) {
      const glm::vec3 a = m.positions[m.indices[t]], b = m.positions[m.indices[t + 1]], c = m.positions[m.indices[t + 2]];
      const glm::vec3 n0 = glm::cross(b - a, c - a);
      const float longest = std::max({glm::distance(a, b), glm::distance(b, c), glm::distance(c, a)});
      if (glm::length(n0) < 0.1f * longest * longest) continue;
      const glm::vec3 da = anatomy::blend_hip(a, h, deg), db = anatomy::blend_hip(b, h, deg), dc = anatomy::blend_hip(c, h, deg);
      const glm::mat3 local(anatomy::knee_bend_at((a + b + c) / 3.0f, frame::kKneeCentre, 0.0f, deg));
      if (glm::dot(glm::cross(db - da, dc - da), local * n0) > 0.0f) continue;
      if (std::min({a.y, b.y, c.y}) > kUnderSheet) ++inverted_under_sheet;
      else ++inverted;
    }
    MESSAGE("hip " << deg << " degrees: triangles turned over " << inverted << ", under the sheet " << inverted_under_sheet);
    CHECK(inverted == 0);
    // Volume. A hinge about the hip's axis opens the back of the section as much as it closes
    // the front, and the section's centre lies behind the axis (the buttock): unflattened the skin
    // gained +3.1 % of the leg's ~20 L at 45 degrees and +6.2 % at 90. Flattening the buttock
    // (anatomy::flatten_behind_hip) left +0.4 % and +0.2 % with the linear weight, +0.6 % and
    // +0.55 % eased (measured). The bound, 1 %, fails
    // with the flattening left out of blend_hip and with kHipFlatten 0.6 or more (measured at
    // 90 degrees: 0.45 -0.3 %, 0.5 -0.8 %, 0.6 -1.6 %, 1 -4.3 %).
    const double v = volume(m, deg);
    MESSAGE("hip " << deg << " degrees: volume " << v * 1000.0 << " L vs " << v0 * 1000.0 << " L");
    CHECK(std::abs(v / v0 - 1.0) < 0.01);
  }
  // The thigh below the blend turns rigidly with the pose; the top of the leg (its cut at
  // ~1.035 m under the drape) stays with the pelvis; between, every point in front of the hip's
  // axis keeps its distance from it, and one behind it (the buttock, flattened) comes no farther.
  const glm::vec3 h = frame::kHipCentre;
  const auto axis_dist = [&](const glm::vec3& v) { return glm::length(glm::vec2(v.y - h.y, v.z - h.z)); };
  int moved_top = 0, moved_thigh = 0, off_axis = 0;
  for (const glm::vec3& p : m.positions) {
    const glm::vec3 d = drawn(p, 90.0f);
    if (p.y > anatomy::kHipBlendMid + anatomy::kHipBlend && glm::distance(d, p) > 1e-5f) ++moved_top;
    if (p.y < anatomy::kHipBlendMid - anatomy::kHipBlend && glm::distance(anatomy::blend_hip(p, h, 90.0f), p) > 1e-5f)
      ++moved_thigh;
    const float grown = axis_dist(d) - axis_dist(p);
    if ((p.z >= h.z ? std::abs(grown) : grown) > 1e-5f || std::abs(d.x - p.x) > 1e-6f) ++off_axis;
  }
  CHECK(moved_top == 0);
  CHECK(moved_thigh == 0);
  CHECK(off_axis == 0);
}

TEST_CASE("the hip blend leaves no crease at the thigh's end of its zone: the bent skin's normal is continuous there") {
  // Sitting (hip 90 degrees) the linear weight's slope jumped at 0.81 m, so the bent thigh had
  // a crease across it there and the per-vertex normals switched along the triangles' edges: a
  // jagged bright line across the outer thigh just below the drape (session 9's
  // body-sitting-lateral.png). The weight is now eased there (anatomy::kHipEase). At the front,
  // the side and the back of the thigh, 1 mm either side of 0.81 m, a surface's normal through
  // the blend (as shaders/model.vert turns it) changes by under 2 degrees; with the linear
  // weight it changed by ~63 degrees at the front at 90 degrees (computed from the Jacobian).
  const glm::vec3 h = frame::kHipCentre;
  const float border = anatomy::kHipBlendMid - anatomy::kHipBlend;
  for (float deg : {45.0f, 90.0f})
    for (const glm::vec3& n : {glm::vec3(0, 0, 1), glm::normalize(glm::vec3(1, 0, 0.3f)), glm::vec3(0, 0, -1)}) {
      const glm::vec3 at(0.06f, border, 0.09f * n.z);  // on the thigh's front, side or back
      const glm::vec3 above = anatomy::blend_hip_normal(at + glm::vec3(0, 1e-3f, 0), n, h, deg);
      const glm::vec3 below = anatomy::blend_hip_normal(at - glm::vec3(0, 1e-3f, 0), n, h, deg);
      const float jump = glm::degrees(std::acos(std::clamp(glm::dot(glm::normalize(above), glm::normalize(below)), -1.0f, 1.0f)));
      CAPTURE(deg);
      CAPTURE(n.z);
      CHECK(jump < 2.0f);
    }
  // The weight itself still runs from 1 (below) to 0 (above), without a step, its slope at most
  // 1 / (1 - kHipEase / 2) times the linear ramp's (the groin's fold above rests on that).
  float prev = anatomy::hip_weight(0.70f, h), steepest = 0.0f;
  CHECK(prev == 1.0f);
  for (float y = 0.7005f; y < 1.10f; y += 0.0005f) {
    const float w = anatomy::hip_weight(y, h);
    CHECK(w <= prev);
    steepest = std::max(steepest, (prev - w) / 0.0005f);
    prev = w;
  }
  CHECK(prev == 0.0f);
  CHECK(steepest * 2.0f * anatomy::kHipBlend < 1.0f / (1.0f - 0.5f * anatomy::kHipEase) + 1e-3f);
}
