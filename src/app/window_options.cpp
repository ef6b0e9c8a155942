#include "app/window_options.hpp"

namespace effleura::app {

render::WindowOptions explorer_window_options(const Options& options) {
  render::WindowOptions w;
  // Before session 10 only headless runs read --size: under Xvfb a window asked for 1920x1080
  // opened at 1280x800.
  if (options.size_set) {
    w.width = options.size.x;
    w.height = options.size.y;
  }
  return w;
}

}  // namespace effleura::app
