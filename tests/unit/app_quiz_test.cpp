// Lesson questions test the student rather than give the answer away: at least twenty across
// the shipped lessons; no question's answer stands in its own step's text or prompt; and while a
// which-area question waits for its answer, the labels, ticked boxes, notes and hover text that
// would name the lit area are hidden, and come back once it is answered (for a question about a
// structure, the labels and hover text).
#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>
#include <map>

#include "app/panels.hpp"
#include "ui/presenter_panel.hpp"
#include "lesson/lesson.hpp"
#include "lesson/lesson_player.hpp"
#include "lesson_test_support.hpp"

using namespace effleura;

namespace {

lesson::Locale english() {
  auto en = lesson::load_locale(lesson_test::content("locales/en.toml"));
  REQUIRE_MESSAGE(en.has_value(), en.error().describe());
  return *en;
}

std::vector<lesson::Lesson> shipped(const lesson::Locale& en) {
  auto lessons = lesson::load_lessons(lesson_test::content("lessons"), lesson_test::technique_ids(), &en);
  REQUIRE_MESSAGE(lessons.has_value(), lessons.error().describe());
  return *lessons;
}

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

// Words that give an answer away besides its own label (a label alone misses "up the leg").
const std::map<std::string, std::vector<std::string>> kGiveaways = {
    {"toward-heart", {"toward the heart", "up the leg", "ankle up", "toward the thigh", "slide up"}},
    {"circular", {"circle"}},
    {"across-fibres", {"across the"}},
    {"light", {"light"}},
    {"popliteal", {"behind the knee", "hollow of the knee", "popliteal"}},
    {"calves", {"on the calf", "the calves"}},
};

}  // namespace

TEST_CASE("the two teaching lessons ask at least twenty questions and the self-test asks areas, muscles' names and clicks") {
  const lesson::Locale en = english();
  int questions = 0;
  std::map<lesson::QuestionKind, int> self_test;
  for (const auto& l : shipped(en))
    for (const auto& step : l.steps) {
      if (!step.question) continue;
      if (l.id == "self-test") ++self_test[step.question->kind];
      else ++questions;
    }
  CHECK(questions >= 20);
  CHECK(self_test[lesson::QuestionKind::which_area] == 5);
  CHECK(self_test[lesson::QuestionKind::name_structure] >= 3);
  CHECK(self_test[lesson::QuestionKind::click_structure] >= 2);
}

TEST_CASE("no question's answer stands in its step's text or its prompt") {
  const lesson::Locale en = english();
  for (const auto& l : shipped(en))
    for (const auto& step : l.steps) {
      if (!step.question) continue;
      const lesson::Question& q = *step.question;
      // "Click the soleus" names what to find; the answer is where it is. Its step's text must not say.
      const bool click = q.kind == lesson::QuestionKind::click_structure;
      const std::string shown = lower(en.text(step.say) + " " + (click ? std::string() : en.text(q.prompt)));
      std::vector<std::string> giveaways = {lower(en.text(lesson::choice_label_key(q, q.answer)))};
      if (auto g = kGiveaways.find(q.answer); g != kGiveaways.end())
        giveaways.insert(giveaways.end(), g->second.begin(), g->second.end());
      for (const auto& words : giveaways) {
        CAPTURE(step.say);
        CAPTURE(words);
        CHECK(shown.find(words) == std::string::npos);
      }
    }
}

TEST_CASE("a which-area or structure question hides the labels, ticks, notes and atlas tools that name the answer until answered") {
  const lesson::Locale en = english();
  int asked = 0;
  for (const auto& l : shipped(en)) {
    lesson::LessonPlayer player(l, en);
    app::PanelState panels;
    for (std::size_t i = 0; i < l.steps.size(); ++i, player.next()) {
      REQUIRE(player.index() == i);
      panels.focus_area = 2;  // notes the student opened in the step before
      app::follow_lesson(&player, panels);
      CHECK(panels.focus_area == -1);  // a new step: the View panel's notes are not stale
      const auto& q = player.step().question;
      const bool which_area = q && q->kind == lesson::QuestionKind::which_area;
      if (!q || (!which_area && !lesson::asks_structure(q->kind))) {
        CHECK_FALSE(panels.hide_areas);
        CHECK_FALSE(panels.hide_names);
        // The atlas tools are there in a lesson, except while a question waits (a search or
        // a card would name the answer).
        CHECK(app::main_view(app::State{}, panels).show_atlas == !q);
        continue;
      }
      ++asked;
      ui::Overlay overlay;
      overlay.labels.push_back({{100.0f, 100.0f}, ui::area_label(2), false});
      overlay.hover = "Behind the knee - popliteal vein";
      CHECK(panels.hide_names);
      CHECK(panels.hide_areas == which_area);  // the area boxes name areas only
      app::hide_answer(panels, overlay);
      CHECK(overlay.labels.empty());
      CHECK(overlay.hover.empty());
      // The View panel's view carries the flag that replaces its area boxes and notes.
      const app::State state;
      CHECK(app::main_view(state, panels).hide_areas == which_area);
      CHECK_FALSE(app::main_view(state, panels).show_atlas);
      REQUIRE(player.answer(q->choices.empty() ? "muscle.gracilis" : q->choices.front()).has_value());  // a click has no choices
      app::follow_lesson(&player, panels);
      CHECK_FALSE(panels.hide_areas);  // answered: the labels come back
      CHECK_FALSE(panels.hide_names);
      CHECK(app::main_view(state, panels).show_atlas);  // and the atlas tools
    }
  }
  CHECK(asked >= 13);  // three which-area questions in the teaching lessons; the self-test's five areas and five structures
}

TEST_CASE("feedback shows one verdict: never 'Right. Right: ...'") {
  const lesson::Locale en = english();
  for (const auto& l : shipped(en))
    for (const auto& step : l.steps) {
      if (!step.question) continue;
      for (const bool correct : {true, false}) {
        lesson::Feedback f;
        f.correct = correct;
        f.text = en.text(correct ? step.question->right : step.question->wrong);
        const std::string line = ui::feedback_line(f);
        CAPTURE(line);
        CHECK(line.find(f.text) != std::string::npos);
        for (const char* twice : {"Right. Right", "Not quite. Not quite", "Not quite. No", "Right. Correct"})
          CHECK(line.find(twice) == std::string::npos);
      }
    }
  lesson::Feedback plain;
  plain.correct = true;
  plain.text = "the calf.";
  CHECK(ui::feedback_line(plain) == "Right. the calf.");  // a text without a verdict gets one
}
