#pragma once
// The window's Dear ImGui interface: menu bar, view panel and status bar. It reads and edits
// the view settings it is given and returns commands for the app to carry out; it never
// touches GL or the simulation.
#include <array>
#include <optional>
#include <string>

#include "anatomy/area_content.hpp"
#include "anatomy/areas.hpp"
#include "render/camera.hpp"
#include "render/frame_view.hpp"

namespace effleura::ui {

struct UiState {
  render::LayerVisibility* layers = nullptr;
  float* skin_opacity = nullptr;
  std::array<bool, anatomy::kAreaCount>* selected = nullptr;
  float frame_ms = 0.0f;
  std::string renderer_name;
  std::string status_message;  // e.g. "Saved effleura-....png"
  bool show_view_panel = true;
  const anatomy::AreaContent* areas = nullptr;  // descriptions and cautions, when loaded
  int focus_area = -1;                          // the area last chosen: its notes are shown
};

struct UiCommands {
  std::optional<render::ViewPreset> preset;
  bool reset_camera = false;
  bool screenshot = false;
  bool quit = false;
};

// Draws the interface for this frame (between ImGui::NewFrame and ImGui::Render).
UiCommands draw_main_ui(UiState& state);

// Human-readable name of an area id ("it-band" -> "IT band").
const char* area_label(std::size_t index);

}  // namespace effleura::ui
