#pragma once
// The lesson player's panel: the step's text, progress, navigation and the question with its
// feedback. In presenter mode (for a projector) it is the only panel, with large text.
#include <optional>
#include <string>

#include <glm/vec4.hpp>

#include "lesson/lesson_player.hpp"

namespace effleura::ui {

struct PresenterCommands {
  bool next = false, back = false, replay = false, toggle_presenter = false;
  std::optional<std::size_t> answer;  // index into the choices
  glm::vec4 drawn{0.0f};              // where the panel is on screen (min x, min y, max x, max y)
};

// `working`: the demonstration on screen (ui::Overlay::working); the presenter view keeps clear of it.
// `camera_gliding`: the camera is easing the work into the room the panels leave (presenter view
// then keeps last frame's place while it holds the text; ui::PanelInput::held_presenter).
PresenterCommands draw_presenter_panel(const lesson::PresenterView& view, const lesson::Score& score, bool presenter_mode,
                                       glm::vec4 working = glm::vec4(0.0f), bool camera_gliding = false);

// The feedback as shown: the lesson's text, with a verdict in front only when it has none.
std::string feedback_line(const lesson::Feedback& feedback);

}  // namespace effleura::ui
