#pragma once
// The size a window is opened at: what was asked (--size, else the default), never larger than
// the screen's free area. GL-free, so it is tested without a display.
#include <glm/vec2.hpp>

namespace effleura::render {

// `asked` and the result are in screen coordinates before the monitor's content scale: GLFW
// (GLFW_SCALE_TO_MONITOR) multiplies them by `content_scale` when it opens the window, so the
// free area (`free_area`, pixels; zero when unknown) is divided by it here. A window larger
// than the free area would lose its bottom rows (the status bar, the lesson's buttons) below
// the screen's edge.
[[nodiscard]] glm::ivec2 window_size(glm::ivec2 asked, glm::ivec2 free_area, float content_scale);

}  // namespace effleura::render
