#pragma once
// One frame of a running Effleura, in the order of docs/design.md:
//   input events -> commands -> simulation -> view -> draw -> UI
// The input events queued since the last frame become commands, in the order they came
// (app/input_events.hpp); the commands are carried out (last frame's panel commands first,
// then input's in order), the lesson or playlist and the simulation advance by dt, the frame's view is computed
// once, the scene is drawn, and the interface goes on top, its panels returning the commands
// for the next frame. Every driver (window, kiosk, screenshot, recording, soak) calls this;
// the benchmark times the middle steps apart.
#include <chrono>

#include "app/context.hpp"
#include "ui/overlay.hpp"

namespace effleura::app {

// dt 0 draws the current state without advancing it (a headless run's first frame).
void frame(Context& ctx, double dt);

// A headless picture with panels shows them as a window does after a moment, at the same
// instant: a few frames at dt 0 (ImGui lays out a self-sizing panel on its first frame and draws
// it from the next; the docked column settles), then, while the open Blood flow panel's clinic
// figures are being computed (app/flow_indices.hpp), waits for them up to `wait`.
void settle_panels(Context& ctx, std::chrono::milliseconds wait);

// The steps of frame(), for the benchmark.
void carry_out_commands(Context& ctx);
void advance(Context& ctx, double dt);
void compute_view(Context& ctx);
void draw_scene(Context& ctx);

// The kiosk's caption: large, where the playlist's scene puts it, with the disclaimer in a
// corner (the render tests lay out the same overlay the window draws).
void place_kiosk_caption(const LessonOrPlaylist& lp, ui::Overlay& overlay);

}  // namespace effleura::app
