#pragma once
// Loads the interface font into the current ImGui context at a pixel size. DejaVu Sans from
// Debian's fonts-dejavu-core reads cleanly on a projector and from across a waiting room;
// without it ImGui's built-in font is used (smaller, pixel-style).
namespace effleura::ui {

// Returns true if the TrueType font was found; call before the first NewFrame.
bool load_interface_font(float pixel_size);

}  // namespace effleura::ui
