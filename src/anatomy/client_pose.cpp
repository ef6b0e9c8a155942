#include "anatomy/client_pose.hpp"

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
  }
  return "supine";
}

std::optional<ClientPosture> parse_client_posture(std::string_view name) {
  for (auto p : {ClientPosture::supine, ClientPosture::prone, ClientPosture::raised, ClientPosture::sitting,
                 ClientPosture::standing})
    if (client_posture_name(p) == name) return p;
  return std::nullopt;
}

ClientPose client_pose(ClientPosture posture, float turn) {
  ClientPose pose;
  switch (posture) {
    case ClientPosture::supine:
    case ClientPosture::prone: {
      float t = turn >= 0.0f ? std::clamp(turn, 0.0f, 1.0f) : (posture == ClientPosture::supine ? 1.0f : 0.0f);
      if (!std::isfinite(t)) t = 1.0f;
      // Rolled about the long axis through the pelvis, lifted by up to 12 cm on the way so the
      // hips, widest on their side, clear the table.
      const glm::mat4 prone = lying(true);
      const glm::vec3 axis_point(0.0f, Table::kTopY + kProneHeight, 0.0f);
      const float lift = 0.12f * std::sin(kPi * t);
      glm::mat4 roll = glm::translate(glm::mat4(1.0f), axis_point + glm::vec3(0, lift, 0));
      roll = glm::rotate(roll, kPi * t, glm::vec3(1, 0, 0));
      roll = glm::translate(roll, -axis_point);
      // The two resting heights differ (front or back on the table): moved between on the way.
      pose.body = roll * prone;
      pose.body[3].y += t * (kSupineHeight - kProneHeight);
      pose.arms_up = t < 0.5f;
      pose.knee_bolster = t >= 1.0f;
      pose.ankle_bolster = t <= 0.0f;
      break;
    }
    case ClientPosture::raised:
      pose.body = lying(false);
      pose.hip_flexion_deg = 30.0f;  // flow/posture.hpp kRaisedLegAngleDeg
      pose.wedge = true;
      break;
    case ClientPosture::sitting:
      // Upright on the table, facing the foot end (+X), the legs out straight along it: the
      // hips flexed 90 degrees, the back of the thighs (~0.10 m behind the hip centres) on the
      // table top.
      pose.body = frame_of({0, 0, -1}, {0, 1, 0}, {1, 0, 0},
                           {-0.05f, Table::kTopY + 0.10f - frame::kHipCentre.y, kMidlineX});
      pose.hip_flexion_deg = 90.0f;
      break;
    case ClientPosture::standing:
      pose.on_table = false;
      break;
  }
  pose.left_leg = pose.body * hip_flexion(frame::kHipCentre, pose.hip_flexion_deg);
  pose.right_leg = pose.body * hip_flexion(kRightHipCentre, pose.hip_flexion_deg);
  return pose;
}

glm::vec3 to_room(const glm::mat4& leg_to_room, const glm::vec3& leg_direction) {
  return glm::vec3(leg_to_room * glm::vec4(leg_direction, 0.0f));
}

namespace {

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

}  // namespace

const glm::mat4& client_part_frame(std::string_view name, const ClientPose& pose) {
  static const glm::mat4 room(1.0f);
  if (name == "client.leg-right" || name == "drape.leg-right") return pose.right_leg;
  if (starts_with(name, "table.")) return room;
  return pose.body;
}

bool client_part_shown(std::string_view name, const ClientPose& pose) {
  if (name == "client.arms-up") return pose.arms_up;
  if (name == "client.arms-down") return !pose.arms_up;
  if (name == "drape.leg-right") return pose.on_table;  // standing, the other leg is bare
  if (name == "table.bolster-knees") return pose.knee_bolster;
  if (name == "table.bolster-ankles") return pose.ankle_bolster;
  if (name == "table.wedge") return pose.wedge;
  if (starts_with(name, "table.")) return pose.on_table;
  return true;
}

}  // namespace effleura::anatomy
