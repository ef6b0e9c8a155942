// Normals and fibre directions through the knee bend and the hip blend (anatomy::bend_knee_normal,
// blend_hip_normal and their tangents; shaders/model.vert computes the same). Neither bend is
// rigid - the angle changes with height across each zone and the buttock is flattened - so a
// normal only turned by the angle at its vertex leaves the drawn surface and the shading shows
// a seam where the zone begins. Checked on the committed leg's skin against the bent surface's
// own tangent plane, found by finite differences of bend_leg.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>

#include <glm/geometric.hpp>
#include <glm/trigonometric.hpp>

#include "anatomy/client_pose.hpp"
#include "anatomy/leg_bend.hpp"
#include "anatomy/model_loader.hpp"
#include "core/frame.hpp"
#include "../support/sanitizer.hpp"
#include "shipped_assets.hpp"

using namespace effleura;

namespace {

const anatomy::Mesh& skin() { return test::shipped_mesh("leg.glb", "skin"); }

constexpr float kStep = 5e-4f;  // finite-difference step (m): float positions near 1 m keep ~1e-7

float degrees_between(const glm::vec3& a, const glm::vec3& b) {
  return glm::degrees(std::acos(std::clamp(glm::dot(glm::normalize(a), glm::normalize(b)), -1.0f, 1.0f)));
}

// Where the map's derivative jumps (the hip zone's linear weight starts and stops): a central
// difference across it is no derivative at all, so points that close are left out. So are points
// as close to the knee zone's borders, where the flattening behind the knee starts with a jump in
// its second derivative (a central difference across it is off by ~1.4 degrees at 90).
bool near_kink(float y) {
  const float lo = anatomy::kHipBlendMid - anatomy::kHipBlend, hi = anatomy::kHipBlendMid + anatomy::kHipBlend;
  return std::abs(y - lo) < 3.0f * kStep || std::abs(y - hi) < 3.0f * kStep;
}
bool near_knee_border(float y) {
  const float k = frame::kKneeCentre.y;
  return std::abs(y - (k - anatomy::kKneeBlend)) < 3.0f * kStep || std::abs(y - (k + anatomy::kKneeBlend)) < 3.0f * kStep;
}

struct Errors {
  float corrected = 0.0f, rigid = 0.0f, tangent = 0.0f, model = 0.0f;
  int zone_points = 0;
};

// The largest angle between the bent surface's normal (the cross product of two bent tangents)
// and: the Jacobian normal, the old rigid turn (knee_bend_at's rotation), and bent_model's; and
// between a bent tangent and bend_*_tangent.
Errors errors(float knee_deg, float hip_deg) {
  const anatomy::Mesh& m = skin();
  anatomy::Model one;
  one.meshes.push_back(m);
  const anatomy::Model bent = anatomy::bent_model(one, frame::kKneeCentre, knee_deg, hip_deg);
  const glm::vec3& knee = frame::kKneeCentre;
  const glm::vec3& hip = frame::kHipCentre;
  auto map = [&](const glm::vec3& p) { return anatomy::bend_leg(p, knee, knee_deg, hip_deg); };
  Errors e;
  for (std::size_t i = 0; i < m.positions.size(); i += static_cast<std::size_t>(test::kSanitizedStride)) {
    const glm::vec3 p = m.positions[i];
    const glm::vec3 n = glm::normalize(m.normals[i]);
    const glm::vec3 kneed = anatomy::bend_knee(p, knee, knee_deg);
    const bool knee_zone = std::abs(p.y - knee.y) < anatomy::kKneeBlend;
    const bool hip_zone = std::abs(kneed.y - anatomy::kHipBlendMid) < anatomy::kHipBlend;
    if (!(knee_zone || hip_zone) || near_kink(kneed.y) || near_knee_border(p.y)) continue;
    ++e.zone_points;
    const glm::vec3 t1 = glm::normalize(glm::cross(n, std::abs(n.x) < 0.9f ? glm::vec3(1, 0, 0) : glm::vec3(0, 1, 0)));
    const glm::vec3 t2 = glm::cross(n, t1);
    const glm::vec3 d1 = map(p + kStep * t1) - map(p - kStep * t1);
    const glm::vec3 d2 = map(p + kStep * t2) - map(p - kStep * t2);
    const glm::vec3 truth = glm::cross(d1, d2);
    const glm::vec3 corrected =
        anatomy::blend_hip_normal(kneed, anatomy::bend_knee_normal(p, n, knee, knee_deg), hip, hip_deg);
    const glm::vec3 rigid = glm::mat3(anatomy::knee_bend_at(p, knee, knee_deg, hip_deg)) * n;
    const glm::vec3 tangent = anatomy::blend_hip_tangent(kneed, anatomy::bend_knee_tangent(p, t1, knee, knee_deg), hip, hip_deg);
    e.corrected = std::max(e.corrected, degrees_between(truth, corrected));
    e.rigid = std::max(e.rigid, degrees_between(truth, rigid));
    e.model = std::max(e.model, degrees_between(truth, bent.meshes[0].normals[i]));
    e.tangent = std::max(e.tangent, degrees_between(d1, tangent));
  }
  return e;
}

}  // namespace

TEST_CASE("bent and blended normals lie on the drawn skin: sitting, knee and hip at 90 degrees") {
  const Errors e = errors(90.0f, 90.0f);
  MESSAGE("largest error, degrees: Jacobian ", e.corrected, ", rigid turn ", e.rigid, ", bent_model ", e.model,
          ", tangent ", e.tangent, " (", e.zone_points, " points in the zones)");
  REQUIRE(e.zone_points > 500);
  // Within a degree of the bent surface (finite differences and float rounding leave ~0.1).
  CHECK(e.corrected < 1.0f);
  CHECK(e.model < 1.0f);
  CHECK(e.tangent < 1.0f);
  // Turned rigidly, as before, they were far off: what the shading showed as a seam.
  CHECK(e.rigid > 10.0f);
}

TEST_CASE("bent and blended normals lie on the drawn skin: legs raised 30 degrees, knee at 45") {
  const Errors e = errors(45.0f, 30.0f);
  MESSAGE("largest error, degrees: Jacobian ", e.corrected, ", rigid turn ", e.rigid, ", tangent ", e.tangent);
  REQUIRE(e.zone_points > 500);
  CHECK(e.corrected < 1.0f);
  CHECK(e.model < 1.0f);
  CHECK(e.tangent < 1.0f);
  CHECK(e.rigid > 3.0f);
}

TEST_CASE("with no bend the normal is unchanged") {
  const glm::vec3 p(0.05f, 0.92f, -0.08f), n = glm::normalize(glm::vec3(0.3f, 0.2f, -0.9f));
  CHECK(glm::distance(anatomy::blend_hip_normal(p, n, frame::kHipCentre, 0.0f), n) < 1e-6f);
  CHECK(glm::distance(anatomy::bend_knee_normal(p, n, frame::kKneeCentre, 0.0f), n) < 1e-6f);
}
