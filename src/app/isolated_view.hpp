#pragma once
// How the camera shows one structure shown alone (the atlas's "show only"): from the direction
// that draws it largest in the part of the window the panels leave free (a flat muscle such as
// the soleus face on, not edge on; in a tall, narrow gap beside the card, turned so that its
// length runs up the gap), close, filling the view; fitted again when that part changes
// shape (the card opened or closed). No GL.
#include <cstddef>
#include <optional>
#include <vector>

#include <glm/vec3.hpp>
#include <glm/vec4.hpp>

#include "anatomy/model.hpp"
#include "render/camera.hpp"

namespace effleura::app {

// The unit direction (the mesh's frame) that the largest share of `mesh`'s surface faces, up to
// sign: the principal axis of its triangles' normals weighted by area (sum of area * n n^T; for
// a flat box, the normal of its two broad faces). Of the two signs, the one nearer `prefer`
// (e.g. toward the eye). A mesh without triangles gives `prefer` (normalised; +Z when zero).
[[nodiscard]] glm::vec3 broadest_face(const anatomy::Mesh& mesh, const glm::vec3& prefer);

// The outline's area (square metres) of the closed surface `mesh` seen along `dir` (unit) from
// far away: half the sum over its triangles of |area vector . dir|.
[[nodiscard]] float outline_area(const anatomy::Mesh& mesh, const glm::vec3& dir);

// The pose that shows `region` (a box of the leg frame, as drawn) from the room direction
// `room_dir` (target toward the eye), its projected box centred in the camera's free area (the
// one it is going to: Camera::free_area_goal) and filling 0.85 of its width or height, in a
// window of `window_aspect` (width over height), however small the region: the camera's own
// framings keep 0.65 m in view round a region so that where on the leg it lies shows; a
// structure shown alone needs no such margin. Looking (nearly) straight up or down, the camera's
// yaw is kept: it only turns the picture.
[[nodiscard]] render::OrbitPose close_view(const render::Camera& camera, const anatomy::Bounds& region,
                                           const glm::vec3& room_dir, float window_aspect);

// The pose that draws `room_mesh` (a mesh already in the room's frame, as drawn) largest, whole,
// in the camera's free area (its goal): of the view directions on the side of `prefer` (room;
// no more than a little from below), the one whose outline area over the squared distance that
// fits the mesh's own box in that view (0.85 of the area's width or height) is largest. The
// camera has no roll, so in a tall, narrow area a leg lying on the table is turned to run up
// the picture by looking down on it from along its length; broadest_face's direction is one of
// the candidates, so where it is best the pose is close_view's.
[[nodiscard]] render::OrbitPose isolated_pose(const render::Camera& camera, const anatomy::Mesh& room_mesh,
                                              const glm::vec3& prefer, float window_aspect);

// What "show only" framed: which mesh, for which free area, at which pose (as the camera holds
// it once there), so a change of the free area can fit it again.
struct IsolatedFraming {
  std::size_t mesh = 0;
  anatomy::Bounds box;  // the camera's focus region it set (leg frame, as drawn)
  glm::vec4 area{0.0f};
  render::OrbitPose pose{};
};

class State;
// "Show only" `mesh`: the camera turns to the view isolated_pose picks (from the side nearer
// the eye, from above where neither is) and comes close, eased as the other camera moves (0.6 s).
// Nothing (and no framing) for a mesh the model lacks.
std::optional<IsolatedFraming> frame_isolated(State& state, std::size_t mesh, float window_aspect);

// After the panels have set the camera's free area: while `framing`'s structure is still shown
// alone and the camera still at (or going to) its pose, a changed free area (the card opened or
// closed, the window resized) frames it again, eased. Once the student moves the camera, shows
// more or picks another structure, `framing` is dropped: their view is theirs.
void refit_isolated(State& state, std::optional<IsolatedFraming>& framing, float window_aspect);

}  // namespace effleura::app
