// The camera with the client lying: the named views look at the named side of the leg wherever
// the posture puts it, the camera keeps the room's up, and it follows the leg as the client
// turns over. Plain math, no GL.
#include <doctest/doctest.h>

#include <glm/geometric.hpp>
#include <glm/trigonometric.hpp>

#include "anatomy/client_pose.hpp"
#include "core/frame.hpp"
#include "render/camera.hpp"

using namespace effleura;
using render::Camera;
using render::ViewPreset;

namespace {

const anatomy::Bounds kLeg{{-0.1f, 0.0f, -0.17f}, {0.13f, 1.04f, 0.2f}};

Camera lying(anatomy::ClientPosture posture) {
  Camera c;
  c.set_subject(anatomy::client_pose(posture).left_leg);
  c.frame(kLeg);
  return c;
}

// The unit direction from the target to the eye, in the leg's frame.
glm::vec3 seen_from(const Camera& c) {
  const glm::vec3 room = glm::normalize(c.eye() - c.pose().target);
  return glm::normalize(glm::vec3(glm::inverse(c.subject()) * glm::vec4(room, 0.0f)));
}

}  // namespace

TEST_CASE("prone, the back view looks at the back of the leg from the ceiling") {
  Camera c = lying(anatomy::ClientPosture::prone);
  c.set_preset(ViewPreset::back, false);
  CHECK(glm::dot(seen_from(c), -frame::kAnterior) > 0.9f);  // at the back of the leg
  CHECK(c.pose().pitch > 1.2f);                             // from above
  // The view matrix keeps the room's up: the screen's up has no sideways tilt.
  const glm::mat4 v = c.view_matrix();
  CHECK(std::abs(v[1][0]) < 1e-4f);  // room up (column 1) has no component along the screen's x
}

TEST_CASE("supine, the front view looks from the ceiling, the lateral view from the leg's outer side") {
  Camera c = lying(anatomy::ClientPosture::supine);
  c.set_preset(ViewPreset::front, false);
  CHECK(glm::dot(seen_from(c), frame::kAnterior) > 0.9f);
  c.set_preset(ViewPreset::lateral, false);
  CHECK(glm::dot(seen_from(c), frame::kLateral) > 0.8f);
  CHECK(c.eye().y > c.pose().target.y);  // looking down, as from beside the table
  // Never from under the table: asking for the back of a supine leg stays above its top.
  c.set_preset(ViewPreset::back, false);
  CHECK(c.eye().y > anatomy::Table::kTopY);
}

TEST_CASE("standing, the views are the leg frame's own, as before postures existed") {
  Camera plain, standing;
  plain.frame(kLeg);
  standing.set_subject(anatomy::client_pose(anatomy::ClientPosture::standing).left_leg);
  standing.frame(kLeg);
  for (ViewPreset v : {ViewPreset::front, ViewPreset::back, ViewPreset::lateral, ViewPreset::medial, ViewPreset::top}) {
    plain.set_preset(v, false);
    standing.set_preset(v, false);
    CHECK(glm::distance(plain.eye(), standing.eye()) < 1e-4f);
  }
}

TEST_CASE("as the client turns over, the camera's target moves with the leg") {
  Camera c = lying(anatomy::ClientPosture::prone);
  c.set_preset(ViewPreset::back, false);
  const glm::vec3 knee_before(anatomy::client_pose(anatomy::ClientPosture::prone).left_leg * glm::vec4(frame::kKneeCentre, 1.0f));
  const glm::vec3 offset = c.pose().target - knee_before;
  const auto supine = anatomy::client_pose(anatomy::ClientPosture::supine).left_leg;
  for (int i = 1; i <= 10; ++i) c.set_subject(anatomy::client_pose(anatomy::ClientPosture::supine, 0.1f * static_cast<float>(i)).left_leg);
  const glm::vec3 knee_after(supine * glm::vec4(frame::kKneeCentre, 1.0f));
  // The leg moved across the table (the roll takes it to the midline's other side) ...
  CHECK(glm::distance(knee_before, knee_after) > 0.1f);
  // ... and the target with it, within the change of the box's centre (the box turns too).
  CHECK(glm::distance(c.pose().target - knee_after, offset) < 0.1f);
}

TEST_CASE("sitting, the front view faces the front of the shin, which faces forward, not the ceiling") {
  const anatomy::ClientPose pose = anatomy::client_pose(anatomy::ClientPosture::sitting);
  REQUIRE(pose.knee_flexion_deg >= 45.0f);
  Camera c;
  c.set_subject(pose.left_leg, pose.knee_flexion_deg);
  c.frame(kLeg);
  // The shank's frame as drawn: the thigh's turned at the knee (anatomy::bend_knee's hinge).
  const glm::mat4 shank = pose.left_leg * glm::mat4(glm::mat3(glm::vec3(1, 0, 0),
      anatomy::turned_about_x(glm::vec3(0, 1, 0), glm::vec3(0.0f), glm::radians(pose.knee_flexion_deg)),
      anatomy::turned_about_x(glm::vec3(0, 0, 1), glm::vec3(0.0f), glm::radians(pose.knee_flexion_deg))));
  const glm::vec3 shin_front = glm::normalize(anatomy::to_room(shank, frame::kAnterior));
  REQUIRE(std::abs(shin_front.y) < 0.1f);  // the shin hangs: its front faces the room level
  c.set_preset(ViewPreset::front, false);
  const glm::vec3 look = glm::normalize(c.eye() - c.pose().target);
  // From in front of the shin, a little down as from a standing therapist's eye (29 degrees:
  // cos 0.87); the thigh's front (the ceiling) gave ~0.25 here.
  CHECK(glm::dot(look, shin_front) > 0.8f);
  CHECK(c.eye().y > c.pose().target.y);
  // The outer side is the same for thigh and shank: the lateral view still looks at it.
  c.set_preset(ViewPreset::lateral, false);
  CHECK(glm::dot(glm::normalize(c.eye() - c.pose().target), anatomy::to_room(pose.left_leg, frame::kLateral)) > 0.8f);
  // Lying the knee is straight: supine's front stays the ceiling whatever the threshold.
  Camera supine = lying(anatomy::ClientPosture::supine);
  supine.set_preset(ViewPreset::front, false);
  CHECK(supine.pose().pitch > 1.2f);
}
