// The sheet over the hips stays over the other leg's top when the hips bend (sitting, legs
// raised): drawn as the renderer draws them (anatomy::client_part_frame, client_part_hip_deg),
// every vertex of the other leg that the sheet covers with the hips straight is still inside the
// sheet. With the sheet left unbent while that leg folded at its hip, the bent thigh came out
// through it and the sheet's edge showed as a jagged line along the thigh.
#include <doctest/doctest.h>

#include <cmath>
#include <vector>

#include <glm/mat4x4.hpp>
#include <glm/matrix.hpp>

#include "anatomy/client_pose.hpp"
#include "anatomy/leg_bend.hpp"
#include "anatomy/model_loader.hpp"
#include "forge/client_shapes.hpp"
#include "../support/sanitizer.hpp"
#include "shipped_assets.hpp"

using namespace effleura;

namespace {

const anatomy::Mesh& right_leg() { return test::shipped_mesh("client.glb", "client.leg-right"); }

// A drawn part's map from its own frame into the room (without the knee: the sheet and the hip's
// zone lie well above it).
glm::vec3 drawn(std::string_view part, const anatomy::ClientPose& pose, const glm::vec3& p) {
  const glm::vec3 blended = anatomy::blend_hip(p, anatomy::kRightHipCentre, anatomy::client_part_hip_deg(part, pose));
  return glm::vec3(anatomy::client_part_frame(part, pose) * glm::vec4(blended, 1.0f));
}

// Whether room point `q` lies inside the hip drape as drawn: back into the drape's own frame,
// then every point its hip blend draws at q (anatomy::unbend_leg: the two hips share one axis
// and the blend does not depend on x, so the left leg's inverse serves).
bool inside_drape(const anatomy::ClientPose& pose, const glm::vec3& q) {
  const glm::vec3 local(glm::inverse(anatomy::client_part_frame("drape.hips", pose)) * glm::vec4(q, 1.0f));
  const anatomy::LegBend bend{anatomy::kRightKneeCentre, 0.0f, anatomy::client_part_hip_deg("drape.hips", pose)};
  for (const glm::vec3& p : anatomy::unbend_leg(local, bend))
    if (forge::hip_drape_distance(p) < 0.0f) return true;
  return false;
}

}  // namespace

TEST_CASE("the hip drape stays over the other leg's top as the hips bend") {
  // Every vertex of the other leg keeps the side of the sheet it has with the hips straight:
  // under it (hidden) or out of it (shown). Where the bent thigh turned into or out of an
  // unbent sheet, its skin crossed the sheet's surface along a jagged line.
  const anatomy::Mesh& leg = right_leg();
  for (anatomy::ClientPosture posture : {anatomy::ClientPosture::supine, anatomy::ClientPosture::raised,
                                         anatomy::ClientPosture::sitting}) {
    const anatomy::ClientPose pose = anatomy::client_pose(posture);
    CAPTURE(anatomy::client_posture_name(posture));
    int covered = 0, checked = 0, changed = 0;
    for (std::size_t i = 0; i < leg.positions.size(); i += static_cast<std::size_t>(test::kSanitizedStride)) {
      const glm::vec3& p = leg.positions[i];
      const float d = forge::hip_drape_distance(p);
      if (std::abs(d) < 0.002f || p.y < 0.6f) continue;  // on the sheet's surface; or far below it
      ++checked;
      covered += d < 0.0f ? 1 : 0;
      if (inside_drape(pose, drawn("client.leg-right", pose, p)) != (d < 0.0f)) ++changed;
    }
    MESSAGE(anatomy::client_posture_name(posture), ": ", changed, " of ", checked, " vertices (", covered,
            " under the sheet) changed side");
    REQUIRE(covered > 100);
    CHECK(changed == 0);
  }
}
