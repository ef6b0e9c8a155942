// The interface size a window shows: the user's choice (View > Larger, kept in the settings
// file), at most what leaves 36 lines of text in the window's height, never under 0.75.
#include <doctest/doctest.h>

#include "app/panels.hpp"

using namespace effleura;

TEST_CASE("a larger interface than the window's height holds is shown at what it holds") {
  // The window's 17 px font: 1280x720 holds 20 px lines (1.18x), 1920x1080 30 px (1.76x).
  CHECK(app::shown_interface_scale(2.0f, 17.0f, 720.0f) == doctest::Approx(20.0f / 17.0f));
  CHECK(app::shown_interface_scale(1.5f, 17.0f, 1080.0f) == doctest::Approx(1.5f));
  CHECK(app::shown_interface_scale(2.0f, 17.0f, 1080.0f) == doctest::Approx(30.0f / 17.0f));
  // HiDPI: a 2x content scale doubles the font at size 1 (34 px); a 1280x720 window is then
  // 2560x1440 pixels and shows 1x as chosen, a larger choice up to 40 px lines.
  CHECK(app::shown_interface_scale(1.0f, 34.0f, 1440.0f) == doctest::Approx(1.0f));
  CHECK(app::shown_interface_scale(2.0f, 34.0f, 1440.0f) == doctest::Approx(40.0f / 34.0f));
  // A 1080-pixel screen at 2x (a 960x540 window): even 1x is too large; 30 px lines (0.88x).
  CHECK(app::shown_interface_scale(1.0f, 34.0f, 1080.0f) == doctest::Approx(30.0f / 34.0f));
  // Never under the setting's least, however short the window.
  CHECK(app::shown_interface_scale(1.0f, 17.0f, 200.0f) == doctest::Approx(0.75f));
  // Smaller choices are shown as chosen.
  CHECK(app::shown_interface_scale(0.875f, 17.0f, 720.0f) == doctest::Approx(0.875f));
}
