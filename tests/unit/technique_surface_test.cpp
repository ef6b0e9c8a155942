#include <doctest/doctest.h>

#include <cmath>
#include <numbers>

#include <glm/geometric.hpp>

#include "anatomy/leg_surface.hpp"
#include "anatomy/model_loader.hpp"
#include "core/frame.hpp"
#include "technique_test_support.hpp"

using namespace effleura;
using anatomy::AnalyticLegSurface;
using anatomy::MeshLegSurface;

namespace {
constexpr float kPi = std::numbers::pi_v<float>;
}

TEST_CASE("analytic leg: section perimeters match the ANSUR II circumferences at their heights") {
  const AnalyticLegSurface leg;
  // physiology.md, men's means: ankle 229, calf 392, above knee 409, upper thigh 625 mm.
  CHECK(leg.circumference(0.10f) == doctest::Approx(0.229).epsilon(0.01));
  CHECK(leg.circumference(0.35f) == doctest::Approx(0.392).epsilon(0.01));
  CHECK(leg.circumference(0.55f) == doctest::Approx(0.409).epsilon(0.01));
  CHECK(leg.circumference(0.85f) == doctest::Approx(0.625).epsilon(0.01));
  // The calf is the widest point of the lower leg, the ankle the narrowest.
  for (float a = 0.12f; a < 0.45f; a += 0.01f) CHECK(leg.circumference(a) <= leg.circumference(0.35f) + 1e-3f);
  CHECK(leg.circumference(0.10f) < leg.circumference(0.20f));
}

TEST_CASE("analytic leg: the calf bulges backward, sections centre on the bone axis") {
  const AnalyticLegSurface leg;
  CHECK(leg.radius(0.33f, kPi) > 1.15f * leg.radius(0.33f, 0.0f));
  // At the ankle the malleoli make the section wider than deep.
  CHECK(leg.radius(0.10f, kPi / 2) > leg.radius(0.10f, 0.0f));
  // Axis passes through the frame's joint centres.
  const glm::vec3 k = anatomy::LegSurface::axis(0.49f);
  CHECK(k.x == doctest::Approx(-0.02f).epsilon(1e-4));
  CHECK(anatomy::LegSurface::axis(0.91f).x == doctest::Approx(0.0f).scale(1.0f).epsilon(1e-4));
}

TEST_CASE("leg surface: normals are unit and point outward, projection inverts position") {
  const AnalyticLegSurface leg;
  for (float a = 0.1f; a < 0.9f; a += 0.07f)
    for (float t = 0.0f; t < 2 * kPi; t += 0.5f) {
      const glm::vec3 p = leg.position(a, t);
      const glm::vec3 n = leg.normal(a, t);
      CHECK(glm::length(n) == doctest::Approx(1.0f).epsilon(1e-4));
      const glm::vec3 c = anatomy::LegSurface::axis(a);
      CHECK(glm::dot(n, glm::normalize(glm::vec3(p.x - c.x, 0.0f, p.z - c.z))) > 0.8f);
      // A point 7 mm out along the normal and one 4 mm in project back to (a, t).
      for (float d : {0.007f, -0.004f}) {
        const auto pr = leg.project(p + d * n);
        CHECK(pr.distance == doctest::Approx(d).epsilon(0.0).scale(1.0f).epsilon(3e-4));
        CHECK(pr.along == doctest::Approx(a).epsilon(0.0).scale(1.0f).epsilon(1e-3));
        const float dt = std::remainder(pr.around - t, 2 * kPi);
        CHECK(std::abs(dt) < 0.02f);
      }
    }
}

TEST_CASE("mesh leg: rays against a tessellated tapered cylinder recover its radius") {
  auto radius = [](float y, float) { return 0.04f + 0.05f * (y - 0.05f) / 0.95f; };
  const anatomy::Model model = test::tube_model(radius, 0.05f, 1.0f, 60, 180);
  auto mesh = MeshLegSurface::build(model, 80, 64);
  REQUIRE(mesh.has_value());
  CHECK(mesh->missed_rays() == 0);
  for (float y = 0.12f; y < 0.9f; y += 0.05f)
    for (float t = 0.1f; t < 6.2f; t += 0.7f) {
      // A 180-gon's chord sits at most r(1 - cos(pi/180)) inside the circle: < 0.1 mm.
      CHECK(mesh->radius(y, t) == doctest::Approx(radius(y, t)).scale(1.0f).epsilon(3e-4));
      const glm::vec3 c = anatomy::LegSurface::axis(y);
      const float out = radius(y, t) + 0.01f;
      const glm::vec3 q{c.x + out * std::sin(t), y, c.z + out * std::cos(t)};
      // 10 mm outside horizontally is 10 mm x cos(cone slope 0.05/0.95) from the cone.
      const float expect = 0.01f * std::cos(std::atan(0.05f / 0.95f));
      CHECK(mesh->project(q).distance == doctest::Approx(expect).scale(1.0f).epsilon(2e-4));
    }
}

