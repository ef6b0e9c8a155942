// Sitting on the table's end, the client leans back a little on their hands, which rest on the
// table top behind the hips. Until session 16 the arms were swung 32 degrees forward and the
// hands hung in the air beside the knees, 6 cm over the table and past its end: from the step
// camera of sitting vibration's lift over the knee the client's own arm stood in front of the
// knee and the therapist's hands. Checked on the committed arm meshes as the pose places them.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include <glm/mat4x4.hpp>
#include <glm/vec4.hpp>

#include "anatomy/client_pose.hpp"
#include "core/frame.hpp"
#include "shipped_assets.hpp"

using namespace effleura;

TEST_CASE("sitting, the client's hands rest on the table top behind the hips, out of the therapist's way") {
  const anatomy::ClientPose pose = anatomy::client_pose(anatomy::ClientPosture::sitting);
  const glm::vec3 hip(pose.left_leg * glm::vec4(frame::kHipCentre, 1.0f));  // room
  for (const char* name : {"client.arm-left", "client.arm-right"}) {
    CAPTURE(std::string(name));
    const anatomy::Mesh& arm = test::shipped_mesh("client.glb", name);
    const glm::mat4& to_room = anatomy::client_part_frame(name, pose);
    // The hand and wrist: the arm below 15 cm over the table top.
    float lowest = 1e9f, farthest = -1e9f, lowest_x = 0.0f;
    float widest = 0.0f;
    for (const glm::vec3& v : arm.positions) {
      const glm::vec3 p(to_room * glm::vec4(v, 1.0f));
      if (p.y < lowest) lowest = p.y, lowest_x = p.x;
      if (p.y < anatomy::Table::kTopY + 0.15f) farthest = std::max(farthest, p.x);
      widest = std::max(widest, std::abs(p.z));
    }
    MESSAGE(std::string(name), ": lowest point ", (lowest - anatomy::Table::kTopY) * 1000.0f, " mm over the table top at x ",
            lowest_x, " (hip centre ", hip.x, ", table end ", 0.5f * anatomy::Table::kLength, "), the hand's farthest forward x ",
            farthest);
    // Resting on the top: the hand's lowest point on it (the padding gives a few millimetres),
    // neither hanging over it nor sunk through it.
    CHECK(lowest >= anatomy::Table::kTopY - 0.006f);
    CHECK(lowest <= anatomy::Table::kTopY + 0.012f);
    // On the table, behind the hips: nothing of the hand past the hip centre toward the knees.
    CHECK(lowest_x < hip.x);
    CHECK(farthest < hip.x);
    CHECK(widest < 0.5f * anatomy::Table::kWidth);
  }
}
