// The self-test's questions about structures (issue 16 item 4: "click the soleus", "name this
// muscle"): how a lesson writes them, what the loader refuses (with the line and key), and how
// the player scores a click, which may land on any structure of the leg.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "lesson/lesson.hpp"
#include "lesson/lesson_player.hpp"
#include "lesson_test_support.hpp"

using namespace effleura;
using namespace effleura::lesson;

namespace {

const char* kHead =
    "title = \"t.title\"\n"      // 1
    "audience = \"t.audience\"\n"  // 2
    "[[step]]\n";                // 3

Expected<Lesson> load(const std::string& step) {
  return load_lesson_string(std::string(kHead) + step, "l.toml", lesson_test::technique_ids());
}

// "Name this muscle": the soleus lit, four names.
const char* kName =
    "structure = \"muscle.soleus\"\n"   // 4
    "say = \"t.say\"\n"                 // 5
    "[step.question]\n"                 // 6
    "kind = \"name-structure\"\n"       // 7
    "prompt = \"t.q\"\n"                // 8
    "choices = [\"muscle.gastrocnemius-medial\", \"muscle.soleus\", \"muscle.tibialis-anterior\", \"muscle.fibularis-longus\"]\n"  // 9
    "answer = \"muscle.soleus\"\n"      // 10
    "right = \"t.right\"\n"
    "wrong = \"t.wrong\"\n";

// "Click the soleus": nothing lit, no choices.
const char* kClick =
    "say = \"t.say\"\n"                 // 4
    "[step.question]\n"                 // 5
    "kind = \"click-structure\"\n"      // 6
    "prompt = \"t.q\"\n"                // 7
    "answer = \"muscle.soleus\"\n"      // 8
    "right = \"t.right\"\n"
    "wrong = \"t.wrong\"\n";

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

void refused(const Expected<Lesson>& l, int line, const std::string& key, const std::string& words) {
  REQUIRE_FALSE(l.has_value());
  CAPTURE(l.error().describe());
  CHECK(l.error().line == line);
  CHECK(l.error().key.find(key) != std::string::npos);
  CHECK(l.error().message.find(words) != std::string::npos);
}

Locale locale() {
  Locale l;
  l.set_identity("en", "English", "en.toml");
  for (const char* k : {"t.title", "t.audience", "t.say", "t.q", "t.right", "t.wrong"}) l.put(k, {k, {}, 1});
  l.put("structure.muscle.soleus", {"Soleus", {}, 1});
  l.put("structure.muscle.gastrocnemius-medial", {"Gastrocnemius, medial head", {}, 1});
  l.put("structure.muscle.tibialis-anterior", {"Tibialis anterior", {}, 1});
  l.put("structure.muscle.fibularis-longus", {"Fibularis longus", {}, 1});
  return l;
}

}  // namespace

TEST_CASE("a name-structure question lights its structure and labels its choices by the structures' names") {
  auto l = load(kName);
  REQUIRE_MESSAGE(l.has_value(), l.error().describe());
  const LessonStep& s = l->steps.front();
  CHECK(s.structure == "muscle.soleus");
  REQUIRE(s.question.has_value());
  CHECK(s.question->kind == QuestionKind::name_structure);
  CHECK(asks_structure(s.question->kind));
  CHECK(s.question->choices.size() == 4);
  CHECK(choice_label_key(*s.question, "muscle.soleus") == "structure.muscle.soleus");
  const Locale en = locale();
  LessonPlayer p(*l, en);
  CHECK(p.choice_labels() == std::vector<std::string>{"Gastrocnemius, medial head", "Soleus", "Tibialis anterior", "Fibularis longus"});
  // A locale without a choice's name refuses the lesson at its choices.
  Locale without;
  without.set_identity("en", "English", "en.toml");
  for (const auto& [key, entry] : en.entries())
    if (key != "structure.muscle.fibularis-longus") without.put(key, entry);
  auto missing = load_lesson_string(std::string(kHead) + kName, "l.toml", lesson_test::technique_ids(), &without);
  refused(missing, 9, "choices", "structure.muscle.fibularis-longus");
}

TEST_CASE("a name-structure question asks for the structure its step lights, from choices it lists") {
  refused(load(replaced(kName, "answer = \"muscle.soleus\"", "answer = \"muscle.tibialis-anterior\"")), 10, "answer",
          "not the structure this step lights");
  refused(load(replaced(kName, "structure = \"muscle.soleus\"\n", "areas = [\"calves\"]\n")), 10, "answer", "(none)");
  auto no_choices = load(replaced(kName,
                                  "choices = [\"muscle.gastrocnemius-medial\", \"muscle.soleus\", \"muscle.tibialis-anterior\", "
                                  "\"muscle.fibularis-longus\"]\n",
                                  ""));
  refused(no_choices, 6, "choices", "needs choices");
  refused(load(replaced(kName, "structure = \"muscle.soleus\"", "structure = \"\"")), 4, "structure", "expected a structure");
}

TEST_CASE("a click-structure step lights nothing and takes no choices: a click on the leg answers") {
  auto l = load(kClick);
  REQUIRE_MESSAGE(l.has_value(), l.error().describe());
  const LessonStep& s = l->steps.front();
  CHECK(s.technique.empty());
  CHECK(s.areas.empty());
  CHECK(s.structure.empty());
  REQUIRE(s.question.has_value());
  CHECK(s.question->kind == QuestionKind::click_structure);
  CHECK(s.question->choices.empty());
  // The answer's name is one of the texts the lesson needs (--check-locales, the loader).
  const auto keys = l->text_keys();
  CHECK(std::find(keys.begin(), keys.end(), "structure.muscle.soleus") != keys.end());
  // The glow of a lit structure, or buttons, would show or list the answer.
  refused(load(std::string("structure = \"muscle.soleus\"\n") + kClick), 9, "answer", "would show where to click");
  refused(load(replaced(kClick, "answer = ", "choices = [\"muscle.soleus\", \"muscle.tibialis-anterior\"]\nanswer = ")), 8,
          "choices", "expected no choices");
  // Any other step still needs something to show.
  refused(load("say = \"t.say\"\n"), 3, "technique", "needs a technique, areas, a structure");
}

TEST_CASE("a click answers with whatever structure it lands on: the first counts, a wrong one says what was clicked") {
  auto l = load(kClick);
  REQUIRE_MESSAGE(l.has_value(), l.error().describe());
  LessonPlayer p(*l, locale());
  CHECK(p.choice_labels().empty());  // no buttons
  CHECK_FALSE(p.answer("").has_value());
  auto wrong = p.answer("muscle.gastrocnemius-medial");
  REQUIRE(wrong.has_value());
  CHECK_FALSE(wrong->correct);
  CHECK(wrong->counted);
  CHECK(wrong->chosen_label == "Gastrocnemius, medial head");
  CHECK(wrong->answer_label == "Soleus");
  // A structure the locale does not name (a vein clicked) is still an answer, without a name.
  auto vein = p.answer("vein.popliteal");
  REQUIRE(vein.has_value());
  CHECK(vein->chosen_label.empty());
  auto right = p.answer("muscle.soleus");
  REQUIRE(right.has_value());
  CHECK(right->correct);
  CHECK_FALSE(right->counted);
  CHECK(right->chosen_label.empty());
  CHECK(p.score().questions == 1);
  CHECK(p.score().correct == 0);  // the first click was wrong
}
