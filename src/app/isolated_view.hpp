#pragma once
// How the camera shows one structure shown alone (the atlas's "show only"): square to its
// broadest face, so a flat muscle such as the soleus is seen face on, not edge on, and close,
// filling the view. No GL.
#include <cstddef>

#include <glm/vec3.hpp>

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
// `room_dir` (target toward the eye), its projected box centred in the camera's free area and
// filling 0.85 of its width or height, in a window of `window_aspect` (width over height),
// however small the region: the camera's own framings keep 0.65 m in view round a region so
// that where on the leg it lies shows; a structure shown alone needs no such margin. Looking
// (nearly) straight up or down, the camera's yaw is kept: it only turns the picture.
[[nodiscard]] render::OrbitPose close_view(const render::Camera& camera, const anatomy::Bounds& region,
                                           const glm::vec3& room_dir, float window_aspect);

class State;
// "Show only" `mesh`: the camera turns to its broadest face (the side nearer the eye, from above
// where neither is) and comes close (close_view), eased as the other camera moves (0.6 s).
void frame_isolated(State& state, std::size_t mesh, float window_aspect);

}  // namespace effleura::app
