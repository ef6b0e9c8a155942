#pragma once
// Loads the interface font into the current ImGui context at a pixel size. DejaVu Sans from
// Debian's fonts-dejavu-core reads cleanly on a projector and from across a waiting room;
// without it ImGui's built-in font is used (smaller, pixel-style).
#include <glm/vec2.hpp>

namespace effleura::ui {

// The interface text's size, one rule for the window, the page (a window in the browser) and a
// headless picture: the base size times the display's scale. A window's scale is its monitor's
// content scale; the page's is 1 (the browser's zoom scales the canvas itself); a headless
// picture has no display, so its scale comes from its height (picture_scale). A headless picture
// used 20 px at 720 lines where the window used 17, so the desktop's pictures had wider caption
// boxes than the page (3.45 % of the browser test's held effleurage frame; session 26).
inline constexpr float kInterfaceFontPx = 17.0f;  // the explorer, its lessons and the page
inline constexpr float kKioskFontPx = 40.0f;      // the kiosk's captions are read from across the room

[[nodiscard]] inline float interface_font_px(bool kiosk, float display_scale) {
  return (kiosk ? kKioskFontPx : kInterfaceFontPx) * display_scale;
}

// A headless picture's display scale: its height per 720 lines, never under 1. A 1080p picture
// reads like a 720p window, only sharper; a smaller one keeps a window's text size. A kiosk
// picture's is 1 at any height: the kiosk's screen (a TV, a mini PC's monitor) has a content scale
// of 1 at 720 and 1080 lines alike, so its window draws 40 px on both, and a picture or recording
// of the loop shows what that screen shows (at 1080p it drew 60 px, the window 40; session 27).
[[nodiscard]] float picture_scale(glm::ivec2 size, bool kiosk);

// Returns true if the TrueType font was found; call before the first NewFrame.
bool load_interface_font(float pixel_size);

}  // namespace effleura::ui
