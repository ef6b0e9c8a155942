#pragma once
// Two refinements of the bends in anatomy/client_pose.hpp (kept apart so that header, which
// most of the program includes, stays as it was): the back of a bent knee flattened into the
// fold, and, walking, the body and the hip drape folding with each hip on its side. No GL.
#include <optional>
#include <string_view>

#include <glm/vec3.hpp>

#include "anatomy/client_pose.hpp"

namespace effleura::anatomy {

// bend_knee keeps every point in front of the hinge axis at its distance from it, but first
// flattens the back of the knee toward the axis. The turn alone squeezes the leg's side section
// behind the axis by 1 - r d (r = |d angle / dy|, up to 1.5 x flexion / (2 kKneeBlend); d the
// depth behind the axis), which is negative - the skin turned inside out - more than 1 / r behind
// it: 5.1 cm at 90 degrees, where the popliteal skin lies 5-6.5 cm back (78 vertices, Jacobian
// -0.22; 120 degrees: 243, -0.63). Behind the axis the depth D is replaced by e with
// e - rho e^2 / 2 = D - (1 - lambda) d, lambda = 1 / (1 + 2 rho reach), where rho = r's peak
// x q^2 and r = its peak x q (q = 4 s (1 - s), s the smoothstep's argument), and d is the depth
// eased in over the first centimetre behind the axis (D^2 / 2 cm, then D less 5 mm), so the
// right side's slope is 1 on the plane through the axis (no kink there: the knee's sides cross
// it) and lambda past that centimetre. e stays under 1 / rho for the popliteal skin, and the
// section is squeezed by (1 - r e) / (1 - rho e) times that slope: lambda at the fold's steepest
// (q = 1), where at 120 degrees the back of the knee has a third of the room it had straight.
// The skin keeps 0.21 of its area there at least (90: 0.30; 45: 0.46). Session 11 eased the
// depth in the same way but squeezed only what lay past the first half centimetre (e - rho e^2 /
// 2 = lambda d, the point then 5 mm further back than e): that half centimetre, turned with the
// rest, squeezed the skin to 0.17 at 120 degrees (90: 0.23), a pinched crease. rho (q squared,
// not r itself) starts flat at the zone's borders, so the depth has no kink there (with rho = r
// the shading showed a crease along them); outside the zone nothing is flattened (the thigh and
// the shank keep their shape); in front of the axis nothing moves. Height does not change, so
// unflatten_behind_knee undoes it (Newton's method). A hyperextended knee (flexion < 0) is not
// flattened. shaders/model.vert, coloured.vert and particles.vert compute the same.
//
// The reach is not one depth for the whole knee: it follows the knee's back outline across its
// width (knee_reach), kKneeReachMid over the popliteal skin and down to kKneeReachSide at the
// side walls, where the skin in a sagittal slice lies only 3-5 cm behind the axis. With one
// 7 cm reach the side walls sank to 0.48 of their depth at 90 degrees (0.44 at 120) where the
// thigh above and the shank below keep theirs: a recess with a round rim seen from the side of
// the sitting knee (the "disc", traced in session 23). Now 0.61 (0.57). The mid value is as low
// as the popliteal skin allows (6.5-7 cm deep: at 120 degrees its squeeze stays at 0.21, with
// 5.5 cm it folds); a reach under the skin's depth by more than 1 / (2 rho) folds it, which is
// why the sides stop at 3 cm (the side walls reach 4-5.5 cm back). The map then moves z with x
// too: the normals carry that term (client_pose.cpp BendJacobian, the three shaders).
inline constexpr float kKneeReachMid = 0.06f;   // m: at the knee centre's x (skin 6-7 cm back)
inline constexpr float kKneeReachSide = 0.03f;  // m: kKneeReachHalf or more to either side
inline constexpr float kKneeReachHalf = 0.08f;  // m: the knee is ~14 cm wide at the hinge
// The reach at dx = x - the knee centre's x: side + (mid - side) (1 - u^4)^2, u = |dx| / half
// (at most 1), flat at the centre and at the sides (no crease along the knee where it meets
// them); `slope` is d reach / d dx. Symmetric, so the other leg (its outside at -x) bends alike.
struct KneeReach {
  float reach = 0.0f, slope = 0.0f;
};
[[nodiscard]] KneeReach knee_reach(float dx);
[[nodiscard]] glm::vec3 flatten_behind_knee(const glm::vec3& p, const glm::vec3& knee, float flexion_deg);
[[nodiscard]] glm::vec3 unflatten_behind_knee(const glm::vec3& p, const glm::vec3& knee, float flexion_deg);

// Each hip's flexion (degrees) for a part that folds with the hip on its side of the body.
struct HipSides {
  float left_deg = 0.0f, right_deg = 0.0f;
};
// client_part_hip_deg folds the body and the hip drape with the hips when both flex alike. When
// they differ (walking) these parts are drawn in the body frame and fold with each hip on its
// side: this gives the two angles for them, nullopt for every other part and every posture where
// the hips flex alike.
[[nodiscard]] std::optional<HipSides> client_part_hip_sides(std::string_view name, const ClientPose& pose);
// The share of the left hip's flexion at x (body frame): 0 right of kMidlineX - kHipSplit, 1 left
// of kMidlineX + kHipSplit, smoothstep between. Each leg's skin lies wholly on its own side (the
// inner thighs stay ~3.5 cm off the midline under the sheet), so the buttock and the sheet over
// it turn with the thigh beneath; only the crotch, inside the legs and under the sheet, is shared.
inline constexpr float kHipSplit = 0.03f;
[[nodiscard]] float hip_side_share(float x);
// A body-frame point of a part folding with both hips (walking): turned about the hips' common
// axis by -(its side's flexion) x hip_weight, after the buttock's flattening - for each side the
// same as the leg's frame turned at its hip (the pose's hip flexion) after blend_hip, so the
// sheet over a buttock folds with the thigh below it. shaders/model.vert computes the same
// (uHipSides; its normals leave out the turn's change across x, in the 6 cm at the crotch).
[[nodiscard]] glm::vec3 fold_hips(const glm::vec3& p, const HipSides& sides);

}  // namespace effleura::anatomy
