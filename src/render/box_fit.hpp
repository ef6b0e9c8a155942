#pragma once
// The closest camera that keeps a box in view: the region framings of the orbit camera
// (render/camera.cpp) and the atlas's "show only" (app/isolated_view.cpp) share it. Plain math.
#include <optional>

#include <glm/vec3.hpp>

#include "anatomy/model.hpp"
#include "render/camera.hpp"

namespace effleura::render {

// A view direction's axes in the room: `back` from the target toward the eye, `right` and `up`
// across the picture (yaw about +Y, pitch above the horizontal, as OrbitPose).
struct ViewAxes {
  glm::vec3 right, up, back;
};
[[nodiscard]] ViewAxes view_axes(float yaw, float pitch);

// Sets p.distance and slides p.target (from where it is) so that the eight room corners of a
// box fill `fill` of a view whose half-extents are the tangents `tx`, `ty`: a corner `rel` from
// the target lands at dot(rel, right) / ((d - dot(rel, back)) tx) across, so the least distance
// for a target has a closed form, corner by corner; seen obliquely the near end is drawn larger,
// so the target then moves in the view plane until the box's projection is centred (a few rounds
// settle it to well under a pixel). The distance is held to [nearest, farthest] (farthest wins
// when they cross); the target, when `target_within` is given, to that box.
void fit_box(OrbitPose& p, const glm::vec3 (&corners)[8], const ViewAxes& axes, float tx, float ty, float fill,
             float nearest, float farthest, const std::optional<anatomy::Bounds>& target_within = std::nullopt);

}  // namespace effleura::render
