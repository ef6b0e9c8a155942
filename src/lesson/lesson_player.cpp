#include "lesson/lesson_player.hpp"

#include <algorithm>
#include <cmath>

namespace effleura::lesson {

LessonPlayer::LessonPlayer(Lesson lesson, Locale locale)
    : lesson_(std::move(lesson)), locale_(std::move(locale)) {
  if (lesson_.steps.empty()) {
    LessonStep placeholder;
    placeholder.say = lesson_.title;
    lesson_.steps.push_back(placeholder);
  }
  first_answer_.assign(lesson_.steps.size(), std::nullopt);
}

void LessonPlayer::enter(std::size_t index) {
  index_ = index;
  time_ = 0.0;
  ++generation_;
  last_feedback_.reset();
}

bool LessonPlayer::next() {
  if (index_ + 1 >= count()) return false;
  enter(index_ + 1);
  return true;
}

bool LessonPlayer::back() {
  if (index_ == 0) return false;
  enter(index_ - 1);
  return true;
}

bool LessonPlayer::go_to(std::size_t index) {
  if (index >= count()) return false;
  enter(index);
  return true;
}

void LessonPlayer::replay() {
  time_ = 0.0;
  ++generation_;
}

void LessonPlayer::set_auto_advance(bool on, double default_step_s) {
  auto_advance_ = on;
  if (default_step_s > 0.0) default_step_s_ = default_step_s;
}

double LessonPlayer::step_duration_s() const { return step().duration_s.value_or(default_step_s_); }

bool LessonPlayer::advance(double dt) {
  if (!std::isfinite(dt) || dt <= 0.0) return false;
  time_ += dt;
  if (!auto_advance_ || time_ < step_duration_s() || at_end()) return false;
  const double over = time_ - step_duration_s();
  next();
  time_ = std::min(over, step_duration_s());
  return true;
}

Expected<Feedback> LessonPlayer::answer(std::string_view choice) {
  if (!step().question)
    return fail("step " + std::to_string(index_ + 1) + " has no question", lesson_.file, step().line);
  const Question& q = *step().question;
  // A click answers with whatever structure is under it (the app passes its mesh name).
  const bool clicked = q.kind == QuestionKind::click_structure;
  if (clicked && choice.empty())
    return fail("step " + std::to_string(index_ + 1) + ": a click-structure question needs the structure clicked", lesson_.file, q.line);
  if (!clicked && std::find(q.choices.begin(), q.choices.end(), choice) == q.choices.end())
    return fail("'" + std::string(choice) + "' is not one of this question's choices: " + join(q.choices),
                lesson_.file, q.line);
  Feedback f;
  f.correct = choice == q.answer;
  f.text = locale_.text(f.correct ? q.right : q.wrong);
  f.answer_label = locale_.text(choice_label_key(q, q.answer));
  if (clicked && !f.correct) {
    const std::string chosen = choice_label_key(q, std::string(choice));
    if (locale_.has(chosen)) f.chosen_label = locale_.text(chosen);
  }
  f.counted = !first_answer_[index_].has_value();
  if (f.counted) first_answer_[index_] = f.correct;
  last_feedback_ = f;
  return f;
}

Score LessonPlayer::score() const {
  Score s;
  for (std::size_t i = 0; i < lesson_.steps.size(); ++i) {
    if (!lesson_.steps[i].question) continue;
    ++s.questions;
    if (!first_answer_[i]) continue;
    ++s.answered;
    if (*first_answer_[i]) ++s.correct;
  }
  return s;
}

std::vector<std::string> LessonPlayer::choice_labels() const {
  std::vector<std::string> out;
  if (!step().question) return out;
  for (const auto& c : step().question->choices) out.push_back(locale_.text(choice_label_key(*step().question, c)));
  return out;
}

PresenterView LessonPlayer::presenter() const {
  PresenterView v;
  v.title = locale_.text(lesson_.title);
  v.text = locale_.text_with_source(step().say);
  v.step_number = index_ + 1;
  v.step_count = count();
  // "3 of 9", worded by the locale ("{step} of {count}") so other languages can reorder it.
  std::string pattern = locale_.has("lesson.progress") ? locale_.text("lesson.progress") : "{step} of {count}";
  auto fill = [&pattern](std::string_view field, const std::string& value) {
    if (auto at = pattern.find(field); at != std::string::npos) pattern.replace(at, field.size(), value);
  };
  fill("{step}", std::to_string(v.step_number));
  fill("{count}", std::to_string(v.step_count));
  v.progress = pattern;
  if (step().question) {
    const Question& q = *step().question;
    v.question = locale_.text(q.prompt);
    v.choice_labels = choice_labels();
    v.feedback = last_feedback_;
    if (auto_advance_ && time_ >= 0.6 * step_duration_s())
      v.revealed_answer = locale_.text(choice_label_key(q, q.answer));
  }
  return v;
}

void LessonPlayer::set_lesson(Lesson lesson) {
  if (lesson.steps.empty()) return;
  lesson_ = std::move(lesson);
  first_answer_.resize(lesson_.steps.size());
  // An answer only stays if its step still asks a question.
  for (std::size_t i = 0; i < lesson_.steps.size(); ++i)
    if (!lesson_.steps[i].question) first_answer_[i].reset();
  if (index_ >= count()) enter(count() - 1);
}

}  // namespace effleura::lesson
