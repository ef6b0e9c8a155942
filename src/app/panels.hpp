#pragma once
// The panels' const views of the State, and carrying out the commands they return. Kept
// apart from the frame so tests can drive it without a window.
#include "app/state.hpp"
#include "ui/main_ui.hpp"
#include "ui/teaching_panels.hpp"

namespace effleura::app {

// What the window's panels keep between frames (not part of what is shown).
struct PanelState {
  bool show_view_panel = true;
  int focus_area = -1;         // the area last chosen: the View panel shows its notes
  int area_filter = -1;        // the Technique panel lists the techniques for this area
  bool presenter = false;      // a lesson's presenter view: only the lesson text, large
  float frame_ms = 16.0f;      // smoothed, for the status bar
  std::string renderer_name;
  std::string status_message;  // e.g. "Saved effleura-....png"
};

ui::MainUiView main_view(const State& state, const PanelState& panels);
void apply(const ui::UiCommands& commands, State& state, PanelState& panels);

ui::TimelineState timeline_state(const State& state, const PanelState& panels);
void apply(const ui::TimelineCommands& commands, State& state, PanelState& panels);

ui::FlowPanelState flow_state(const State& state);
void apply(const ui::FlowCommands& commands, State& state);

}  // namespace effleura::app
