// Walking, the client's body (pelvis, buttocks) and the sheet over the hips fold with each hip
// on its side of the body (anatomy::client_part_hip_sides, fold_hips; shaders/model.vert
// uHipSides), as the top of each thigh folds round its own hip (blend_hip). Drawn unbent
// (session 10), the pelvis stood still while the thighs swung, and its buttocks came out of the
// thighs below the sheet's edge mid-swing (a dark rim under the sheet). Checked in the body
// frame on the committed meshes at six moments of the gait (app::gait_angles): every body
// vertex below the waist that is hidden standing (inside a thigh or under the sheet) stays hidden
// as drawn (unbent: up to 25 mid-swing).
#include <doctest/doctest.h>

#include <cmath>
#include <cstddef>
#include <vector>

#include <glm/geometric.hpp>
#include <glm/mat4x4.hpp>
#include <glm/matrix.hpp>

#include "anatomy/client_pose.hpp"
#include "anatomy/client_pose_bends.hpp"
#include "app/client_gait.hpp"
#include "core/frame.hpp"
#include "../support/sanitizer.hpp"
#include "shipped_assets.hpp"
#include "solid_parity.hpp"

using namespace effleura;

namespace {

// A leg's skin drawn in the body frame: turned at its hip with the leg's frame (from the pose)
// after the hip blend (the knee's bend leaves the top of the thigh alone).
std::vector<glm::vec3> drawn_leg(const anatomy::Mesh& skin, const glm::mat4& body_from_leg, const glm::vec3& hip, float hip_deg) {
  std::vector<glm::vec3> out;
  out.reserve(skin.positions.size());
  for (const glm::vec3& p : skin.positions) out.emplace_back(body_from_leg * glm::vec4(anatomy::blend_hip(p, hip, hip_deg), 1.0f));
  return out;
}

// The six moments of the stride both cases check, and the client's walking pose at one of them
// with the drape's hip sides (the hips differ at every one of these moments).
constexpr double kMoments[] = {0.0, 0.15, 0.3, 0.5, 0.62, 0.8};
struct WalkingMoment {
  app::GaitAngles left, right;
  anatomy::ClientPose pose;
  anatomy::HipSides drape_sides;
};
WalkingMoment walking_moment(double t) {
  const app::GaitAngles l = app::gait_angles(t), r = app::other_leg_gait_angles(t);
  const anatomy::ClientPose pose = anatomy::walking_pose({l.hip_deg, l.knee_deg, l.ankle_deg}, {r.hip_deg, r.knee_deg, r.ankle_deg});
  const auto sides = anatomy::client_part_hip_sides("drape.hips", pose);
  REQUIRE(sides.has_value());
  return {l, r, pose, *sides};
}

}  // namespace

TEST_CASE("walking, the body and the hip drape fold with each hip: the pelvis hidden standing stays hidden") {
  const anatomy::Mesh& body = test::shipped_mesh("client.glb", "client.body");
  const anatomy::Mesh& drape = test::shipped_mesh("client.glb", "drape.hips");
  const anatomy::Mesh& right = test::shipped_mesh("client.glb", "client.leg-right");
  const anatomy::Mesh& left = test::shipped_mesh("leg.glb", "skin");
  // Where each body vertex below the waist lies standing: inside the left thigh, the right, the
  // sheet (three bits). Standing is what the client's meshes are modelled in: what shows then is
  // meant to (the lower buttocks are the body's own surface), and must stay so through the stride.
  std::vector<int> where;
  const auto place = [](const test::Solid& l, const test::Solid& r, const test::Solid& sh, const glm::vec3& p) {
    return int(l.inside(p)) | int(r.inside(p)) << 1 | int(sh.inside(p)) << 2;
  };
  // Every vertex, also under the sanitizers: since session 28's lower hip sheet only 1-3 of the
  // 1037 show unbent at a moment, and the sanitizers' every-4th subset held none of them (CI).
  // The bent check below, the costly one, takes the sanitizers' stride.
  std::vector<glm::vec3> below_waist;
  for (std::size_t i = 0; i < body.positions.size(); ++i)
    if (body.positions[i].y < 1.10f) below_waist.push_back(body.positions[i]);
  REQUIRE(below_waist.size() > 200);
  {
    const test::Solid l(left), r(right), sh(drape);
    for (const glm::vec3& p : below_waist) where.push_back(place(l, r, sh, p));
  }
  int unbent_changed = 0;
  for (double t : kMoments) {
    CAPTURE(t);
    const WalkingMoment m = walking_moment(t);
    const app::GaitAngles &l = m.left, &r = m.right;
    const anatomy::ClientPose& pose = m.pose;
    const anatomy::HipSides& sides = m.drape_sides;
    CHECK(anatomy::client_part_hip_sides("client.body", pose).has_value());
    CHECK_FALSE(anatomy::client_part_hip_sides("client.leg-right", pose).has_value());
    // Everything in the body frame, as drawn: the legs turned at their hips after the blend.
    const glm::mat4 to_body = glm::inverse(pose.body);
    const test::Solid left_leg(drawn_leg(left, to_body * pose.left_leg, frame::kHipCentre, l.hip_deg), left.indices);
    const test::Solid right_leg(drawn_leg(right, to_body * pose.right_leg, anatomy::kRightHipCentre, r.hip_deg), right.indices);
    std::vector<glm::vec3> folded;
    for (const glm::vec3& p : drape.positions) folded.push_back(anatomy::fold_hips(p, sides));
    const test::Solid sheet(folded, drape.indices), unbent_sheet(drape);
    int changed = 0, changed_unbent = 0;
    for (std::size_t i = 0; i < below_waist.size(); ++i) {
      const glm::vec3& p = below_waist[i];
      // Hidden standing (inside a thigh or under the sheet), shown now.
      if (i % effleura::test::kSanitizedStride == 0)
        changed += where[i] != 0 && place(left_leg, right_leg, sheet, anatomy::fold_hips(p, sides)) == 0;
      changed_unbent += where[i] != 0 && place(left_leg, right_leg, unbent_sheet, p) == 0;
    }
    unbent_changed += changed_unbent;
    MESSAGE("t ", t, " s: hips ", l.hip_deg, " / ", r.hip_deg, " degrees; body vertices hidden standing that show: ",
            changed, " of ", below_waist.size(), " (unbent: ", changed_unbent, ")");
    // Session 12 measured 1-2 a moment: two seam points, 0.2-1.5 mm inside the right thigh at
    // the bottom of its buttock and inside the sheet behind the crotch, came out as the thigh's
    // and the sheet's 2-5 cm triangles cut the chord across the fold; their triangles there are
    // now at most 2.5 cm long (client_seams.cpp client_part_seam). Session 13 left one at t 0
    // and 0.15 s: the crotch (x = midline + 4 mm, y 0.84, z -2.2 cm), inside both thighs
    // standing, where the body's turn is a blend of the two hips' (6 cm wide) while each thigh
    // turns with its own. The forge now cuts a slot up into the pelvis there, inside the thighs,
    // its roof under the sheet (client_shapes.cpp client_parts): 0 at every moment (the asset
    // before it: 1 at t 0 and 0.15 s). A subset of the vertices (the sanitizers' stride) can only
    // show fewer.
    CHECK(changed == 0);
  }
  // Unbent, the pelvis came out of the thighs below the sheet (and went into them): what this test is about.
  CHECK(unbent_changed > 0);
}

