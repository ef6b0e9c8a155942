#pragma once
// The explorer window's options from the command line (GL-free, tested without a display).
#include "app/options.hpp"
#include "render/gl_context.hpp"

namespace effleura::app {

// --size when given (the window is then that size, as far as the screen's free area allows:
// render/window_size.hpp), else WindowOptions' default 1280x800.
[[nodiscard]] render::WindowOptions explorer_window_options(const Options& options);

}  // namespace effleura::app
