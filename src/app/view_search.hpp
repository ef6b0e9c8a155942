#pragma once
// The view a step of the running technique is seen from: of the directions round the leg (the
// leg's open side and above it, never from under the table), the one from which both working
// hands' palms are seen past the leg, the client, the table and the therapist's forearms
// (render/sight.hpp) in the most moments of the step, the suggested one when it does as well.
// No GL.
#include <cstddef>

#include "anatomy/model.hpp"
#include "core/view_angles.hpp"

namespace effleura::app {

class State;

// Angles in the leg's frame, as render::StepCamera takes them.
ViewAngles best_step_view(const State& state, std::size_t step, const anatomy::Bounds& region, ViewAngles suggested);

}  // namespace effleura::app
