#pragma once
// The lesson player's panel: the step's text, progress, navigation and the question with its
// feedback. In presenter mode (for a projector) it is the only panel, with large text.
#include <optional>

#include "lesson/lesson_player.hpp"

namespace effleura::ui {

struct PresenterCommands {
  bool next = false, back = false, replay = false, toggle_presenter = false;
  std::optional<std::size_t> answer;  // index into the choices
};

PresenterCommands draw_presenter_panel(const lesson::PresenterView& view, const lesson::Score& score, bool presenter_mode);

}  // namespace effleura::ui
