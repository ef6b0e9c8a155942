#include <doctest/doctest.h>

#include "lesson/lesson_player.hpp"

using namespace effleura;
using namespace effleura::lesson;

namespace {

Locale test_locale() {
  Locale l;
  l.set_identity("en", "English", "en.toml");
  for (const char* k : {"t.title", "t.audience", "t.s1", "t.s2", "t.s3", "t.q", "t.right", "t.wrong",
                        "t.c.a", "t.c.b", "area.calves", "area.popliteal", "area.feet"})
    l.put(k, {std::string("text of ") + k, {}, 1});
  l.put("t.claim", {"Walking lowers ankle pressure.", "Pollack & Wood 1949", 1});
  return l;
}

Lesson three_steps() {
  Lesson lesson;
  lesson.title = "t.title";
  lesson.audience = "t.audience";
  LessonStep s1;
  s1.areas = {"calves"};
  s1.say = "t.claim";
  s1.duration_s = 10.0;
  LessonStep s2;
  s2.areas = {"popliteal"};
  s2.say = "t.s2";
  s2.duration_s = 20.0;
  Question q;
  q.kind = QuestionKind::which_area;
  q.prompt = "t.q";
  q.choices = {"calves", "popliteal", "feet"};
  q.answer = "popliteal";
  q.right = "t.right";
  q.wrong = "t.wrong";
  s2.question = q;
  LessonStep s3;
  s3.technique = "effleurage";
  s3.say = "t.s3";
  Question q3 = q;
  q3.kind = QuestionKind::choice;
  q3.choices = {"t.c.a", "t.c.b"};
  q3.answer = "t.c.b";
  s3.question = q3;
  lesson.steps = {s1, s2, s3};
  return lesson;
}

}  // namespace

TEST_CASE("next and back move one step and stop at the ends") {
  LessonPlayer p(three_steps(), test_locale());
  CHECK(p.index() == 0);
  CHECK_FALSE(p.back());
  CHECK(p.next());
  CHECK(p.next());
  CHECK(p.at_end());
  CHECK_FALSE(p.next());
  CHECK(p.index() == 2);
  CHECK(p.back());
  CHECK(p.index() == 1);
  CHECK(p.go_to(0));
  CHECK_FALSE(p.go_to(3));
  CHECK(p.index() == 0);
}

TEST_CASE("replay restarts the step's clock and bumps the generation, staying on the step") {
  LessonPlayer p(three_steps(), test_locale());
  p.next();
  p.advance(7.0);
  const auto gen = p.step_generation();
  CHECK(p.step_time_s() == doctest::Approx(7.0));
  p.replay();
  CHECK(p.index() == 1);
  CHECK(p.step_time_s() == 0.0);
  CHECK(p.step_generation() == gen + 1);
}

TEST_CASE("answers give right/wrong feedback, only the first answer per question is scored") {
  LessonPlayer p(three_steps(), test_locale());
  auto none = p.answer("calves");
  REQUIRE_FALSE(none.has_value());  // step 1 asks nothing
  CHECK(none.error().message.find("no question") != std::string::npos);
  CHECK(p.score().questions == 2);
  CHECK(p.score().answered == 0);

  p.next();
  auto bad = p.answer("glutes");  // an area, but not one of the choices
  REQUIRE_FALSE(bad.has_value());
  CHECK(bad.error().message.find("calves, popliteal, feet") != std::string::npos);

  auto wrong = p.answer("calves");
  REQUIRE(wrong.has_value());
  CHECK_FALSE(wrong->correct);
  CHECK(wrong->counted);
  CHECK(wrong->text == "text of t.wrong");
  CHECK(wrong->answer_label == "text of area.popliteal");
  auto right = p.answer("popliteal");
  REQUIRE(right.has_value());
  CHECK(right->correct);
  CHECK_FALSE(right->counted);  // a second try teaches but does not score
  CHECK(right->text == "text of t.right");
  CHECK(p.score().correct == 0);
  CHECK(p.score().answered == 1);

  p.next();
  auto c = p.answer("t.c.b");
  REQUIRE(c.has_value());
  CHECK(c->correct);
  CHECK(p.score().correct == 1);
  CHECK(p.score().answered == 2);
  // Going back and replaying does not wipe the score.
  p.back();
  p.replay();
  CHECK(p.score().answered == 2);
}

TEST_CASE("presenter view: title, the step's text with its source, progress, question") {
  LessonPlayer p(three_steps(), test_locale());
  PresenterView v = p.presenter();
  CHECK(v.title == "text of t.title");
  CHECK(v.text == "Walking lowers ankle pressure. (Pollack & Wood 1949)");
  CHECK(v.progress == "1 of 3");
  CHECK(v.question.empty());
  p.next();
  v = p.presenter();
  CHECK(v.progress == "2 of 3");
  CHECK(v.question == "text of t.q");
  CHECK(v.choice_labels == std::vector<std::string>{"text of area.calves", "text of area.popliteal", "text of area.feet"});
  CHECK_FALSE(v.feedback.has_value());
  (void)p.answer("feet");
  v = p.presenter();
  REQUIRE(v.feedback.has_value());
  CHECK_FALSE(v.feedback->correct);
  CHECK(v.revealed_answer.empty());  // only a self-playing lesson reveals answers
  p.next();
  CHECK_FALSE(p.presenter().feedback.has_value());  // feedback belongs to its step
}

TEST_CASE("a self-playing lesson advances by step durations and reveals answers late in a step") {
  LessonPlayer p(three_steps(), test_locale());
  CHECK_FALSE(p.advance(30.0));  // manual by default: the instructor moves on
  CHECK(p.index() == 0);
  p.go_to(0);
  p.set_auto_advance(true, 12.0);
  int changes = 0;
  std::vector<bool> revealed_at;
  for (int i = 0; i < 500; ++i) {  // 50 s at 10 fps
    if (p.index() == 1) revealed_at.push_back(!p.presenter().revealed_answer.empty());
    if (p.advance(0.1)) ++changes;
  }
  // 10 s + 20 s, then the last step (12 s by default) stays: the lesson ends there.
  CHECK(changes == 2);
  CHECK(p.index() == 2);
  REQUIRE(revealed_at.size() >= 199);
  CHECK_FALSE(revealed_at[50]);   // 5 s into a 20 s step
  CHECK(revealed_at[150]);        // 15 s into it (past 60 %)
  CHECK(p.presenter().revealed_answer == "text of t.c.b");
}

TEST_CASE("set_lesson keeps the position within the new lesson") {
  LessonPlayer p(three_steps(), test_locale());
  p.go_to(2);
  Lesson shorter = three_steps();
  shorter.steps.resize(2);
  p.set_lesson(shorter);
  CHECK(p.index() == 1);
  CHECK(p.count() == 2);
}

TEST_CASE("a lesson's self-playing length counts the default for steps without a duration") {
  const Lesson l = three_steps();  // 10 s + 20 s + (no duration)
  CHECK(l.total_duration_s(12.0) == doctest::Approx(42.0));
  CHECK(l.total_duration_s(5.0) == doctest::Approx(35.0));
}
