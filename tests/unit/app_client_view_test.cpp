// --look-at head (app/client_view.hpp): the box the camera frames round the client's head, in
// the massaged leg's frame, is where the head is drawn in every posture: placed back into the
// room through the leg's pose it holds the head's drawn vertices, at the head end of the table
// lying, above the table sitting. With the leg's own box instead (the only framing before
// session 17) no view showed the head: the prone face in the face hole had never been seen.
#include <doctest/doctest.h>

#include <glm/mat4x4.hpp>
#include <glm/vec4.hpp>

#include "anatomy/client_pose.hpp"
#include "app/client_view.hpp"
#include "shipped_assets.hpp"

using namespace effleura;

TEST_CASE("--look-at head: the framed box holds the head as drawn, in every posture") {
  const Expected<anatomy::Model>& client = test::shipped_model("client.glb");
  REQUIRE(client.has_value());
  const anatomy::Mesh& head = test::shipped_mesh("client.glb", "client.head");
  for (auto posture : {anatomy::ClientPosture::prone, anatomy::ClientPosture::supine, anatomy::ClientPosture::sitting,
                       anatomy::ClientPosture::standing}) {
    CAPTURE(anatomy::client_posture_name(posture));
    const anatomy::ClientPose pose = anatomy::client_pose(posture);
    const auto box = app::client_part_box(*client, "client.head", pose);
    REQUIRE(box.has_value());
    // A head's and neck's size (the mesh's neck runs down into the trunk: 0.50 m across the
    // box's diagonal), not the leg's (1.1 m).
    CHECK(glm::length(box->size()) > 0.25f);
    CHECK(glm::length(box->size()) < 0.60f);
    // Every drawn head vertex, taken into the leg's frame, lies in the box (within rounding).
    const glm::mat4 to_leg = glm::inverse(pose.left_leg) * anatomy::client_part_frame("client.head", pose);
    int outside = 0;
    for (const glm::vec3& p : head.positions) {
      const glm::vec3 q(to_leg * glm::vec4(p, 1.0f));
      outside += glm::any(glm::lessThan(q, box->min - 1e-4f)) || glm::any(glm::greaterThan(q, box->max + 1e-4f));
    }
    CHECK(outside == 0);
    // In the room the box's centre is the head's: lying at the table's head end (the face hole's
    // x), sitting or standing high above the floor.
    const glm::vec3 centre(pose.left_leg * glm::vec4(box->centre(), 1.0f));
    if (posture == anatomy::ClientPosture::prone || posture == anatomy::ClientPosture::supine) {
      CHECK(centre.x == doctest::Approx(anatomy::Table::kFaceHoleX).epsilon(0.1));
      CHECK(centre.y < anatomy::Table::kTopY + 0.25f);
    } else {
      CHECK(centre.y > 1.2f);
    }
  }
  CHECK_FALSE(app::client_part_box(*client, "client.no-such-part", anatomy::client_pose(anatomy::ClientPosture::supine)).has_value());
}
