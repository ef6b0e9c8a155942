#pragma once
// A step's own camera, set in content (camera = { around = 150, tilt = -10, scale = 1.3 }, and
// sitting_camera for a sitting client): where the camera that follows the work looks at the
// step's hands from, instead of the view the app searches for (app/view_search.hpp). The search
// takes the view that sees both palms past the leg at the most moments; a student may learn
// more from another (compression's lift over the knee: with the hand carried palm down, the
// search went end-on along the leg). No GL.
#include <optional>
#include <string_view>

#include "core/error.hpp"

namespace effleura {
class TomlTable;
}

namespace effleura::technique {

struct StepView {
  // Degrees round the leg, as keyframes' `around`: 0 from the front (the shin), 90 from the
  // outer side, 180 from the back, 270 from the inner side.
  float around_deg = 0.0f;
  // Degrees from straight across the leg toward its top (the hip, positive) or its end (the
  // foot, negative): standing or sitting (the shank hangs), from above or below. The camera
  // still keeps above a lying client's table (render/camera.cpp Camera::follow).
  float tilt_deg = 0.0f;
  // The box the step's hands move in (technique/working_region.hpp), scaled about its centre
  // before it is framed: 1.5 shows half as much again round the hands, 0.8 comes closer.
  float scale = 1.0f;
};

// The step table's `key` (camera or sitting_camera), if it has one. Errors name the file, line
// and key: an unknown key, a value out of range, or camera_turn beside it (camera_turn turns
// the searched view; a step that pins its camera has no search to turn).
[[nodiscard]] Expected<std::optional<StepView>> read_step_view(const TomlTable& step, std::string_view key);

}  // namespace effleura::technique
