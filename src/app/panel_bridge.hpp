#pragma once
// Between the scene and the teaching panels: what the panels show, and carrying out what
// they ask. Kept apart from the window loop so tests can drive it without a window.
#include "app/scene.hpp"
#include "ui/teaching_panels.hpp"

namespace effleura::app {

ui::TimelineState timeline_state(const Scene& scene);
void apply(const ui::TimelineCommands& commands, Scene& scene);

ui::FlowPanelState flow_state(const Scene& scene);
void apply(const ui::FlowCommands& commands, Scene& scene);

}  // namespace effleura::app
