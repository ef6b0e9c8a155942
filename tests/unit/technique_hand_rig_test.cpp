// The hand skeleton (technique/hand_rig.hpp) that the forge skins and the renderer poses.
#include <doctest/doctest.h>

#include <cmath>

#include <glm/geometric.hpp>
#include <glm/trigonometric.hpp>

#include "technique/hand_rig.hpp"

using namespace effleura;

namespace {
glm::vec3 base_of(const technique::HandPart& p) { return glm::vec3(p.frame[3]); }
}  // namespace

TEST_CASE("a flat hand points its fingers along +Z and lies on the palm plane") {
  const auto shape = technique::build_hand(glm::mat4(1.0f), technique::FingerPose{}, Hand::right);
  for (std::size_t f = 1; f < 5; ++f) {
    const glm::vec3 tip = shape.parts[1 + f * 3 + 2].tip;
    CHECK(tip.z > 0.10f);  // every fingertip well ahead of the palm centre
    CHECK(tip.y == doctest::Approx(0.014f).epsilon(0.01));  // straight fingers stay level
  }
  CHECK(shape.parts[1 + 2 * 3 + 2].tip.z > 0.14f);  // the middle finger reaches furthest
  // A right hand lying palm down with its fingers ahead has its thumb toward Y x Z = +X, its
  // little finger toward -X; a left hand the other way round.
  CHECK(shape.parts[1].tip.x > 0.0f);
  CHECK(shape.parts[1 + 4 * 3 + 2].tip.x < 0.0f);
  const auto left = technique::build_hand(glm::mat4(1.0f), technique::FingerPose{}, Hand::left);
  CHECK(left.parts[1].tip.x < 0.0f);
  CHECK(left.parts[1 + 4 * 3 + 2].tip.x > 0.0f);
}

TEST_CASE("flexion curls the fingers toward the palm side") {
  technique::FingerPose fist;
  for (std::size_t f = 1; f < 5; ++f) fist.flexion[f] = {80.0f, 90.0f, 60.0f};
  const auto flat = technique::build_hand(glm::mat4(1.0f), technique::FingerPose{}, Hand::right);
  const auto curled = technique::build_hand(glm::mat4(1.0f), fist, Hand::right);
  for (std::size_t f = 1; f < 5; ++f) {
    const glm::vec3 t0 = flat.parts[1 + f * 3 + 2].tip, t1 = curled.parts[1 + f * 3 + 2].tip;
    CHECK(t1.z < t0.z - 0.05f);  // the tip comes back over the palm
    CHECK(t1.y < 0.014f);        // and below the knuckles, toward the skin
  }
}

TEST_CASE("phalanges stay attached: each starts where the previous one ended") {
  technique::FingerPose pose;
  pose.flexion[2] = {30.0f, 40.0f, 20.0f};
  const auto shape = technique::build_hand(glm::mat4(1.0f), pose, Hand::right);
  for (std::size_t j = 1; j < 3; ++j) {
    const auto& prev = shape.parts[1 + 2 * 3 + j - 1];
    const auto& part = shape.parts[1 + 2 * 3 + j];
    CHECK(glm::length(base_of(part) - prev.tip) < 1e-5f);
  }
}

TEST_CASE("part frames are rigid and right-handed for both hands") {
  for (Hand h : {Hand::left, Hand::right}) {
    const auto shape = technique::build_hand(glm::mat4(1.0f), technique::FingerPose{}, h);
    for (const auto& p : shape.parts) {
      const glm::vec3 x(p.frame[0]), y(p.frame[1]), z(p.frame[2]);
      CHECK(glm::length(x) == doctest::Approx(1.0f));
      CHECK(glm::dot(glm::cross(x, y), z) == doctest::Approx(1.0f));
    }
  }
}

TEST_CASE("the left hand mirrors the right and the palm frame moves the whole hand") {
  const auto right = technique::build_hand(glm::mat4(1.0f), technique::FingerPose{}, Hand::right);
  const auto left = technique::build_hand(glm::mat4(1.0f), technique::FingerPose{}, Hand::left);
  CHECK(left.parts[1].tip.x == doctest::Approx(-right.parts[1].tip.x));
  glm::mat4 moved(1.0f);
  moved[3] = glm::vec4(0.1f, 0.5f, 0.2f, 1.0f);
  const auto shifted = technique::build_hand(moved, technique::FingerPose{}, Hand::right);
  CHECK(glm::length(shifted.parts[7].tip - right.parts[7].tip - glm::vec3(0.1f, 0.5f, 0.2f)) < 1e-5f);
}

TEST_CASE("spread fans the fingers apart about the middle finger") {
  technique::FingerPose fanned;
  fanned.spread_deg = 10.0f;
  // The left hand: thumb on -X.
  const auto flat = technique::build_hand(glm::mat4(1.0f), technique::FingerPose{}, Hand::left);
  const auto open = technique::build_hand(glm::mat4(1.0f), fanned, Hand::left);
  const auto tip = [](const technique::HandShape& s, std::size_t f) { return s.parts[technique::hand_part(f, 2)].tip; };
  CHECK(tip(open, 1).x < tip(flat, 1).x - 0.005f);  // the index moves toward the thumb side
  CHECK(tip(open, 4).x > tip(flat, 4).x + 0.01f);   // the little finger away from it
  CHECK(tip(open, 2).x == doctest::Approx(tip(flat, 2).x));
  // Neighbouring fingers diverge by the spread angle.
  const glm::vec3 index_dir(open.parts[technique::hand_part(1, 0)].frame[2]);
  const glm::vec3 middle_dir(open.parts[technique::hand_part(2, 0)].frame[2]);
  CHECK(glm::degrees(std::acos(glm::dot(index_dir, middle_dir))) == doctest::Approx(10.0f).epsilon(0.01));
}

TEST_CASE("joints are named by hand, finger and phalanx") {
  CHECK(technique::joint_name(Hand::right, 0) == "hand.right.palm");
  CHECK(technique::joint_name(Hand::left, technique::hand_part(0, 0)) == "hand.left.thumb.1");
  CHECK(technique::joint_name(Hand::right, technique::hand_part(1, 2)) == "hand.right.index.3");
  CHECK(technique::joint_name(Hand::right, technique::hand_part(4, 1)) == "hand.right.little.2");
  CHECK(technique::hand_mesh_name(Hand::left) == "hand.left");
}

TEST_CASE("opposition brings the thumb under the palm and toward the fingers, its pad facing them") {
  technique::FingerPose opposed;
  opposed.opposition_deg = 50.0f;
  // The left hand: thumb on -X, fingers toward +X of it.
  const auto rest = technique::build_hand(glm::mat4(1.0f), technique::FingerPose{}, Hand::left);
  const auto turned = technique::build_hand(glm::mat4(1.0f), opposed, Hand::left);
  const glm::vec3 t0 = rest.parts[technique::hand_part(0, 2)].tip, t1 = turned.parts[technique::hand_part(0, 2)].tip;
  CHECK(t1.y < t0.y - 0.02f);  // below the palm's plane, toward the skin side
  CHECK(t1.x > t0.x + 0.02f);  // round toward the index finger
  // The pad (the distal phalanx's -Y side) faces the fingers (+X) more than it faces away.
  const glm::vec3 pad = -glm::vec3(turned.parts[technique::hand_part(0, 2)].frame[1]);
  CHECK(pad.x > 0.5f);
}
