#pragma once
// Carrying out the atlas tools' commands (ui/atlas_panel.hpp) on the State: selecting and
// framing a structure or area, showing only / hiding / fading it, the cut, labels, and saving
// and recalling named views (kept in the user's settings file).
#include <string>

#include "app/panels.hpp"
#include "app/state.hpp"
#include "app/user_settings.hpp"
#include "ui/atlas_panel.hpp"

namespace effleura::app {

[[nodiscard]] ui::AtlasView atlas_view(const State& state, const PanelState& panels);
void apply(const ui::AtlasCommands& commands, State& state, PanelState& panels);

// Selects the best match for `query` (a structure or an area) and frames the camera on it;
// false when nothing matches.
bool find_and_select(State& state, PanelState& panels, const std::string& query);
// Selects a mesh of the leg model and turns the camera to it.
void select_structure(State& state, std::size_t mesh);

[[nodiscard]] SavedView capture_view(const State& state, const std::string& name);
void recall_view(State& state, const SavedView& view, bool animate);

}  // namespace effleura::app
