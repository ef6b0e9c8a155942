#pragma once
// Where the client is: the posture transform from the leg's own frame (core/frame.hpp: a
// standing left leg, +Y up, +Z forward, +X the person's left) into the room, and where the
// rest of the client (body, the other leg) and the massage table go. Everything the hands,
// contacts, picking and areas compute stays in the leg frame; only drawing and the camera
// go through these matrices. No GL.
//
// The room: metres, +Y up, the floor at y = 0. The table's long axis runs along X with the
// head end (and the face hole) at -X; its top is centred on x = z = 0.
#include <optional>
#include <string_view>

#include <glm/mat4x4.hpp>
#include <glm/vec3.hpp>

namespace effleura::anatomy {

// supine: on the back; prone: face down in the face hole; raised: supine with both straight
// legs lifted on a foam wedge; sitting: upright at the foot end of the table, hips and knees
// bent 90 degrees, the shanks hanging over its edge; standing: upright on the floor; walking:
// upright, stepping on the spot (the legs' angles from app/client_gait.hpp, walking_pose).
enum class ClientPosture { supine, prone, raised, sitting, standing, walking };

std::string_view client_posture_name(ClientPosture p);
// "supine", "prone", "raised", "sitting", "standing" or "walking"; nullopt otherwise.
std::optional<ClientPosture> parse_client_posture(std::string_view name);
inline constexpr std::string_view kClientPostureNames = "supine, prone, sitting, standing, walking or raised";

// The table's size and place (room frame). A portable table of common size: 1.75 m long,
// 0.70 m wide, top 0.70 m above the floor; the face hole 0.26 m from the head end, an oval 19 cm
// along the table and 11 cm across: prone the forehead rests on its head-end rim, the brow,
// nose, mouth and chin lie within it (forge/client_shapes.cpp head_shape).
struct Table {
  static constexpr float kLength = 1.75f;
  static constexpr float kWidth = 0.70f;
  static constexpr float kTopY = 0.70f;
  static constexpr float kThickness = 0.07f;
  static constexpr float kFaceHoleX = -0.615f;  // centre of the face hole
  static constexpr float kFaceHoleHalfLength = 0.095f, kFaceHoleHalfWidth = 0.055f;
};

// The body's midline in the leg frame: half-way between the hip centres (content/anatomy).
inline constexpr float kMidlineX = -0.085f;
// The shoulders' axis (the arms turn about it, left-right in the body frame): height and depth.
inline constexpr float kShoulderY = 1.415f, kShoulderZ = -0.01f;
// How far each shoulder joint lies from the midline (forge/client_shapes.cpp arm_shape).
inline constexpr float kShoulderHalfWidth = 0.19f;
// The other (right) hip's centre in the body frame: the left one mirrored about the midline.
inline constexpr glm::vec3 kRightHipCentre{2.0f * kMidlineX, 0.91f, 0.0f};

struct ClientPose {
  glm::mat4 body{1.0f};       // body frame (the leg frame of the standing client) -> room
  glm::mat4 left_leg{1.0f};   // the massaged leg's frame -> room
  glm::mat4 right_leg{1.0f};  // the other leg, in the body frame turned about its own hip -> room
  bool on_table = true;       // false standing: no table drawn
  // Each arm (by the side in the body frame), turned at its shoulder -> room; walking they swing
  // opposite their own leg, otherwise both turn alike.
  glm::mat4 left_arm{1.0f}, right_arm{1.0f};
  bool wedge = false;         // raised: a foam wedge under both legs
  bool knee_bolster = false;  // supine: a bolster under the knees
  bool ankle_bolster = false; // prone: a bolster under the shins, the feet free past the table
  bool head_pillow = false;   // supine and raised: a pillow under the head, over the face hole
  float hip_flexion_deg = 0.0f;        // the massaged (left) hip; + swings the foot forward
  float right_hip_flexion_deg = 0.0f;  // the other hip
  float knee_flexion_deg = 0.0f;  // the massaged (left) knee; + brings the heel toward the buttock
  float right_knee_flexion_deg = 0.0f;  // the other knee
  // The massaged leg's ankle (+ dorsiflexion) while walking; a technique's own ankle angle wins.
  float ankle_deg = 0.0f;
  float right_ankle_deg = 0.0f;  // the other ankle (walking), about kRightAnkleCentre
};

// The knee bend (a hinge about the leg frame's X axis through `knee`): a point of the leg turned
// by the flexion times a weight that runs smoothly from 0 at kKneeBlend above the knee centre to
// 1 as far below it, so the shank turns rigidly, the thigh stays and the skin between curves
// round the joint; the hinge does not twist (no candy-wrapper). Points in front of its axis keep
// their distance from it, the back of the knee is flattened (client_pose_bends.hpp); model.vert too;
// the flow model's sitting heights (flow/posture.cpp) are those of this bend at 90 degrees for
// points more than kKneeBlend from the knee centre. 7 cm (6 until session 27): the skin lies 6-7
// cm behind the hinge at the back of the thigh and of the calf, so at 90 degrees the calf 5-6 cm
// below the hinge, turned almost rigidly, came to lie inside the thigh's back just above a 6 cm
// zone (34 crossings of the bent outline in sagittal slices; anatomy_knee_crossing_test.cpp).
// Over 7 cm none, and the squeeze behind the knee eases (smallest Jacobian 0.30 -> 0.33 at 90
// degrees, 0.21 -> 0.26 at 120; anatomy_knee_fold_test.cpp).
inline constexpr float kKneeBlend = 0.07f;
[[nodiscard]] glm::vec3 bend_knee(const glm::vec3& p, const glm::vec3& knee, float flexion_deg);
// The knee bend's weight at height y: the share of the flexion a point there turns by.
[[nodiscard]] float knee_weight(float y, const glm::vec3& knee);
// A point turned about the X axis through `centre` by `radians`, as both bends turn it.
[[nodiscard]] glm::vec3 turned_about_x(const glm::vec3& p, const glm::vec3& centre, float radians);
// The hip blend. The pose turns each leg's frame rigidly about its hip (ClientPose::left_leg,
// right_leg), but the top of the leg's mesh - the buttock, the groin and the flat cut at ~1.035 m
// under the drape - belongs to the pelvis, which does not turn. blend_hip turns a point of the
// leg frame back about the hip's X axis by the flexion times (1 - w): w falls (nearly linearly) from 1 at
// kHipBlendMid - kHipBlend (0.81 m: the thigh turns rigidly below) to 0 at kHipBlendMid +
// kHipBlend (1.03 m: the cut stays with the body, under the drape), so the buttock and the groin
// fold round the hip as the knee's skin folds round the knee; every point keeps its distance
// from the axis. shaders/model.vert, coloured.vert and particles.vert compute the same (uHip).
// The hands (leg_bend.hpp) follow: the highest stroke, at 0.90 m, has w = 0.64 (0.59 before the easing).
inline constexpr float kHipBlendMid = 0.92f, kHipBlend = 0.11f;  // leg frame heights (m)
[[nodiscard]] glm::vec3 blend_hip(const glm::vec3& p, const glm::vec3& hip, float flexion_deg);
// The weight w above at height y (1 turns fully with the thigh). Linear, eased (quadratic) over
// the zone's lowest kHipEase so the bent thigh has no crease at 0.81 m (outside the drape);
// hip_weight_slope is dw/dy (0 outside the zone).
inline constexpr float kHipEase = 0.15f;
[[nodiscard]] float hip_weight(float y, const glm::vec3& hip);
[[nodiscard]] float hip_weight_slope(float y, const glm::vec3& hip);
// Before it turns, blend_hip flattens the buttock. The turn alone changes the area of the leg's
// side section by 1 - a' z (a' = flexion / (2 kHipBlend), z from the hip's axis, + forward): it
// stretches what lies behind the axis, and the buttock is most of the section, so at 90 degrees
// the skin gained 6 % of its volume. Behind the axis (z < 0) z is first replaced by g with
// g - k g^2 / 2 = z, k = kHipFlatten a' 6 w (1 - w). With kHipFlatten = 1 that would keep the
// area behind the axis exactly where 6 w (1 - w) = 1 and on average across the zone (it solves
// (1 - a' g) dg/dz = 1); at the zone's borders and at the axis g = z, so nothing tears. The front
// (the groin) loses area as the fold closes, and cannot be given it back (the same fix there has
// no solution more than 1 / (2 k) in front of the axis, and stretching the groin folds it inside
// out), so the buttock keeps some of its gain to balance it: kHipFlatten 0.4 leaves the skin
// +0.4 % at 45 degrees and +0.2 % at 90 (1: -2.2 % and -4.3 %; none: +3.1 % and +6.2 %;
// tests/unit/anatomy_hip_blend_test). Flattened by up to a third at 90 degrees, the buttock
// spreads on the seat as a sitting one does. The shaders (model.vert, coloured.vert,
// particles.vert) compute the same; height y does not change, so unflatten_behind_hip undoes it.
inline constexpr float kHipFlatten = 0.4f;  // the share of the exact k used: see above
[[nodiscard]] float hip_flatten_rate(float y, const glm::vec3& hip, float flexion_deg);  // k
[[nodiscard]] glm::vec3 flatten_behind_hip(const glm::vec3& p, const glm::vec3& hip, float flexion_deg);
[[nodiscard]] glm::vec3 unflatten_behind_hip(const glm::vec3& p, const glm::vec3& hip, float flexion_deg);
// Normals and tangents through the two bends. Neither bend is rigid: the angle changes with
// height across each blend zone and the buttock is flattened, so turning a normal by the angle
// at its vertex leaves it off the drawn surface (by ~20 degrees on the buttock sitting) and the
// shading shows a seam where the zone begins. These transform by the map's Jacobian J (a normal
// by its inverse transpose, renormalised; a tangent by J itself); `p` is the point before the
// bend (for the hip, after the knee's). shaders/model.vert computes the same.
[[nodiscard]] glm::vec3 bend_knee_normal(const glm::vec3& p, const glm::vec3& n, const glm::vec3& knee, float flexion_deg);
[[nodiscard]] glm::vec3 blend_hip_normal(const glm::vec3& p, const glm::vec3& n, const glm::vec3& hip, float flexion_deg);
[[nodiscard]] glm::vec3 bend_knee_tangent(const glm::vec3& p, const glm::vec3& t, const glm::vec3& knee, float flexion_deg);
[[nodiscard]] glm::vec3 blend_hip_tangent(const glm::vec3& p, const glm::vec3& t, const glm::vec3& hip, float flexion_deg);
// The other (right) knee's centre in the body frame (mirrored like kRightHipCentre).
inline constexpr glm::vec3 kRightKneeCentre{2.0f * kMidlineX + 0.02f, 0.49f, 0.0f};
// ... and its ankle's, as far from its knee as the massaged leg's (core/frame.hpp kAnkleCentre).
inline constexpr glm::vec3 kRightAnkleCentre{2.0f * kMidlineX + 0.02f, 0.08f, -0.01f};

// The pose of a posture. For supine and prone, `turn` rolls the client over about the long
// axis of the table: 0 lies prone, 1 supine, in between on the way (rolling on the table top,
// anatomy/client_roll.hpp).
// `outer_up`: the roll turns the left leg's outer side up halfway (over the top of the other
// leg) instead of its inner side; the two ends are the same.
ClientPose client_pose(ClientPosture posture, float turn = -1.0f, bool outer_up = false);

// Walking: upright on the floor, each leg turned at its hip and bent at its knee by these angles
// (degrees, + flexion), the body lowered so the lower ankle is at its standing height (the foot
// on the ground bears the weight). Stepping on the spot: the body does not travel.
// Each arm swings opposite its own leg, flexed at the shoulder by kArmSwing times half the
// difference between the other hip's flexion and its own.
struct LegAngles {
  float hip_deg = 0.0f, knee_deg = 0.0f, ankle_deg = 0.0f;
};
inline constexpr float kArmSwing = 0.8f;
ClientPose walking_pose(LegAngles left, LegAngles right);

// For a part of assets/client.glb (forge/client_shapes.hpp), by mesh name: the frame of the pose
// it is modelled in (the body, the other leg, or the room for the table) and whether this pose
// shows it. The renderer draws by these and the sight lines test against them.
[[nodiscard]] const glm::mat4& client_part_frame(std::string_view name, const ClientPose& pose);
// Whether the part bends at the other (right) knee (and turns at its ankle): the other leg and its drape.
[[nodiscard]] bool client_part_bends(std::string_view name);
// The hip flexion (degrees) the part is blended by (blend_hip about kRightHipCentre), drawn in
// client_part_frame: the other leg and its drape always (their tops stay with the pelvis). When
// both hips flex alike (every posture on the table, standing) the body and the hip drape too,
// drawn then in the other leg's frame: below the blend zone's top (1.03 m) the pelvis, the
// buttocks and the sheet over them fold round the hips exactly as both legs' skin does (the two
// hips share one axis, and the blend does not depend on x), so the bent thighs cannot push
// through the sheet (its edge was jagged where they did). Walking, the hips differ: 0 here, they
// fold with each hip on its side (client_pose_bends.hpp client_part_hip_sides, fold_hips).
[[nodiscard]] float client_part_hip_deg(std::string_view name, const ClientPose& pose);
[[nodiscard]] bool client_part_shown(std::string_view name, const ClientPose& pose);

// A direction of the leg frame (e.g. the back of the leg, -Z) in the room.
glm::vec3 to_room(const glm::mat4& leg_to_room, const glm::vec3& leg_direction);

}  // namespace effleura::anatomy
