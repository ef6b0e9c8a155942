#include "render/posture_view.hpp"

#include <algorithm>
#include <cmath>

#include <glm/geometric.hpp>
#include <glm/trigonometric.hpp>

#include "anatomy/client_pose.hpp"

namespace effleura::render {
namespace {

constexpr float kOverheadPitch = 1.3f;   // ~75 degrees: from the ceiling, the leg still in perspective
constexpr float kBesidePitch = 0.5f;     // ~29 degrees down: a standing therapist's eye over the table
constexpr float kPastLegPitch = 0.95f;   // ~54 degrees: over the other leg onto the inner side
constexpr float kUnderTopPitch = -0.15f; // ~9 degrees up: a bent calf's back, below the table top

ViewAngles angles_of(const glm::vec3& d) {
  return {std::atan2(d.x, d.z), std::asin(std::clamp(d.y, -1.0f, 1.0f))};
}

}  // namespace

bool upright(const glm::mat4& leg_to_room) {
  return glm::normalize(glm::vec3(leg_to_room[1])).y > 0.866f;
}

glm::vec3 leg_direction(const ViewAngles& a) {
  const float c = std::cos(a.pitch);
  return {std::sin(a.yaw) * c, std::sin(a.pitch), std::cos(a.yaw) * c};
}

glm::vec3 open_side(const glm::vec3& leg_dir, const glm::mat4& leg_to_room) {
  glm::vec3 d = glm::normalize(leg_dir);
  const glm::mat3 r(leg_to_room);
  if (upright(leg_to_room)) {
    d.x = std::abs(d.x);
    return glm::normalize(r * d);
  }
  if (d.x >= 0.0f) return glm::normalize(r * d);
  const float inner = -d.x;
  d.x = 0.0f;
  glm::vec3 room = r * d;
  room.y += inner;  // the inner part of the look becomes a look from above
  return glm::length(room) > 1e-4f ? glm::normalize(room) : glm::vec3(0, 1, 0);
}

ViewAngles room_angles(const glm::vec3& leg_dir, const glm::mat4& leg_to_room, float knee_deg) {
  const glm::mat3 r(leg_to_room);
  if (upright(leg_to_room)) return angles_of(glm::normalize(r * leg_dir));  // standing and walking: the leg's own
  glm::vec3 named = leg_dir;
  if (knee_deg >= kShankViewsFromDeg)  // the shank's direction in the thigh's frame (anatomy::turned_about_x)
    named = anatomy::turned_about_x(leg_dir, glm::vec3(0.0f), glm::radians(knee_deg));
  const glm::vec3 d = glm::normalize(r * named);
  // The leg's outer side, level: where a therapist stands to work this leg.
  glm::vec3 outer = r * glm::vec3(1, 0, 0);
  outer.y = 0.0f;
  if (glm::length(outer) < 1e-3f) outer = glm::vec3(0, 0, 1);
  outer = glm::normalize(outer);
  if (std::abs(d.y) > 0.8f) {
    // From the ceiling (or, for a side that faces the table, from beside it at table height).
    const ViewAngles side = angles_of(outer);
    return {side.yaw, d.y > 0.0f ? kOverheadPitch : 0.05f};
  }
  glm::vec3 level(d.x, 0.0f, d.z);
  level = glm::normalize(level);
  if (named != leg_dir) {
    // The bent shank's back faces the hips (sitting: 1-2 cm from the table's end, under the
    // client's own thighs, a table leg 9 cm inside that end): it can only be seen from its outer
    // side, 6 degrees behind it (further the table leg hides it), looking a little up from
    // below the table top (from beside the table, not under it).
    glm::vec3 thigh = r * glm::vec3(0, -1, 0);  // hip to knee
    thigh.y = 0.0f;
    if (glm::length(thigh) > 1e-3f && glm::dot(level, glm::normalize(thigh)) < -0.5f)
      return {angles_of(glm::normalize(outer + 0.1f * level)).yaw, kUnderTopPitch};
  }
  const float pitch = glm::dot(level, outer) < -0.5f ? kPastLegPitch : std::max(kBesidePitch, std::asin(d.y) + kBesidePitch);
  return {angles_of(level).yaw, std::min(pitch, kOverheadPitch)};
}

}  // namespace effleura::render
