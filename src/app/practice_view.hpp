#pragma once
// What practice mode draws on the leg, besides the hands: the session's strokes as a trail
// coloured by their grade (green right, amber something to improve, red a safety fault), and
// while "Show me" plays, the demonstration's own stroke as a white ghost path growing over them,
// so the difference from the student's last stroke is seen on the skin.
#include <vector>

#include <glm/vec4.hpp>

#include "render/frame_view.hpp"

namespace effleura::app {

class PracticeMode;
class State;

inline constexpr glm::vec4 kPracticeRight{0.35f, 0.85f, 0.40f, 0.85f};
inline constexpr glm::vec4 kPracticeImprove{0.98f, 0.70f, 0.22f, 0.85f};
inline constexpr glm::vec4 kPracticeUnsafe{0.95f, 0.30f, 0.25f, 0.90f};
inline constexpr glm::vec4 kPracticeGhost{1.0f, 1.0f, 1.0f, 0.92f};

// The colour a graded stroke's trail takes.
glm::vec4 practice_colour(const struct PracticeStroke& stroke);

// Appends the trail and the ghost (leg frame) to `v.coloured`.
void append_practice_view(const PracticeMode& mode, const State& state, render::FrameView& v);

}  // namespace effleura::app
