#pragma once
// Where practice mode puts the camera. The Technique/Practice column on the right and the View
// panel on the left cover a third of a 1280x720 window or more, and a technique's own framing
// centres the whole window on the work: the lower calf and ankle sat under the Practice panel
// (seen in session 5). So practice frames the demonstration's stroke inside what the panels
// leave clear, and "Show me" turns toward the side of the leg its path runs on. Plain math on
// the orbit camera (no GL), so tests check where a region lands on screen.
#include <glm/vec2.hpp>
#include <glm/vec3.hpp>
#include <glm/vec4.hpp>

#include "anatomy/model.hpp"
#include "render/camera.hpp"

namespace effleura::app {

// The part of the window the panels leave clear (pixels from each edge of a window of `size`).
struct ClearBand {
  glm::vec2 size{0.0f};
  float left = 0.0f, right = 0.0f, top = 0.0f, bottom = 0.0f;
  [[nodiscard]] bool known() const { return size.x > 0.0f && size.y > 0.0f; }
  bool operator==(const ClearBand&) const = default;
};

// The band the docked panels leave this frame (ImGui glue: call between the UI's begin and end).
ClearBand panel_clear_band(bool view_panel_shown, glm::vec2 window);
// The same band as fractions of the window (min x, min y, max x, max y from the top-left), for
// render::Camera::set_free_area; the whole window when the band is unknown.
[[nodiscard]] glm::vec4 free_area_of(const ClearBand& band);

// The orbit pose, looking from room angles `yaw` and `pitch`, that shows `region` (a box of
// the leg frame) as large as it fits in the middle of `band`, with a margin. An unknown band
// is the whole window.
render::OrbitPose fit_region(const render::Camera& camera, const anatomy::Bounds& region, float yaw, float pitch,
                             const ClearBand& band);

// Where a point of the leg frame lands (normalised device coordinates, x right and y up) for
// a camera at `pose` in a window of aspect `aspect`.
glm::vec2 ndc_of(const render::Camera& camera, const render::OrbitPose& pose, float aspect, const glm::vec3& leg_point);

}  // namespace effleura::app
