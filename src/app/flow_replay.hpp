#pragma once
// A headless picture at --at T shows the Blood flow panel's plots as a window shows them after
// playing to T (issue 14): the technique and the model are played through the moments before
// T, and what the panel plots is recorded on the way. Without it the picture's plots were
// empty (the model only records as it runs, and seeking to T runs nothing). No GL.
#include <functional>

#include "app/flow_history.hpp"
#include "flow/drivers.hpp"
#include "flow/flow_system.hpp"

namespace effleura::app {

class Simulation;

// Records the three figures the panel plots (groin outflow, calf volume, ankle pressure) at `t`,
// as State::update does each frame.
void record_flow(FlowHistory& history, double t, const flow::FlowSystem& flow);

// Plays `sim`'s technique and flow from max(0, T - span_s x speed) to its present moment T, in
// steps of `dt` model seconds, recording each step into `history` (cleared first): at most the
// plots' span of model time. The playback ends at T, playing or paused as it was. From 0 this is
// exactly what a window shows after playing to T; from later, the technique first plays unrecorded
// from kLeadIn_s before that (or from 0), the model starting from rest, so the plots begin on a leg
// already in the technique's pose and rhythm: exactly the window's samples up to T = span_s +
// kLeadIn_s. Returns the model seconds recorded (0: no technique, no flow, or T = 0).
// `muscles`, when given, is what the client's own muscles press with `before_s` model seconds
// before T (walking: the gait's pumps, as State::update sets them each frame); without it the
// muscles rest, and a walking client's plots showed standing still.
using MusclesBefore = std::function<flow::PumpPressures(double before_s)>;
inline constexpr double kLeadIn_s = 10.0;
double replay_flow_history(Simulation& sim, FlowHistory& history, double dt,
                           double span_s = static_cast<double>(FlowHistory::kSamples) * FlowHistory::kInterval,
                           const MusclesBefore& muscles = {});

// With no technique (a client walking on the spot, nothing played) replay_flow_history has no
// playback to count from: the picture's plots stayed at standing still (calf 218 mL, ankle 89
// mmHg) however long the client had walked. This plays the model alone, its muscles as `muscles`
// says, over the `walked_s` seconds the client has walked: at most span_s recorded, after up to
// kLeadIn_s unrecorded from rest. Returns the model seconds recorded (0: a technique is loaded,
// no flow, no muscles, or walked_s = 0).
double replay_muscles_history(Simulation& sim, FlowHistory& history, double dt, double walked_s,
                              double span_s, const MusclesBefore& muscles);

}  // namespace effleura::app