TEST_CASE("mesh leg: a mesh of the analytic leg reproduces the analytic surface within 1 mm") {
  const AnalyticLegSurface leg;
  const anatomy::Model model = test::tube_model(
      [&](float y, float t) { return leg.radius(y, t); }, 0.05f, 0.97f, 184, 160);
  auto mesh = MeshLegSurface::build(model);
  REQUIRE(mesh.has_value());
  for (float y = 0.1f; y < 0.9f; y += 0.013f)
    for (float t = 0.05f; t < 6.2f; t += 0.31f) {
      const glm::vec3 p = leg.position(y, t);
      CHECK(std::abs(mesh->project(p).distance) < 1e-3f);
      CHECK(glm::dot(mesh->normal(y, t), leg.normal(y, t)) > 0.98f);
    }
}

TEST_CASE("mesh leg: a second skin shell in front (a foot) does not pull the leg's outline forward") {
  anatomy::Model model = test::tube_model([](float, float) { return 0.04f; }, 0.0f, 1.0f, 40, 96);
  // A closed box from z 0.06 to 0.25 in front of the tube, up to 0.12 m high.
  anatomy::Mesh box;
  box.name = "skin.foot";
  box.layer = anatomy::Layer::skin;
  for (int i = 0; i < 8; ++i)
    box.positions.push_back({(i & 1) ? 0.03f : -0.07f, (i & 2) ? 0.12f : 0.0f, (i & 4) ? 0.25f : 0.06f});
  box.normals.assign(8, glm::vec3(0.0f, 1.0f, 0.0f));
  box.indices = {0, 1, 3, 0, 3, 2, 4, 6, 7, 4, 7, 5, 0, 4, 5, 0, 5, 1,
                 2, 3, 7, 2, 7, 6, 0, 2, 6, 0, 6, 4, 1, 5, 7, 1, 7, 3};
  model.meshes.push_back(box);
  auto mesh = MeshLegSurface::build(model, 100, 64);
  REQUIRE(mesh.has_value());
  CHECK(mesh->radius(0.09f, 0.0f) == doctest::Approx(0.04f).epsilon(0.01));
  CHECK(mesh->radius(0.30f, 0.0f) == doctest::Approx(0.04f).epsilon(0.01));
}

TEST_CASE("mesh leg: a model without skin, or too short, is an error not a crash") {
  anatomy::Model empty;
  empty.source = "none.glb";
  auto r = MeshLegSurface::build(empty);
  REQUIRE_FALSE(r.has_value());
  CHECK(r.error().message.find("skin") != std::string::npos);
  const anatomy::Model stub = test::tube_model([](float, float) { return 0.05f; }, 0.3f, 0.35f, 2, 16);
  CHECK_FALSE(MeshLegSurface::build(stub).has_value());
}

TEST_CASE("foot: the sole lies on the floor, faces down, and turns with the ankle") {
  const AnalyticLegSurface leg;
  const auto& foot = leg.foot();
  const auto ball = foot.sole(0.7f, 0.0f, 0.0f);
  CHECK(ball.position.y == doctest::Approx(0.0f).scale(1.0f).epsilon(1e-3));
  CHECK(ball.normal.y < -0.95f);
  CHECK(foot.sole(1.0f, 0.0f, 0.0f).position.z - foot.sole(0.0f, 0.0f, 0.0f).position.z ==
        doctest::Approx(0.154f * 1.75f).epsilon(0.02));
  // Dorsiflexion lifts the toes (point at the ball rises), plantarflexion lowers them.
  CHECK(foot.sole(0.7f, 0.0f, 20.0f).position.y > ball.position.y + 0.04f);
  CHECK(foot.sole(0.7f, 0.0f, -30.0f).position.y < ball.position.y - 0.05f);
  // Rotation about the ankle keeps the distance to the ankle centre.
  const glm::vec3 a = frame::kAnkleCentre;
  CHECK(glm::length(foot.sole(0.7f, 0.3f, 17.0f).position - a) ==
        doctest::Approx(glm::length(foot.sole(0.7f, 0.3f, 0.0f).position - a)).epsilon(1e-4));
  const auto s = foot.sole(0.5f, -0.4f, 12.0f);
  const auto pr = foot.project_sole(s.position - 0.003f * s.normal, 12.0f);
  CHECK(pr.distance == doctest::Approx(-0.003f).scale(1.0f).epsilon(2e-4));
  CHECK(pr.along == doctest::Approx(0.5f).epsilon(0.01));
}

TEST_CASE("assets/leg.glb: the mesh surface built from it is a plausible leg") {
  const test::LegAsset* asset = test::leg_asset();
  REQUIRE_MESSAGE(asset != nullptr, "assets/leg.glb missing");
  REQUIRE_MESSAGE(asset->surface.has_value(), asset->error);
  const MeshLegSurface& mesh = *asset->surface;
  // Within 15 % of the ANSUR II circumferences the analytic surface is built on.
  const AnalyticLegSurface leg;
  for (float y : {0.10f, 0.35f, 0.55f, 0.80f}) {
    CAPTURE(y);
    if (y < mesh.min_along() || y > mesh.max_along()) continue;
    CHECK(mesh.circumference(y) == doctest::Approx(leg.circumference(y)).epsilon(0.15));
  }
  CHECK(mesh.min_along() < 0.12f);
  CHECK(mesh.max_along() > 0.85f);
  // Few rays should need filling in a closed leg.
  CHECK(mesh.missed_rays() < 176 * 96 / 20);
}
