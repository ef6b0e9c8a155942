// The window opens at the size asked for: --size reaches the window's options, and the size
// given to GLFW is the one asked unless the screen's free area (divided by the monitor's content
// scale, which GLFW multiplies back) is smaller. No display needed. (Under Xvfb with a 1920x1080
// screen, --size 1920x1080 opened a 1280x800 window: the window never read --size.)
#include <doctest/doctest.h>

#include "app/cli.hpp"
#include "app/window_options.hpp"
#include "render/window_size.hpp"

using namespace effleura;

TEST_CASE("the window takes --size, else 1280x800") {
  auto asked = app::parse_command_line({"--size", "1920x1080"});
  REQUIRE(asked.has_value());
  const render::WindowOptions w = app::explorer_window_options(*asked);
  CHECK(w.width == 1920);
  CHECK(w.height == 1080);
  CHECK_FALSE(w.fullscreen);
  auto plain = app::parse_command_line({});
  REQUIRE(plain.has_value());
  const render::WindowOptions d = app::explorer_window_options(*plain);
  CHECK(d.width == 1280);
  CHECK(d.height == 800);
}

TEST_CASE("the window's size is what was asked, never past the screen's free area") {
  // A 1920x1080 screen holds a 1920x1080 window whole (Xvfb has no panels or title bars).
  CHECK(render::window_size({1920, 1080}, {1920, 1080}, 1.0f) == glm::ivec2(1920, 1080));
  CHECK(render::window_size({1280, 720}, {1920, 1080}, 1.0f) == glm::ivec2(1280, 720));
  // The default 1280x800 on a 1280x720 screen: 720 lines, else the status bar is below the edge.
  CHECK(render::window_size({1280, 800}, {1280, 720}, 1.0f) == glm::ivec2(1280, 720));
  // A desktop's panel takes 32 lines: the window keeps inside what is left.
  CHECK(render::window_size({1920, 1080}, {1920, 1048}, 1.0f) == glm::ivec2(1920, 1048));
  // HiDPI at 2x: GLFW doubles the size it is given, so a 3840x2160 screen holds 1920x1080.
  CHECK(render::window_size({1920, 1080}, {3840, 2160}, 2.0f) == glm::ivec2(1920, 1080));
  CHECK(render::window_size({2560, 1440}, {3840, 2160}, 2.0f) == glm::ivec2(1920, 1080));
  CHECK(render::window_size({1600, 900}, {2880, 1620}, 1.5f) == glm::ivec2(1600, 900));
  // No free area known (a window system that says none): the size asked.
  CHECK(render::window_size({1920, 1080}, {0, 0}, 1.0f) == glm::ivec2(1920, 1080));
  CHECK(render::window_size({1920, 1080}, {0, 0}, 0.0f) == glm::ivec2(1920, 1080));
}
