#pragma once
// What the explorer's State lays over the 3D picture and keeps beside it each moment: the step's
// caption, the flow panel's plot history (app/state.cpp's update() records it), and the
// labels, working area and legend of ui::Overlay (State::overlay, defined in state_overlay.cpp).
#include <string>
#include <vector>

#include "app/state.hpp"

namespace effleura::app {

// The caption for the moment shown: a kiosk scene's or lesson step's own text, else the
// technique step's caption with what to attend to; empty with no technique. Worked out for each
// overlay from the state as it is, not kept from the last step: a headless picture's only frame
// (dt 0, no step) drew none where the window and the page draw the step's caption.
[[nodiscard]] std::string caption_now(const State& state);

// The drawn hands and forearms on screen (ui::Overlay::hands): each hand (palm and fingers) and
// each forearm (wrist to elbow) as a convex outline in pixels of a picture of `size`. Empty
// when no hands are drawn.
[[nodiscard]] std::vector<ui::ScreenOutline> hands_on_screen(const render::FrameView& view, glm::ivec2 size);

// Adds this moment's femoral outflow, calf volume and ankle pressure to the flow panel's plots.
void record_history(State& state);

}  // namespace effleura::app
