#pragma once
// The named views of the leg (front, back, lateral, medial, top) as orbit angles in the room,
// for a leg in any posture: "back" looks at the back of the leg, from the ceiling when the
// client lies prone. The camera orbits in the room with the room's up; only where it starts
// depends on the posture. Plain math, no GL.
#include <glm/mat4x4.hpp>
#include <glm/vec3.hpp>

#include "core/view_angles.hpp"

namespace effleura::render {

// True when the leg stands within 30 degrees of upright (standing): the views are the leg
// frame's own angles, as they always were.
bool upright(const glm::mat4& leg_to_room);

// Orbit angles in the room that look at the leg from `leg_direction` (a direction of the leg
// frame, from the leg toward the eye). Upright: exactly that direction. Lying or sitting, as a
// therapist beside the table sees it: from above, the camera leans toward the leg's outer side
// so the leg runs across the (wide) screen; from the side, it looks down a little, as from
// standing height; from the other leg's side (medial), steeply down past it; never from under
// the table. `knee_deg` is the knee's flexion as drawn (sitting 90): `leg_to_room` is the
// thigh's frame, and with the knee bent 45 degrees or more a view is named for the shank (the
// front is the shin's front, which faces forward sitting while the thigh's faces the ceiling),
// so the direction is first turned by the knee's bend (anatomy::bend_knee's hinge).
ViewAngles room_angles(const glm::vec3& leg_direction, const glm::mat4& leg_to_room, float knee_deg = 0.0f);

// The knee's flexion from which the named views are the shank's (see room_angles).
inline constexpr float kShankViewsFromDeg = 45.0f;

// The room direction to look from, for a direction of the leg frame, that never looks through
// the other leg: a direction from the leg's inner side (-X, where the other leg lies) is turned
// to look from above instead when the client lies or sits (from the ceiling over the table), and
// mirrored to the outer side when standing (the other leg stands beside it, at the same height).
glm::vec3 open_side(const glm::vec3& leg_direction, const glm::mat4& leg_to_room);

// The direction of the leg frame that the named view's angles (core/view_angles.hpp) look from.
glm::vec3 leg_direction(const ViewAngles& angles);

}  // namespace effleura::render
