#include "anatomy/client_pose.hpp"
#include "anatomy/client_pose_bends.hpp"
#include "anatomy/client_roll.hpp"

#include <algorithm>
#include <cmath>

#include <glm/ext/matrix_transform.hpp>
#include <glm/geometric.hpp>

#include "core/frame.hpp"

namespace effleura::anatomy {
namespace {

constexpr float kPi = 3.14159265358979f;

// A rotation whose columns are where the body's X (left), Y (head) and Z (front) go, plus a
// translation.
glm::mat4 frame_of(glm::vec3 left, glm::vec3 head, glm::vec3 front, glm::vec3 offset) {
  glm::mat4 m(1.0f);
  m[0] = glm::vec4(left, 0.0f);
  m[1] = glm::vec4(head, 0.0f);
  m[2] = glm::vec4(front, 0.0f);
  m[3] = glm::vec4(offset, 1.0f);
  return m;
}

// Flexion at a hip (degrees, + swings the foot forward) about the body's left-right axis.
glm::mat4 hip_flexion(const glm::vec3& hip, float degrees) {
  const glm::mat4 to = glm::translate(glm::mat4(1.0f), hip);
  return glm::rotate(to, -glm::radians(degrees), glm::vec3(1, 0, 0)) * glm::translate(glm::mat4(1.0f), -hip);
}

// Lying along the table, head at -X. The body's feet (y = 0) lie 0.12 m past the foot end of
// the table, so the ankle and foot hang free (a prone client's toes would otherwise point into
// the table); the height puts the front (prone: chest and thighs, ~0.11 m before the hip
// plane) or the back (supine: buttocks ~0.145 m behind it, pressed a little into the padding)
// on the table top.
constexpr float kFeetX = 0.5f * Table::kLength + 0.12f;

constexpr float kProneHeight = 0.105f, kSupineHeight = 0.145f;

// Flexion at the shoulders (degrees, + swings the hands forward) of the arms by the sides
// (forge/client_shapes.cpp): prone the hands (0.64 m below the shoulder) rest on the table
// 0.105 m in front of the hip plane, supine on the table 0.145 m behind it; sitting the client
// leans back a little on them, resting on the table top behind the hips (app_sitting_arms_test).
// Swung 32 degrees forward (before session 16) they hung in the air beside the knees, past the
// table's end: the client's own arm stood in front of the knee the therapist worked on.
constexpr float kArmsProneDeg = 6.0f, kArmsSupineDeg = -10.0f, kArmsSittingDeg = -38.0f;

glm::mat4 shoulder_flexion(float degrees) {
  const glm::vec3 s(0.0f, kShoulderY, kShoulderZ);
  const glm::mat4 to = glm::translate(glm::mat4(1.0f), s);
  return glm::rotate(to, -glm::radians(degrees), glm::vec3(1, 0, 0)) * glm::translate(glm::mat4(1.0f), -s);
}

// Adduction at a shoulder (degrees, + toward the midline) about the body's front-back axis
// through that shoulder (forge/client_shapes.cpp arm_shape: 0.19 m out from the midline); `side`
// +1 the left arm.
glm::mat4 shoulder_adduction(float side, float degrees) {
  const glm::vec3 s(kMidlineX + side * kShoulderHalfWidth, kShoulderY, kShoulderZ);
  const glm::mat4 to = glm::translate(glm::mat4(1.0f), s);
  return glm::rotate(to, -side * glm::radians(degrees), glm::vec3(0, 0, 1)) * glm::translate(glm::mat4(1.0f), -s);
}

// The roll axis' height above the table top, turned `t` of the way over: the client's lowest
// point on the top (roll_support), less what it sinks into the padding lying still (the same
// difference as at the two ends, fading out by a fifth of the way from each: prone the hands
// sink 22 mm, supine the sheet under the buttocks 28 mm; neither is changed here). At t = 0 and
// 1 exactly kProneHeight and kSupineHeight.
float roll_height(float t, bool outer_up) {
  const float sink_prone = roll_support(0.0f, outer_up) - kProneHeight;
  const float sink_supine = roll_support(1.0f, outer_up) - kSupineHeight;
  const auto fade = [](float x) {
    const float s = std::clamp(x / 0.2f, 0.0f, 1.0f);
    return 1.0f - s * s * (3.0f - 2.0f * s);
  };
  return roll_support(t, outer_up) - sink_prone * fade(t) - sink_supine * fade(1.0f - t);
}

glm::mat4 lying(bool prone) {
  const glm::vec3 head(-1, 0, 0);
  if (prone) return frame_of({0, 0, 1}, head, {0, -1, 0}, {kFeetX, Table::kTopY + kProneHeight, -kMidlineX});
  return frame_of({0, 0, -1}, head, {0, 1, 0}, {kFeetX, Table::kTopY + kSupineHeight, kMidlineX});
}

}  // namespace

std::string_view client_posture_name(ClientPosture p) {
  switch (p) {
    case ClientPosture::supine: return "supine";
    case ClientPosture::prone: return "prone";
    case ClientPosture::raised: return "raised";
    case ClientPosture::sitting: return "sitting";
    case ClientPosture::standing: return "standing";
    case ClientPosture::walking: return "walking";
  }
  return "supine";
}

std::optional<ClientPosture> parse_client_posture(std::string_view name) {
  for (auto p : {ClientPosture::supine, ClientPosture::prone, ClientPosture::raised, ClientPosture::sitting,
                 ClientPosture::standing, ClientPosture::walking})
    if (client_posture_name(p) == name) return p;
  return std::nullopt;
}

ClientPose client_pose(ClientPosture posture, float turn, bool outer_up) {
  ClientPose pose;
  const bool lying_down = posture == ClientPosture::supine || posture == ClientPosture::prone;
  switch (posture) {
    case ClientPosture::supine:
    case ClientPosture::prone: {
      float t = turn >= 0.0f ? std::clamp(turn, 0.0f, 1.0f) : (posture == ClientPosture::supine ? 1.0f : 0.0f);
      if (!std::isfinite(t)) t = 1.0f;
      // Rolled about the long axis through the pelvis (the midline in the hip centres' plane),
      // that axis as high as keeps the client's lowest point on the table top (client_roll.hpp):
      // the client rolls on the table. Until session 17 it rose by 12 cm sin(pi t) instead: the
      // hips 2-3 cm clear of the top halfway while the lower hand went 5.7 cm into it.
      const glm::mat4 prone = lying(true);
      const glm::vec3 axis_point(0.0f, Table::kTopY + kProneHeight, 0.0f);
      // Written as a lift over the straight way between the two resting heights (0 at both
      // ends, so prone and supine stay exactly what they were).
      const float lift = t > 0.0f && t < 1.0f ? roll_height(t, outer_up) - kProneHeight - t * (kSupineHeight - kProneHeight) : 0.0f;
      glm::mat4 roll = glm::translate(glm::mat4(1.0f), axis_point + glm::vec3(0, lift, 0));
      roll = glm::rotate(roll, (outer_up ? -kPi : kPi) * t, glm::vec3(1, 0, 0));
      roll = glm::translate(roll, -axis_point);
      // The two resting heights differ (front or back on the table): moved between on the way.
      pose.body = roll * prone;
      pose.body[3].y += t * (kSupineHeight - kProneHeight);
      // The arms turn at the shoulders from resting on the table in front (prone) to resting
      // on it behind (supine), in step with the roll, and lie in along the flanks on the way.
      const glm::mat4 arm = pose.body * shoulder_flexion(kArmsProneDeg + t * (kArmsSupineDeg - kArmsProneDeg));
      const float adduction = roll_arm_adduction_deg(t);
      pose.left_arm = adduction > 0.0f ? arm * shoulder_adduction(1.0f, adduction) : arm;
      pose.right_arm = adduction > 0.0f ? arm * shoulder_adduction(-1.0f, adduction) : arm;
      pose.knee_bolster = t >= 1.0f;
      pose.ankle_bolster = t <= 0.0f;
      pose.head_pillow = t >= 1.0f;
      break;
    }
    case ClientPosture::raised:
      pose.body = lying(false);
      pose.hip_flexion_deg = 30.0f;  // flow/posture.hpp kRaisedLegAngleDeg
      pose.wedge = true;
      pose.head_pillow = true;
      pose.left_arm = pose.body * shoulder_flexion(kArmsSupineDeg);
      break;
    case ClientPosture::sitting:
      // Upright at the foot end of the table, facing it (+X): the hips flexed 90 degrees, the
      // back of the thighs (~0.10 m behind the hip centres) on the table top, the knees 90
      // degrees, the centre of the knee 10 cm past the edge so the calves (8.5 cm behind it) hang clear.
      pose.body = frame_of({0, 0, -1}, {0, 1, 0}, {1, 0, 0},
                           {0.5f * Table::kLength + 0.10f - (frame::kHipCentre.y - frame::kKneeCentre.y),
                            Table::kTopY + 0.10f - frame::kHipCentre.y, kMidlineX});
      pose.hip_flexion_deg = 90.0f;
      pose.knee_flexion_deg = pose.right_knee_flexion_deg = 90.0f;
      pose.left_arm = pose.body * shoulder_flexion(kArmsSittingDeg);
      break;
    case ClientPosture::standing:
    case ClientPosture::walking:  // at rest; walking_pose gives the stride
      pose.on_table = false;
      pose.left_arm = pose.body;
      break;
  }
  if (!lying_down) pose.right_arm = pose.left_arm;
  pose.left_leg = pose.body * hip_flexion(frame::kHipCentre, pose.hip_flexion_deg);
  pose.right_leg = pose.body * hip_flexion(kRightHipCentre, pose.hip_flexion_deg);
  pose.right_hip_flexion_deg = pose.hip_flexion_deg;
  return pose;
}

ClientPose walking_pose(LegAngles left, LegAngles right) {
  ClientPose pose = client_pose(ClientPosture::standing);
  pose.knee_flexion_deg = left.knee_deg;
  pose.right_knee_flexion_deg = right.knee_deg;
  pose.ankle_deg = left.ankle_deg;
  pose.right_ankle_deg = right.ankle_deg;
  pose.hip_flexion_deg = left.hip_deg;
  pose.right_hip_flexion_deg = right.hip_deg;
  // Where each ankle goes in the body frame, and how far above its standing height.
  const auto rise = [](const glm::vec3& hip, const glm::vec3& knee, const glm::vec3& ankle, LegAngles a) {
    return (hip_flexion(hip, a.hip_deg) * glm::vec4(bend_knee(ankle, knee, a.knee_deg), 1.0f)).y - ankle.y;
  };
  const float drop = std::min(rise(frame::kHipCentre, frame::kKneeCentre, frame::kAnkleCentre, left),
                              rise(kRightHipCentre, kRightKneeCentre, kRightAnkleCentre, right));
  pose.body[3].y -= drop;
  // Each arm forward as the other leg is: the left arm with the right thigh, the right arm with the left.
  const float swing = 0.5f * kArmSwing * (right.hip_deg - left.hip_deg);
  pose.left_arm = pose.body * shoulder_flexion(swing);
  pose.right_arm = pose.body * shoulder_flexion(-swing);
  pose.left_leg = pose.body * hip_flexion(frame::kHipCentre, left.hip_deg);
  pose.right_leg = pose.body * hip_flexion(kRightHipCentre, right.hip_deg);
  return pose;
}

glm::vec3 turned_about_x(const glm::vec3& p, const glm::vec3& centre, float radians) {
  const float c = std::cos(radians), sn = std::sin(radians);
  const glm::vec3 q = p - centre;
  return centre + glm::vec3(q.x, q.y * c - q.z * sn, q.y * sn + q.z * c);
}

float knee_weight(float y, const glm::vec3& knee) {
  const float s = std::clamp((knee.y + kKneeBlend - y) / (2.0f * kKneeBlend), 0.0f, 1.0f);
  return s * s * (3.0f - 2.0f * s);  // GLSL smoothstep, as in shaders/model.vert
}

namespace {

// The flattened depth coordinate g (from the hinge, + forward) of a point z from it, and its
// derivatives. The depth behind the axis, d, is taken smoothly (0 in front, rising as z^2 / (2
// kKneeSoft) over the first kKneeSoft behind, then -z - kKneeSoft / 2); the squeeze takes (1 -
// lambda) of it, so the map has no kink on the plane through the axis, where the knee's sides
// cross it.
struct KneeFlat {
  float g = 0.0f, dg_dx = 0.0f, dg_dy = 0.0f, dg_dz = 1.0f;
};
constexpr float kKneeSoft = 0.01f;  // m

KneeFlat knee_flat(float dx, float y, float z, const glm::vec3& knee, float flexion_deg) {
  KneeFlat f;
  f.g = z;
  if (flexion_deg <= 0.0f) return f;  // (a hyperextended knee is not flattened)
  const float s = std::clamp((knee.y + kKneeBlend - y) / (2.0f * kKneeBlend), 0.0f, 1.0f);
  if (s <= 0.0f || s >= 1.0f) return f;
  const float peak = 1.5f * glm::radians(flexion_deg) / (2.0f * kKneeBlend);
  const float q = 4.0f * s * (1.0f - s), dq = 4.0f * (1.0f - 2.0f * s) * (-1.0f / (2.0f * kKneeBlend));
  const float rho = peak * q * q, drho = peak * 2.0f * q * dq;
  const KneeReach reach = knee_reach(dx);
  const float lambda = 1.0f / (1.0f + 2.0f * rho * reach.reach);
  const float dlambda = -2.0f * reach.reach * drho * lambda * lambda, dlambda_dx = -2.0f * rho * reach.slope * lambda * lambda;
  if (z >= 0.0f) return f;  // in front nothing moves
  const float d = z > -kKneeSoft ? z * z / (2.0f * kKneeSoft) : -z - 0.5f * kKneeSoft;
  const float behind = std::min(-z / kKneeSoft, 1.0f);  // dd/d(-z)
  // The depth after, G = -g: G - rho G^2 / 2 = h = -z - (1 - lambda) d, the root through 0
  // (without dividing by rho, which may be 0). dh/d(-z) = 1 - (1 - lambda) behind: 1 on the
  // plane through the axis, lambda past the first kKneeSoft.
  const float h = -z - (1.0f - lambda) * d;
  const float big_g = 2.0f * h / (1.0f + std::sqrt(std::max(1.0f - 2.0f * rho * h, 0.0f)));
  const float den = std::max(1.0f - rho * big_g, 1e-6f);
  f.g = -big_g;
  f.dg_dz = (1.0f - (1.0f - lambda) * behind) / den;
  f.dg_dy = -(dlambda * d + 0.5f * drho * big_g * big_g) / den;
  f.dg_dx = -dlambda_dx * d / den;
  return f;
}

}  // namespace

KneeReach knee_reach(float dx) {
  const float u = std::min(std::abs(dx) / kKneeReachHalf, 1.0f);
  const float s = 1.0f - u * u * u * u;
  const float du = (dx < 0.0f ? -1.0f : 1.0f) / kKneeReachHalf * (u < 1.0f ? 1.0f : 0.0f);
  return {kKneeReachSide + (kKneeReachMid - kKneeReachSide) * s * s,
          (kKneeReachMid - kKneeReachSide) * 2.0f * s * (-4.0f * u * u * u) * du};
}

glm::vec3 flatten_behind_knee(const glm::vec3& p, const glm::vec3& knee, float flexion_deg) {
  return {p.x, p.y, knee.z + knee_flat(p.x - knee.x, p.y, p.z - knee.z, knee, flexion_deg).g};
}

glm::vec3 unflatten_behind_knee(const glm::vec3& p, const glm::vec3& knee, float flexion_deg) {
  // g(z) rises steadily with z, and g = z in front of the axis. Newton's method from z = g, kept
  // inside a bracket [lo, hi] with g(lo) <= g <= g(hi) and halving it where a step leaves it:
  // far behind the knee (past its reach + 1 / (2 rho), where e's root is clamped and knee_flat's
  // dg/dz is not the slope) plain Newton stalled, and unbend_leg returned points 1-40 cm off
  // for a forearm 8-30 cm behind a bent knee (technique_forearm_test's round trip).
  const float g = p.z - knee.z;
  if (g >= 0.0f) return p;
  const auto at = [&](float z) { return knee_flat(p.x - knee.x, p.y, z, knee, flexion_deg); };
  float lo = g, hi = 0.0f;
  for (int i = 0; i < 40 && at(lo).g > g; ++i) lo *= 2.0f;  // g(0) = 0 > g: hi holds already
  // Done when g(z) is within 1e-7 m of g or the bracket is that narrow (not when a step is
  // small: past the clamp knee_flat's dg/dz can be 1e5 and the steps tiny, far from the root).
  float z = g, last_miss = 1e9f;
  for (int i = 0; i < 80; ++i) {
    const KneeFlat f = at(z);
    const float miss = std::abs(f.g - g);
    if (miss < 1e-7f || hi - lo < 1e-7f) break;
    (f.g < g ? lo : hi) = z;
    // A step that leaves the bracket, or Newton not halving the miss (dg/dz huge there: steps
    // of a micrometre), halves the bracket instead.
    const float next = z - (f.g - g) / f.dg_dz;
    z = next > lo && next < hi && miss < 0.5f * last_miss ? next : 0.5f * (lo + hi);
    last_miss = miss;
  }
  return {p.x, p.y, knee.z + z};
}

glm::vec3 bend_knee(const glm::vec3& p, const glm::vec3& knee, float flexion_deg) {
  if (flexion_deg == 0.0f) return p;
  return turned_about_x(flatten_behind_knee(p, knee, flexion_deg), knee, glm::radians(flexion_deg) * knee_weight(p.y, knee));
}

namespace {

// The hip blend's weight before easing: linear from 0 at the zone's top to 1 at its bottom.
float hip_ramp(float y, const glm::vec3& hip) {
  // Relative to the hip centre, so the right leg (its hip at the same height) blends alike.
  const float mid = hip.y + (kHipBlendMid - frame::kHipCentre.y);
  return std::clamp((mid + kHipBlend - y) / (2.0f * kHipBlend), 0.0f, 1.0f);
}

// The eased weight and its slope dw/dy at height y: linear in the ramp l, eased (quadratic) over
// its lowest kHipEase, the linear part scaled by s = 1 / (1 - kHipEase / 2) so the two meet at
// w = 1 (shaders/model.vert, coloured.vert and particles.vert spell the same constants).
struct HipEasing {
  float weight = 0.0f, slope = 0.0f;
};

HipEasing hip_easing(float y, const glm::vec3& hip) {
  const float l = hip_ramp(y, hip);
  constexpr float e = kHipEase, s = 1.0f / (1.0f - 0.5f * kHipEase);
  HipEasing out;
  out.weight = l > 1.0f - e ? 1.0f - s * (1.0f - l) * (1.0f - l) / (2.0f * e) : s * l;
  if (l > 0.0f) out.slope = -s * std::min(1.0f, (1.0f - l) / e) / (2.0f * kHipBlend);  // 0 above the zone
  return out;
}

}  // namespace

float hip_weight(float y, const glm::vec3& hip) {
  // Nearly linear, not smoothstep as at the knee: the groin is ~10 cm in front of the hip's axis
  // and a smoothstep's steeper middle (slope 1.5) folded the skin there inside out at 90 degrees
  // (its Jacobian 1 - 1.5 a z / (2 kHipBlend) < 0). Purely linear, the weight's slope jumped at
  // the zone's bottom, so the bent thigh had a crease there: sitting, a jagged bright line across
  // the outer thigh at 0.81 m, where the per-vertex normals switched along the triangles' edges.
  // Eased (quadratic) over the zone's lowest kHipEase, the slope is continuous there and is
  // 1 / (1 - kHipEase / 2) = 1.08 times the linear one above it, which keeps the groin's
  // Jacobian > 0.2 (tests/unit/anatomy_hip_blend_test). The top (1.03 m) keeps its corner: it
  // lies under the drape, and easing it too would steepen the middle further.
  return hip_easing(y, hip).weight;
}

float hip_weight_slope(float y, const glm::vec3& hip) { return hip_easing(y, hip).slope; }

float hip_flatten_rate(float y, const glm::vec3& hip, float flexion_deg) {
  // k = a' beta: a' = flexion / (2 kHipBlend) is how fast the blend's angle changes with height,
  // beta = 6 w (1 - w) is 0 at the zone's borders (the map is continuous there) and averages 1
  // across it, so the zone as a whole keeps the volume behind the axis.
  const float w = hip_weight(y, hip);
  return glm::radians(flexion_deg) / (2.0f * kHipBlend) * kHipFlatten * 6.0f * w * (1.0f - w);
}

glm::vec3 flatten_behind_hip(const glm::vec3& p, const glm::vec3& hip, float flexion_deg) {
  const float z = p.z - hip.z;
  if (flexion_deg == 0.0f || z >= 0.0f) return p;
  // g - k g^2 / 2 = z, the root through 0 (written without dividing by k, which may be 0).
  const float k = hip_flatten_rate(p.y, hip, flexion_deg);
  const float g = 2.0f * z / (1.0f + std::sqrt(std::max(1.0f - 2.0f * k * z, 0.0f)));
  return {p.x, p.y, hip.z + g};
}

glm::vec3 unflatten_behind_hip(const glm::vec3& p, const glm::vec3& hip, float flexion_deg) {
  const float g = p.z - hip.z;
  if (flexion_deg == 0.0f || g >= 0.0f) return p;
  return {p.x, p.y, hip.z + g - 0.5f * hip_flatten_rate(p.y, hip, flexion_deg) * g * g};
}

glm::vec3 blend_hip(const glm::vec3& p, const glm::vec3& hip, float flexion_deg) {
  if (flexion_deg == 0.0f) return p;
  // hip_flexion turned the frame by -flexion about +X; turn the top back by (1 - w) of it, after
  // flattening the buttock so the fold keeps its volume.
  return turned_about_x(flatten_behind_hip(p, hip, flexion_deg), hip,
                        glm::radians(flexion_deg) * (1.0f - hip_weight(p.y, hip)));
}

namespace {

// Both bends map a point q (from the axis' centre) to R(angle(y)) (q.x, q.y, g(x, y, q.z)): the
// Jacobian is R [[1, 0, 0], [0, A, 0], [E, B, C]] (rows) with A = 1 - g angle', B = dg/dy +
// q.y angle', C = dg/dz, E = dg/dx (the knee's reach changes across it; 0 at the hip) (the
// turn's rate with height adds R S q angle' e_y^T, S the generator about X). Its inverse
// transpose is R times the cofactors [[A C, 0, -A E], [0, C, -B], [0, 0, A]] over det.
struct BendJacobian {
  float angle = 0.0f, a = 1.0f, b = 0.0f, c = 1.0f, e = 0.0f;
  glm::vec3 normal(const glm::vec3& n) const {
    const glm::vec3 m(a * c * n.x - a * e * n.z, c * n.y - b * n.z, a * n.z);
    const glm::vec3 r = turned_about_x(m, glm::vec3(0.0f), angle);
    const float l = glm::length(r);
    return l > 1e-12f ? r / l : n;
  }
  glm::vec3 tangent(const glm::vec3& t) const {
    return turned_about_x(glm::vec3(t.x, a * t.y, e * t.x + b * t.y + c * t.z), glm::vec3(0.0f), angle);
  }
};

BendJacobian knee_jacobian(const glm::vec3& p, const glm::vec3& knee, float flexion_deg) {
  BendJacobian j;
  if (flexion_deg == 0.0f) return j;
  const float rad = glm::radians(flexion_deg);
  const float s = std::clamp((knee.y + kKneeBlend - p.y) / (2.0f * kKneeBlend), 0.0f, 1.0f);
  const float rate = rad * 6.0f * s * (1.0f - s) * (-1.0f / (2.0f * kKneeBlend));  // d angle / dy (0 outside)
  const glm::vec3 q = p - knee;
  // The back of the knee flattened first (flatten_behind_knee).
  const KneeFlat f = knee_flat(q.x, p.y, q.z, knee, flexion_deg);
  const float g = f.g, dg_dy = f.dg_dy, dg_dz = f.dg_dz;
  j.angle = rad * knee_weight(p.y, knee);
  j.a = 1.0f - g * rate;
  j.b = dg_dy + q.y * rate;
  j.c = dg_dz;
  j.e = f.dg_dx;
  return j;
}

BendJacobian hip_jacobian(const glm::vec3& p, const glm::vec3& hip, float flexion_deg) {
  BendJacobian j;
  if (flexion_deg == 0.0f) return j;
  const float rad = glm::radians(flexion_deg);
  const float w = hip_weight(p.y, hip);
  const float dw = hip_weight_slope(p.y, hip);  // 0 outside the zone
  const float rate = -rad * dw;  // the turn is rad (1 - w)
  const glm::vec3 q = p - hip;
  float g = q.z, dg_dy = 0.0f, dg_dz = 1.0f;
  if (q.z < 0.0f) {
    // g - k g^2 / 2 = z: dg/dz = 1 / (1 - k g), dg/dy = k' g^2 / (2 (1 - k g)).
    const float k = hip_flatten_rate(p.y, hip, flexion_deg);
    const float dk = rad / (2.0f * kHipBlend) * kHipFlatten * 6.0f * (1.0f - 2.0f * w) * dw;
    g = flatten_behind_hip(p, hip, flexion_deg).z - hip.z;
    dg_dz = 1.0f / (1.0f - k * g);
    dg_dy = 0.5f * dk * g * g * dg_dz;
  }
  j.angle = rad * (1.0f - w);
  j.a = 1.0f - g * rate;
  j.b = dg_dy + q.y * rate;
  j.c = dg_dz;
  return j;
}

}  // namespace

glm::vec3 bend_knee_normal(const glm::vec3& p, const glm::vec3& n, const glm::vec3& knee, float flexion_deg) {
  return knee_jacobian(p, knee, flexion_deg).normal(n);
}

glm::vec3 blend_hip_normal(const glm::vec3& p, const glm::vec3& n, const glm::vec3& hip, float flexion_deg) {
  return hip_jacobian(p, hip, flexion_deg).normal(n);
}

glm::vec3 bend_knee_tangent(const glm::vec3& p, const glm::vec3& t, const glm::vec3& knee, float flexion_deg) {
  return knee_jacobian(p, knee, flexion_deg).tangent(t);
}

glm::vec3 blend_hip_tangent(const glm::vec3& p, const glm::vec3& t, const glm::vec3& hip, float flexion_deg) {
  return hip_jacobian(p, hip, flexion_deg).tangent(t);
}

glm::vec3 to_room(const glm::mat4& leg_to_room, const glm::vec3& leg_direction) {
  return glm::vec3(leg_to_room * glm::vec4(leg_direction, 0.0f));
}

namespace {

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

}  // namespace

namespace {

bool hips_alike(const ClientPose& pose) { return pose.hip_flexion_deg == pose.right_hip_flexion_deg; }

// The body and the sheet over the hips, which fold with both hips when they flex alike.
bool folds_with_hips(std::string_view name) { return name == "client.body" || name == "drape.hips"; }

}  // namespace

std::optional<HipSides> client_part_hip_sides(std::string_view name, const ClientPose& pose) {
  if (!folds_with_hips(name) || hips_alike(pose)) return std::nullopt;
  return HipSides{pose.hip_flexion_deg, pose.right_hip_flexion_deg};
}

float hip_side_share(float x) {
  const float s = std::clamp((x - (kMidlineX - kHipSplit)) / (2.0f * kHipSplit), 0.0f, 1.0f);
  return s * s * (3.0f - 2.0f * s);
}

glm::vec3 fold_hips(const glm::vec3& p, const HipSides& sides) {
  const float deg = sides.right_deg + (sides.left_deg - sides.right_deg) * hip_side_share(p.x);
  if (deg == 0.0f) return p;
  const glm::vec3& hip = kRightHipCentre;  // both hips share the axis (only x differs)
  return turned_about_x(flatten_behind_hip(p, hip, deg), hip, -glm::radians(deg) * hip_weight(p.y, hip));
}

float client_part_hip_deg(std::string_view name, const ClientPose& pose) {
  if (client_part_bends(name) || (folds_with_hips(name) && hips_alike(pose))) return pose.right_hip_flexion_deg;
  return 0.0f;
}

const glm::mat4& client_part_frame(std::string_view name, const ClientPose& pose) {
  static const glm::mat4 room(1.0f);
  if (name == "client.leg-right" || name == "drape.leg-right") return pose.right_leg;
  if (folds_with_hips(name) && hips_alike(pose)) return pose.right_leg;
  if (name == "client.arm-left") return pose.left_arm;
  if (name == "client.arm-right") return pose.right_arm;
  if (starts_with(name, "table.")) return room;
  return pose.body;
}

bool client_part_bends(std::string_view name) { return name == "client.leg-right" || name == "drape.leg-right"; }

bool client_part_shown(std::string_view name, const ClientPose& pose) {
  if (name == "drape.leg-right") return pose.on_table;  // standing, the other leg is bare
  if (name == "table.bolster-knees") return pose.knee_bolster;
  if (name == "table.bolster-ankles") return pose.ankle_bolster;
  if (name == "table.wedge") return pose.wedge;
  if (name == "table.pillow") return pose.head_pillow;
  if (starts_with(name, "table.")) return pose.on_table;
  return true;
}

}  // namespace effleura::anatomy
