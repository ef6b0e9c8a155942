// The client's own hands never sink into their legs. Each arm (client.glb client.arm-left,
// client.arm-right) is a rigid mesh turned at the shoulder by the pose; each leg is drawn bent at
// its knee and blended at its hip (shaders/model.vert; the massaged leg's skin from leg.glb, the
// other leg from client.glb). Checked on the committed meshes, in the room, by ray parity, for
// every posture, the roll between prone and supine, and six moments of the stride. (Session 11
// took the light oval at the sitting knee's outer side for the left fingertips showing through
// the skin: they never were inside it - sitting no arm vertex comes within 12 mm of a skin
// vertex, and with the arm swung away the oval stays: it is the skin's own crease, see
// anatomy_knee_fold_test. This keeps any new arm pose out of the legs.)
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include <glm/ext/matrix_transform.hpp>
#include <glm/mat4x4.hpp>

#include "anatomy/client_pose.hpp"
#include "app/client_gait.hpp"
#include "core/frame.hpp"
#include "../support/sanitizer.hpp"
#include "shipped_assets.hpp"
#include "solid_parity.hpp"

using namespace effleura;

namespace {

struct Box {
  glm::vec3 lo{1e9f}, hi{-1e9f};
  void add(const glm::vec3& p) {
    lo = glm::min(lo, p);
    hi = glm::max(hi, p);
  }
};

// A leg's mesh as drawn in the room: bent at its knee, blended at its hip, in its leg's frame.
std::vector<glm::vec3> drawn_leg(const anatomy::Mesh& m, const glm::mat4& to_room, const glm::vec3& knee, float knee_deg,
                                 const glm::vec3& hip, float hip_deg) {
  std::vector<glm::vec3> out;
  out.reserve(m.positions.size());
  for (const glm::vec3& p : m.positions)
    out.emplace_back(to_room * glm::vec4(anatomy::blend_hip(anatomy::bend_knee(p, knee, knee_deg), hip, hip_deg), 1.0f));
  return out;
}

// The triangles of a drawn leg that a ray from inside `box` (along +x, solid_parity.hpp) can
// meet: parity from the box's points is unchanged, and the check costs a few of the leg's
// 48,000 triangles a point.
test::Solid near_part(const std::vector<glm::vec3>& pos, const std::vector<std::uint32_t>& idx, const Box& box) {
  std::vector<std::uint32_t> kept;
  for (std::size_t t = 0; t + 2 < idx.size(); t += 3) {
    Box tri;
    for (int k = 0; k < 3; ++k) tri.add(pos[idx[t + k]]);
    if (tri.hi.x < box.lo.x || tri.hi.y < box.lo.y - 0.02f || tri.lo.y > box.hi.y + 0.02f ||
        tri.hi.z < box.lo.z - 0.02f || tri.lo.z > box.hi.z + 0.02f)
      continue;
    kept.insert(kept.end(), {idx[t], idx[t + 1], idx[t + 2]});
  }
  return test::Solid(pos, kept);
}

// How many of the arm's vertices (every stride-th) lie inside either drawn leg.
int arm_in_legs(const anatomy::Mesh& arm, const glm::mat4& arm_to_room, const std::vector<std::vector<glm::vec3>>& legs,
                const std::vector<const anatomy::Mesh*>& leg_meshes) {
  std::vector<glm::vec3> pts;
  Box box;
  for (std::size_t i = 0; i < arm.positions.size(); i += test::kSanitizedStride) {
    pts.emplace_back(arm_to_room * glm::vec4(arm.positions[i], 1.0f));
    box.add(pts.back());
  }
  int inside = 0;
  for (std::size_t l = 0; l < legs.size(); ++l) {
    const test::Solid solid = near_part(legs[l], leg_meshes[l]->indices, box);
    for (const glm::vec3& p : pts) inside += solid.inside(p);
  }
  return inside;
}

int hands_in_legs(const anatomy::ClientPose& pose) {
  const anatomy::Mesh& skin = test::shipped_mesh("leg.glb", "skin");
  const anatomy::Mesh& right = test::shipped_mesh("client.glb", "client.leg-right");
  const std::vector<std::vector<glm::vec3>> legs = {
      drawn_leg(skin, pose.left_leg, frame::kKneeCentre, pose.knee_flexion_deg, frame::kHipCentre, pose.hip_flexion_deg),
      drawn_leg(right, pose.right_leg, anatomy::kRightKneeCentre, pose.right_knee_flexion_deg, anatomy::kRightHipCentre,
                pose.right_hip_flexion_deg)};
  const std::vector<const anatomy::Mesh*> meshes = {&skin, &right};
  int inside = 0;
  for (const char* name : {"client.arm-left", "client.arm-right"})
    inside += arm_in_legs(test::shipped_mesh("client.glb", name), anatomy::client_part_frame(name, pose), legs, meshes);
  return inside;
}

}  // namespace

TEST_CASE("the client's hands rest beside or on their legs, never inside them, in every posture") {
  // Guard: the check sees a hand that is inside a leg (the left arm's mesh moved onto the thigh).
  {
    anatomy::ClientPose pose = anatomy::client_pose(anatomy::ClientPosture::standing);
    const glm::vec3 hand = glm::vec3(pose.left_arm * glm::vec4(anatomy::kMidlineX + 0.282f, 0.80f, 0.0f, 1.0f));
    const glm::vec3 thigh(0.0f, 0.80f, 0.0f);  // inside the left thigh, standing
    pose.left_arm = glm::translate(glm::mat4(1.0f), thigh - hand) * pose.left_arm;
    CHECK(hands_in_legs(pose) > 20 / test::kSanitizedStride);
  }
  struct Case {
    std::string what;
    anatomy::ClientPose pose;
  };
  std::vector<Case> cases;
  for (auto p : {anatomy::ClientPosture::supine, anatomy::ClientPosture::prone, anatomy::ClientPosture::raised,
                 anatomy::ClientPosture::sitting, anatomy::ClientPosture::standing})
    cases.push_back({std::string(anatomy::client_posture_name(p)), anatomy::client_pose(p)});
  for (float turn : {0.25f, 0.5f, 0.75f})
    cases.push_back({"turning " + std::to_string(turn), anatomy::client_pose(anatomy::ClientPosture::prone, turn)});
  for (double t : {0.0, 0.15, 0.3, 0.5, 0.62, 0.8}) {
    const app::GaitAngles l = app::gait_angles(t), r = app::other_leg_gait_angles(t);
    cases.push_back({"walking " + std::to_string(t),
                     anatomy::walking_pose({l.hip_deg, l.knee_deg, l.ankle_deg}, {r.hip_deg, r.knee_deg, r.ankle_deg})});
  }
  for (const Case& c : cases) {
    CAPTURE(c.what);
    const int inside = hands_in_legs(c.pose);
    MESSAGE(c.what, ": arm vertices inside a leg ", inside);
    CHECK(inside == 0);
  }
}
