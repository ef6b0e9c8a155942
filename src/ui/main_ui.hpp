#pragma once
// The window's Dear ImGui interface: menu bar, view panel and status bar. It reads a const
// view of the settings and returns commands for the app to carry out; it never touches GL,
// the simulation or the settings themselves.
#include <array>
#include <optional>
#include <string>

#include "anatomy/area_content.hpp"
#include "anatomy/areas.hpp"
#include "ui/atlas_panel.hpp"
#include "render/camera.hpp"
#include "render/frame_view.hpp"

namespace effleura::ui {

struct MainUiView {
  render::LayerVisibility layers{};
  float skin_opacity = 1.0f;
  bool skin_hidden = false;  // the atlas hides the skin ("Show only"): its box reads unticked
  std::array<bool, anatomy::kAreaCount> selected{};
  float frame_ms = 0.0f;
  std::string renderer_name;
  std::string status_message;  // e.g. "Saved effleura-....png"
  bool show_view_panel = true;
  const anatomy::AreaContent* areas = nullptr;  // descriptions and cautions, when loaded
  int focus_area = -1;                          // the area last chosen: its notes are shown
  // A lesson question asks which area is lit: the ticks and notes that would answer it are hidden.
  bool hide_areas = false;
  bool verbose = false;          // --verbose: the frame time and renderer in the status bar
  float interface_scale = 1.0f;  // the user's interface size setting (settings file)
  float shown_scale = 1.0f;      // the size shown: less where the window is too short for the setting
  AtlasView atlas;               // search, isolate / hide / fade, card, labels, cut, saved views
  // Not during a lesson: the left column then holds the lesson panel, and a search could
  // light the area a question asks about.
  bool show_atlas = true;
};

struct AreaChoice {
  std::size_t area = 0;
  bool on = false;
};

struct UiCommands {
  std::optional<render::ViewPreset> preset;
  bool reset_camera = false;
  bool screenshot = false;
  bool quit = false;
  std::optional<render::LayerVisibility> layers;
  bool show_skin = false;                // the Skin box ticked while the atlas hid the skin
  std::optional<float> skin_opacity;
  std::optional<AreaChoice> area;        // an area's box ticked or cleared
  std::optional<bool> show_view_panel;
  std::optional<float> interface_scale;  // the user chose a larger or smaller interface
  std::optional<std::string> language;   // the user chose a language (View menu), e.g. "es"
  AtlasCommands atlas;
};

// The status bar's text: the last message, else how to use the view; the frame time and the
// renderer only with --verbose (they mean nothing to a student).
std::string status_text(const MainUiView& view);

// Draws the interface for this frame (between ImGui::NewFrame and ImGui::Render).
UiCommands draw_main_ui(const MainUiView& view);

// Human-readable name of an area id ("it-band" -> "IT band").
const char* area_label(std::size_t index);

}  // namespace effleura::ui