TEST_CASE("walking, the hip drape's hem over the other thigh stays outside its skin") {
  // The hem's points (forge_client_hem_test.cpp draws the same for the postures on the table and
  // standing) against the other thigh's skin as drawn, at the six moments above. The skin's 5 cm
  // triangles across the front of the swung thigh's groin cut the chord through the hem: a jagged
  // skin edge over it in the front view (notes/s28 client-shots/
  // walking-front-0.3-hem-crop4x-main-top-new-bottom.png); the forge splits them to 2.5 cm now.
  const anatomy::Mesh& drape = test::shipped_mesh("client.glb", "drape.hips");
  const anatomy::Mesh& right = test::shipped_mesh("client.glb", "client.leg-right");
  int all_inside = 0;
  for (double t : kMoments) {
    CAPTURE(t);
    const WalkingMoment m = walking_moment(t);
    const app::GaitAngles& r = m.right;
    const anatomy::ClientPose& pose = m.pose;
    const anatomy::HipSides& sides = m.drape_sides;
    const glm::mat4 to_body = glm::inverse(pose.body);
    const test::Solid skin(drawn_leg(right, to_body * pose.right_leg, anatomy::kRightHipCentre, r.hip_deg), right.indices);
    int samples = 0, inside = 0;
    for (std::size_t i = 0; i + 2 < drape.indices.size(); i += 3 * static_cast<std::size_t>(effleura::test::kSanitizedStride)) {
      const glm::vec3 &a0 = drape.positions[drape.indices[i]], &b0 = drape.positions[drape.indices[i + 1]], &c0 = drape.positions[drape.indices[i + 2]];
      if ((a0 + b0 + c0).y / 3.0f > 0.90f || (a0 + b0 + c0).x / 3.0f > anatomy::kMidlineX - 0.01f) continue;
      // The sheet's side, not its cut across the thigh below the hem (inside the leg).
      const glm::vec3 n = glm::cross(b0 - a0, c0 - a0);
      if (glm::length(n) < 1e-12f || std::abs(glm::normalize(n).y) > 0.5f) continue;
      const glm::vec3 a = anatomy::fold_hips(a0, sides), b = anatomy::fold_hips(b0, sides), c = anatomy::fold_hips(c0, sides);
      for (const glm::vec3& q : {(a + b + c) / 3.0f, 0.5f * (a + b), 0.5f * (b + c), 0.5f * (c + a), a, b, c}) {
        ++samples;
        inside += skin.inside(q);
      }
    }
    MESSAGE("t ", t, " s: right hip ", r.hip_deg, " degrees; ", inside, " of ", samples, " hem points inside the other thigh's skin");
    REQUIRE(samples > 1000 / effleura::test::kSanitizedStride);
    all_inside += inside;
  }
  // Before the split: 68, 98, 70 and 8 of 1,267 at t 0.3, 0.5, 0.62 and 0.8 s (the right hip
  // flexed 24, 30, 25 and 8 degrees), 0 with it extended (t 0 and 0.15 s). A subset of the
  // triangles (the sanitizers' stride) can only find fewer.
  CHECK(all_inside == 0);
}
