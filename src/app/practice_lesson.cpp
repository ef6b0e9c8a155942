// A lesson step with `practice = true` (lesson/lesson.hpp): the class tries the step's technique
// itself. Practice mode starts on it when the step comes up (and again when it is replayed),
// and the lesson ends it with the step; a student who pressed Stop is not restarted.
#include "app/practice_mode.hpp"
#include "app/state.hpp"
#include "lesson/lesson_player.hpp"

namespace effleura::app {

void PracticeMode::follow_lesson(const lesson::LessonPlayer* player, State& state) {
  if (!player) {
    lesson_step_.reset();  // no lesson: practice is the student's own choice
    return;
  }
  const lesson::LessonStep& step = player->step();
  if (step.practice && !step.technique.empty()) {
    if (lesson_step_ != player->step_generation()) {
      lesson_step_ = player->step_generation();
      (void)start(state, step.technique);  // the loader checked the id against the library
    }
  } else if (lesson_step_) {
    lesson_step_.reset();
    if (active()) stop(state);
  }
}

}  // namespace effleura::app
