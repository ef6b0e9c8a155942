#pragma once
// Walks through a lesson: the instructor moves next/back, replays a step (restarts its
// animation), and the class answers the step's question. Pure logic: the app reads the
// current step to set up the scene and the presenter view to draw the big text.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "lesson/lesson.hpp"
#include "lesson/locale.hpp"

namespace effleura::lesson {

struct Feedback {
  bool correct = false;
  std::string text;          // the lesson's right/wrong feedback
  std::string answer_label;  // the correct answer's label, for "The answer is ..."
  std::string chosen_label;  // a wrong click's structure, for "You clicked ..." (else empty)
  bool counted = false;      // true for the first answer to the question (the one scored)
};

struct Score {
  int correct = 0;    // questions whose first answer was right
  int answered = 0;   // questions answered at least once
  int questions = 0;  // questions in the lesson
};

// Everything a projector view needs and nothing more.
struct PresenterView {
  std::string title;
  std::string text;                     // what the step says, large
  std::string progress;                 // "3 of 9"
  std::size_t step_number = 1;          // 1-based
  std::size_t step_count = 1;
  std::string question;                 // empty when the step has none
  std::vector<std::string> choice_labels;
  std::optional<Feedback> feedback;     // the last answer given in this step
  std::string revealed_answer;          // set when playing by itself (see auto_advance)
};

class LessonPlayer {
 public:
  // The lesson must have at least one step (load_lesson guarantees it).
  LessonPlayer(Lesson lesson, Locale locale);

  [[nodiscard]] const Lesson& lesson() const { return lesson_; }
  [[nodiscard]] const LessonStep& step() const { return lesson_.steps[index_]; }
  [[nodiscard]] std::size_t index() const { return index_; }
  [[nodiscard]] std::size_t count() const { return lesson_.steps.size(); }
  [[nodiscard]] bool at_end() const { return index_ + 1 == count(); }

  // false (and nothing changes) past either end.
  bool next();
  bool back();
  bool go_to(std::size_t index);
  // Restarts the current step's animation; the score and the given answer stay.
  void replay();
  // Increments each time a step (re)starts: the app restarts its timeline when it changes.
  [[nodiscard]] std::uint64_t step_generation() const { return generation_; }

  // Moves the step clock. With auto-advance on (a recorded or unattended lesson) the player
  // goes to the next step when the step's duration (or default_step_s) is over; the answer of
  // a question is revealed for the last 40 % of its step. Returns true if the step changed.
  bool advance(double dt);
  void set_auto_advance(bool on, double default_step_s = 12.0);
  [[nodiscard]] double step_time_s() const { return time_; }
  [[nodiscard]] double step_duration_s() const;

  // Answers the current step's question with a choice id (an area id, a direction, a
  // pressure, a choice key or a structure's mesh name). Error if the step has no question or
  // the choice is not one of its choices; a click-structure question takes any structure
  // clicked (not empty).
  Expected<Feedback> answer(std::string_view choice);
  [[nodiscard]] Score score() const;

  [[nodiscard]] PresenterView presenter() const;
  // Labels of the current question's choices, in order (empty without a question).
  [[nodiscard]] std::vector<std::string> choice_labels() const;

  // Hot reload: keeps the position (clamped) and the answers of steps that still exist.
  void set_lesson(Lesson lesson);
  void set_locale(Locale locale) { locale_ = std::move(locale); }

 private:
  void enter(std::size_t index);

  Lesson lesson_;
  Locale locale_;
  std::size_t index_ = 0;
  double time_ = 0.0;
  std::uint64_t generation_ = 0;
  bool auto_advance_ = false;
  double default_step_s_ = 12.0;
  std::vector<std::optional<bool>> first_answer_;  // per step
  std::optional<Feedback> last_feedback_;          // in the current step
};

}  // namespace effleura::lesson
