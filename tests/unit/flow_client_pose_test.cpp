// The posture transform (anatomy/client_pose): where the leg and the client lie in the room,
// checked against the heights the flow model computes for the same posture (flow/posture).
#include <doctest/doctest.h>

#include <cmath>
#include <vector>

#include <glm/geometric.hpp>
#include <glm/trigonometric.hpp>

#include "anatomy/client_pose.hpp"
#include "core/frame.hpp"
#include "flow/posture.hpp"

using namespace effleura;
using anatomy::ClientPosture;
using anatomy::Table;

namespace {

glm::vec3 room(const glm::mat4& m, const glm::vec3& p) { return glm::vec3(m * glm::vec4(p, 1.0f)); }

// Points of the leg frame on the leg's axis and on its skin (front of the shin, back of the calf,
// the heel), for comparing heights.
const glm::vec3 kPoints[] = {frame::kHipCentre, frame::kKneeCentre, frame::kAnkleCentre, {-0.01f, 0.30f, 0.04f},
                             {-0.01f, 0.33f, -0.085f}, {-0.02f, 0.02f, -0.08f}, {0.10f, 0.75f, 0.0f}};

}  // namespace

TEST_CASE("prone, the back of the leg faces the ceiling, supine, the front does") {
  const auto prone = anatomy::client_pose(ClientPosture::prone);
  const auto supine = anatomy::client_pose(ClientPosture::supine);
  CHECK(anatomy::to_room(prone.left_leg, -frame::kAnterior).y == doctest::Approx(1.0f));
  CHECK(anatomy::to_room(supine.left_leg, frame::kAnterior).y == doctest::Approx(1.0f));
  // Lying along the table, the head toward its face-hole end (-X), toes toward the foot end.
  for (const auto& pose : {prone, supine}) {
    CHECK(anatomy::to_room(pose.left_leg, frame::kUp).x == doctest::Approx(-1.0f));
    CHECK(pose.on_table);
  }
  // Prone, the face is over the face hole (nose ~1.62 m up a 1.75 m client, in front of the midline).
  const glm::vec3 nose = room(prone.body, {anatomy::kMidlineX, 1.62f, 0.10f});
  CHECK(nose.x == doctest::Approx(Table::kFaceHoleX).epsilon(0.02));
  CHECK(std::abs(nose.z) < 0.01f);
  // The hands rest on the table: prone in front of the body, supine behind it (hand ~0.78 m up).
  for (const auto& pose : {prone, supine})
    for (float side : {-1.0f, 1.0f}) {
      const glm::vec3 hand = room(side > 0.0f ? pose.left_arm : pose.right_arm, {anatomy::kMidlineX + side * 0.285f, 0.775f, 0.0f});
      CHECK(hand.y - Table::kTopY == doctest::Approx(0.035f).epsilon(0.3));  // its half thickness
      CHECK(std::abs(hand.z) < 0.5f * Table::kWidth - 0.02f);
    }
}

TEST_CASE("lying, the massaged leg rests on the table: above its top, within its width") {
  for (auto p : {ClientPosture::prone, ClientPosture::supine}) {
    const auto pose = anatomy::client_pose(p);
    CAPTURE(anatomy::client_posture_name(p));
    for (const glm::vec3& axis : {frame::kHipCentre, frame::kKneeCentre, glm::vec3(-0.02f, 0.2f, 0.0f)}) {
      const glm::vec3 r = room(pose.left_leg, axis);
      CHECK(r.y > Table::kTopY + 0.03f);  // the axis lies inside a leg at least 6 cm thick
      CHECK(r.y < Table::kTopY + 0.16f);
      CHECK(std::abs(r.z) < 0.5f * Table::kWidth - 0.06f);
      CHECK(std::abs(r.x) < 0.5f * Table::kLength);
    }
    // The left leg lies on the client's left of the midline, the other leg on the right.
    const glm::vec3 left = room(pose.left_leg, frame::kKneeCentre);
    const glm::vec3 right = room(pose.right_leg, anatomy::kRightHipCentre - glm::vec3(0, 0.4f, 0));
    const glm::vec3 to_left = anatomy::to_room(pose.body, frame::kLateral);
    CHECK(glm::dot(left - right, to_left) > 0.12f);
  }
}

TEST_CASE("turning over runs from prone to supine without passing through the table") {
  const auto prone = anatomy::client_pose(ClientPosture::supine, 0.0f);
  const auto supine = anatomy::client_pose(ClientPosture::prone, 1.0f);
  const auto expect_prone = anatomy::client_pose(ClientPosture::prone);
  const auto expect_supine = anatomy::client_pose(ClientPosture::supine);
  for (const glm::vec3& p : kPoints) {
    CHECK(glm::distance(room(prone.left_leg, p), room(expect_prone.left_leg, p)) < 1e-5f);
    CHECK(glm::distance(room(supine.left_leg, p), room(expect_supine.left_leg, p)) < 1e-5f);
  }
  for (int i = 0; i <= 20; ++i) {
    const auto pose = anatomy::client_pose(ClientPosture::supine, static_cast<float>(i) / 20.0f);
    CAPTURE(i);
    // The outer hip (the widest point of the pelvis, 0.22 m out from the midline) stays above the table.
    for (float side : {-1.0f, 1.0f}) {
      const glm::vec3 hip = room(pose.body, {anatomy::kMidlineX + side * 0.22f, 0.92f, 0.0f});
      CHECK(hip.y > Table::kTopY);
    }
  }
}

