#pragma once
// Framing the client rather than the leg: the box round a part of the client (its head) in the
// massaged leg's frame, which is the frame the camera's focus and views work in
// (render/camera.hpp set_subject). --look-at head frames it, so a student sees the face in the
// table's face hole (prone) or the head on its pillow (supine). No GL.
#include <optional>
#include <string_view>

#include "anatomy/client_pose.hpp"
#include "anatomy/model.hpp"

namespace effleura::app {

// The box round part `name` of the client model (assets/client.glb) as `pose` draws it, in
// the massaged leg's frame; nullopt when the model has no such part. Only parts drawn rigidly
// in their frame (the head, the body, the arms, the table) are exact; a bent part's box is its
// unbent one.
[[nodiscard]] std::optional<anatomy::Bounds> client_part_box(const anatomy::Model& client_model, std::string_view name,
                                                              const anatomy::ClientPose& pose);

}  // namespace effleura::app
