// The foam wedge of the raised posture (assets/client.glb "table.wedge", forge/client_table.cpp):
// under both legs, beside the arms. 0.60 m wide until session 28, it took in the forearms and the
// hands, which rest on the table beside the thighs: the fingers came out of its slope near its
// toe from the raised posture's default camera (notes/s28 client-shots/
// raised-hand-wedge-main-top-new-bottom.png). Measured on the committed meshes, drawn in the room.
#include <doctest/doctest.h>

#include <cstddef>
#include <string>

#include <glm/mat4x4.hpp>

#include "anatomy/client_pose.hpp"
#include "core/frame.hpp"
#include "shipped_assets.hpp"
#include "solid_parity.hpp"
#include "../support/sanitizer.hpp"

using namespace effleura;

namespace {

const anatomy::ClientPose& raised() {
  static const anatomy::ClientPose pose = anatomy::client_pose(anatomy::ClientPosture::raised);
  return pose;
}

// How many of a part's vertices (every kSanitizedStride-th) lie inside the wedge as drawn raised.
int inside_wedge(const std::string& file, const std::string& part, const glm::mat4& frame, const glm::vec3& hip, float hip_deg) {
  static const test::Solid wedge(test::shipped_mesh("client.glb", "table.wedge"));
  const anatomy::Mesh& m = test::shipped_mesh(file, part);
  int inside = 0;
  for (std::size_t i = 0; i < m.positions.size(); i += static_cast<std::size_t>(test::kSanitizedStride)) {
    const glm::vec3 p = hip_deg != 0.0f ? anatomy::blend_hip(m.positions[i], hip, hip_deg) : m.positions[i];
    inside += wedge.inside(glm::vec3(frame * glm::vec4(p, 1.0f)));
  }
  return inside;
}

}  // namespace

TEST_CASE("raised, the client's arms rest beside the leg wedge, not in it") {
  REQUIRE(anatomy::client_part_shown("table.wedge", raised()));
  for (const char* arm : {"client.arm-left", "client.arm-right"}) {
    CAPTURE(arm);
    const int inside = inside_wedge("client.glb", arm, anatomy::client_part_frame(arm, raised()), glm::vec3(0.0f), 0.0f);
    MESSAGE(std::string(arm), ": ", inside, " vertices inside the wedge");
    // 169 and 166 of 402 with the 0.60 m wedge. A subset (the sanitizers' stride) finds fewer.
    CHECK(inside == 0);
  }
}

TEST_CASE("raised, both legs lie on the leg wedge") {
  // The backs of both legs press into its top (the calves by 8 mm): narrowing it must not leave
  // either leg off it. Counted vertices inside, each leg drawn as the renderer draws it.
  const anatomy::ClientPose& pose = raised();
  const int massaged = inside_wedge("leg.glb", "skin", pose.left_leg, frame::kHipCentre, pose.hip_flexion_deg);
  const int other = inside_wedge("client.glb", "client.leg-right", anatomy::client_part_frame("client.leg-right", pose), anatomy::kRightHipCentre,
                                 anatomy::client_part_hip_deg("client.leg-right", pose));
  MESSAGE("vertices pressed into the wedge: the massaged leg ", massaged, ", the other ", other);
  CHECK(massaged > 40 / test::kSanitizedStride);
  CHECK(other > 40 / test::kSanitizedStride);
}