TEST_CASE("the heights drawn are the heights the flow model computes for that posture") {
  const anatomy::VeinNetworkParams params;
  const std::pair<ClientPosture, flow::Posture> pairs[] = {{ClientPosture::supine, flow::Posture::supine},
                                                           {ClientPosture::raised, flow::Posture::raised},
                                                           {ClientPosture::standing, flow::Posture::standing}};
  for (const auto& [drawn, model] : pairs) {
    CAPTURE(anatomy::client_posture_name(drawn));
    const auto pose = anatomy::client_pose(drawn);
    const float hip_room = room(pose.left_leg, frame::kHipCentre).y;
    const double hip_model = flow::height_above_reference(frame::kHipCentre, model, params);
    for (const glm::vec3& p : kPoints) {
      const double drawn_rise = room(pose.left_leg, p).y - hip_room;
      const double model_rise = flow::height_above_reference(p, model, params) - hip_model;
      CHECK(std::abs(drawn_rise - model_rise) < 1e-4);
    }
  }
  // Raised: the heels about 0.4 m above the hips, as the flow model's 30 degrees put them.
  const auto raised = anatomy::client_pose(ClientPosture::raised);
  CHECK(room(raised.left_leg, frame::kAnkleCentre).y - room(raised.left_leg, frame::kHipCentre).y ==
        doctest::Approx(0.83 * 0.5).epsilon(0.05));
  CHECK(raised.wedge);
  CHECK_FALSE(anatomy::client_pose(ClientPosture::standing).on_table);
}

TEST_CASE("lying prone, straight or with the knee bent, and rolling over, the drawn heights are the flow model's") {
  // Until session 23 the flow kept the front-up heights face down (the straight prone leg's veins
  // a few cm off: the common femoral vein 4 cm above the hip instead of below it) and bent a
  // prone knee's shank up from those front-up heights.
  const anatomy::VeinNetworkParams params;
  struct Case { const char* name; anatomy::ClientPose pose; };
  std::vector<Case> cases = {{"prone", anatomy::client_pose(ClientPosture::prone)},
                             {"prone, knee 30", anatomy::client_pose(ClientPosture::prone)},
                             {"rolling, 0.3", anatomy::client_pose(ClientPosture::supine, 0.3f, false)},
                             {"rolling outer side up, 0.6", anatomy::client_pose(ClientPosture::supine, 0.6f, true)},
                             {"supine", anatomy::client_pose(ClientPosture::supine)}};
  cases[1].pose.knee_flexion_deg = 30.0f;  // calf squeezes (app::ClientStage bends a prone knee)
  for (const Case& c : cases) {
    CAPTURE(c.name);
    const float knee = c.pose.knee_flexion_deg;
    const auto drawn = [&](const glm::vec3& p) { return room(c.pose.left_leg, anatomy::bend_knee(p, frame::kKneeCentre, knee)); };
    const glm::vec3 up = flow::lying_up(c.pose.left_leg);
    const double hip_model = flow::height_above_reference(frame::kHipCentre, flow::Posture::supine, params, knee, up);
    for (const glm::vec3& p : kPoints) {
      CAPTURE(p.y);
      CAPTURE(p.z);
      const double drawn_rise = drawn(p).y - drawn(frame::kHipCentre).y;
      const double model_rise = flow::height_above_reference(p, flow::Posture::supine, params, knee, up) - hip_model;
      CHECK(std::abs(drawn_rise - model_rise) < 1e-4);
    }
  }
  // Face down the front of the thigh (the common femoral vein, 4 cm in front of the hip) lies below the hip.
  const glm::vec3 groin{-0.02f, 0.88f, 0.046f};
  CHECK(flow::height_above_reference(groin, flow::Posture::supine, params, 0.0, flow::kFaceDown) ==
        doctest::Approx(-0.046).epsilon(1e-3));
  CHECK(flow::height_above_reference(groin, flow::Posture::supine, params) == doctest::Approx(0.046).epsilon(1e-3));
}

TEST_CASE("sitting: hips and knees bent 90 degrees, the drawn heights equal the flow model's") {
  const anatomy::VeinNetworkParams params;
  const auto pose = anatomy::client_pose(ClientPosture::sitting);
  CHECK(anatomy::to_room(pose.body, frame::kUp).y == doctest::Approx(1.0f));
  CHECK(pose.knee_flexion_deg == doctest::Approx(90.0f));
  // Drawn = the leg frame bent at the knee (anatomy::bend_knee, as shaders/model.vert), then posed.
  const auto drawn = [&](const glm::vec3& p) {
    return room(pose.left_leg, anatomy::bend_knee(p, frame::kKneeCentre, pose.knee_flexion_deg));
  };
  const glm::vec3 hip = drawn(frame::kHipCentre), knee = drawn(frame::kKneeCentre), ankle = drawn(frame::kAnkleCentre);
  CHECK(knee.y == doctest::Approx(hip.y).epsilon(0.02));  // the thigh level on the table
  CHECK(glm::distance(hip, knee) > 0.4f);
  CHECK(hip.y > Table::kTopY);
  // The shank hangs straight down from the knee, over the table's foot end, the foot clear of the floor.
  CHECK(ankle.y == doctest::Approx(knee.y - (frame::kKneeCentre.y - frame::kAnkleCentre.y)).epsilon(0.01));
  CHECK(std::abs(ankle.x - knee.x) < 0.02f);
  const glm::vec3 calf_back = drawn({-0.01f, 0.33f, -0.085f});
  CHECK(calf_back.x > 0.5f * Table::kLength);
  CHECK(drawn({-0.02f, 0.02f, -0.08f}).y > 0.1f);
  // Heights (rises above the hip) equal flow::height_above_reference's for sitting to 1e-4 m at
  // every point more than kKneeBlend from the knee's height and on the hinge axis: ankle, heel,
  // shin, calf, knee centre, thigh.
  const double hip_model = flow::height_above_reference(frame::kHipCentre, flow::Posture::sitting, params);
  for (const glm::vec3& p : kPoints) {
    CAPTURE(p.y);
    const double drawn_rise = drawn(p).y - hip.y;
    const double model_rise = flow::height_above_reference(p, flow::Posture::sitting, params) - hip_model;
    CHECK(std::abs(drawn_rise - model_rise) < 1e-4);
  }
}

TEST_CASE("the knee bend keeps the skin round the joint: no point moves away from the hinge, none in front toward it") {
  // Skin points round the knee (radius 6 cm) at heights through the blend zone, at 0, 45 and 90
  // degrees: each keeps its side-to-side place; in front of the hinge its
  // distance from the axis, so the joint cannot collapse (candy-wrapper) or swell; behind it the
  // fold is flattened toward the axis (anatomy::flatten_behind_knee), never pushed away. Below the
  // zone the shank turns rigidly.
  const glm::vec3 k = frame::kKneeCentre;
  for (float deg : {0.0f, 45.0f, 90.0f})
    for (float dy = -0.10f; dy <= 0.101f; dy += 0.02f)
      for (int i = 0; i < 8; ++i) {
        const float a = static_cast<float>(i) * 0.785398f;
        const glm::vec3 p = k + glm::vec3(0.06f * std::sin(a), dy, 0.06f * std::cos(a));
        const glm::vec3 b = anatomy::bend_knee(p, k, deg);
        CAPTURE(deg);
        CAPTURE(dy);
        const auto axis_dist = [&](const glm::vec3& v) { return glm::length(glm::vec2(v.y - k.y, v.z - k.z)); };
        if (p.z - k.z >= 0.0f)
          CHECK(axis_dist(b) == doctest::Approx(axis_dist(p)).epsilon(1e-4));
        else
          CHECK(axis_dist(b) <= axis_dist(p) + 1e-6f);  // (a micrometre: float rounding on the axis)
        CHECK(b.x == doctest::Approx(p.x));
        if (dy < -anatomy::kKneeBlend) {  // rigid: the angle about the axis grew by exactly `deg`
          const float turned = std::atan2(b.z - k.z, -(b.y - k.y)) - std::atan2(p.z - k.z, -(p.y - k.y));
          CHECK(std::remainder(turned + glm::radians(deg), 6.2831853f) == doctest::Approx(0.0f).epsilon(1e-4));
        }
      }
  // Above the zone nothing moves; 90 degrees turns the shank's "down" into "back".
  CHECK(anatomy::bend_knee(k + glm::vec3(0, 0.07f, 0.05f), k, 90.0f) == k + glm::vec3(0, 0.07f, 0.05f));
  const glm::vec3 down = anatomy::bend_knee(k - glm::vec3(0, 0.3f, 0), k, 90.0f) - k;
  CHECK(down.z == doctest::Approx(-0.3f).epsilon(1e-4));
  CHECK(std::abs(down.y) < 1e-4f);
}

TEST_CASE("posture names: the five drawn postures, nothing else") {
  for (auto p : {ClientPosture::supine, ClientPosture::prone, ClientPosture::raised, ClientPosture::sitting,
                 ClientPosture::standing})
    CHECK(anatomy::parse_client_posture(anatomy::client_posture_name(p)) == p);
  CHECK_FALSE(anatomy::parse_client_posture("upside-down").has_value());
  CHECK_FALSE(anatomy::parse_client_posture("").has_value());
}
