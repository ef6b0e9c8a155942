#include <doctest/doctest.h>

#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <set>

#include "lesson/lesson.hpp"
#include "lesson/lesson_player.hpp"
#include "lesson_test_support.hpp"

using namespace effleura;
using namespace effleura::lesson;

namespace {

Locale english() {
  auto en = load_locale(lesson_test::content("locales/en.toml"));
  REQUIRE_MESSAGE(en.has_value(), en.error().describe());
  return *en;
}

// A valid one-step lesson to which each malformed case appends or changes one thing.
const char* kLessonHead =
    "title = \"t.title\"\n"              // 1
    "audience = \"t.audience\"\n"        // 2
    "[[step]]\n"                         // 3
    "areas = [\"popliteal\"]\n"          // 4
    "say = \"t.say\"\n";                 // 5

Expected<Lesson> load(const std::string& extra) {
  return load_lesson_string(std::string(kLessonHead) + extra, "l.toml", lesson_test::technique_ids());
}

}  // namespace

TEST_CASE("both shipped lessons load against the English texts") {
  const Locale en = english();
  auto lessons = load_lessons(lesson_test::content("lessons"), lesson_test::technique_ids(), &en);
  REQUIRE_MESSAGE(lessons.has_value(), lessons.error().describe());
  REQUIRE(lessons->size() >= 2);
  std::set<std::string> ids;
  for (const auto& l : *lessons) {
    ids.insert(l.id);
    CHECK(en.missing(l.text_keys()).empty());
    if (l.id != "self-test") CHECK(l.steps.size() >= 8);  // the self-test is ten quick questions
    // Each step shows something: a technique, areas, a structure, or the leg to click on.
    for (const auto& s : l.steps)
      CHECK((!s.technique.empty() || !s.areas.empty() || !s.structure.empty() ||
             (s.question && s.question->kind == QuestionKind::click_structure)));
  }
  CHECK(ids.count("circulation") == 1);
  CHECK(ids.count("full-leg-routine") == 1);
}

TEST_CASE("the circulation lesson covers valves, the calf pump, massage's modest effect and DVT") {
  const Locale en = english();
  auto l = load_lesson(lesson_test::content("lessons/circulation.toml"), lesson_test::technique_ids(), &en);
  REQUIRE_MESSAGE(l.has_value(), l.error().describe());
  std::string all;
  for (const auto& s : l->steps) all += en.text_with_source(s.say) + "\n";
  for (const char* needle : {"valve", "calf", "Pollack & Wood 1949", "Shoemaker 1997", "Hinds 2004",
                             "deep-vein thrombosis", "clinician"})
    CHECK_MESSAGE(all.find(needle) != std::string::npos, needle);
  int questions = 0;
  for (const auto& s : l->steps) questions += s.question ? 1 : 0;
  CHECK(questions >= 3);
}

TEST_CASE("the routine starts and ends with effleurage, with deeper work between") {
  const Locale en = english();
  auto l = load_lesson(lesson_test::content("lessons/full-leg-routine.toml"), lesson_test::technique_ids(), &en);
  REQUIRE_MESSAGE(l.has_value(), l.error().describe());
  std::vector<std::string> order;
  for (const auto& s : l->steps)
    if (!s.technique.empty()) order.push_back(s.technique);
  REQUIRE(order.size() >= 5);
  CHECK(order.front() == "effleurage");
  CHECK(order.back() == "effleurage");
  for (const char* deep : {"petrissage", "friction", "compression", "calf-squeezes"})
    CHECK(std::find(order.begin(), order.end(), deep) != order.end());
  // The popliteal precaution is asked as a pressure question whose answer is light.
  bool light_behind_knee = false;
  for (const auto& s : l->steps)
    if (s.question && s.question->kind == QuestionKind::pressure && s.areas == std::vector<std::string>{"popliteal"})
      light_behind_knee = s.question->answer == "light";
  CHECK(light_behind_knee);
  // Played through with a player, answering everything right gives a full score.
  LessonPlayer player(*l, en);
  do {
    if (player.step().question) REQUIRE(player.answer(player.step().question->answer)->correct);
  } while (player.next());
  CHECK(player.score().correct == player.score().questions);
}

TEST_CASE("question choices default to the kind's full set and labels come from the locale") {
  auto l = load("[step.question]\nkind = \"direction\"\nprompt = \"q\"\nanswer = \"toward-heart\"\nright = \"r\"\nwrong = \"w\"\n");
  REQUIRE_MESSAGE(l.has_value(), l.error().describe());
  const Question& q = *l->steps[0].question;
  CHECK(q.choices == std::vector<std::string>{"toward-heart", "away-from-heart", "circular", "across-fibres"});
  CHECK(choice_label_key(q, "circular") == "direction.circular");
}

TEST_CASE("malformed lessons give their specific error, line and key") {
  struct Case {
    const char* name;
    std::string extra;
    int line;
    const char* key;
    const char* says;
  };
  const std::string q = "[step.question]\nprompt = \"q\"\nright = \"r\"\nwrong = \"w\"\n";  // lines 6-9
  const std::vector<Case> cases{
      {"answer not among the choices", q + "kind = \"choice\"\nchoices = [\"a\", \"b\"]\nanswer = \"c\"\n", 12, "step[0].question.answer", "not among the choices"},
      {"which-area answer not lit", q + "kind = \"which-area\"\nanswer = \"calves\"\n", 11, "step[0].question.answer", "not lit in this step"},
      {"unknown question kind", q + "kind = \"essay\"\n", 10, "step[0].question.kind", "which-area, direction, pressure, choice"},
      {"bad pressure choice", q + "kind = \"pressure\"\nchoices = [\"light\", \"gentle\"]\nanswer = \"light\"\n", 11, "step[0].question.choices", "light, medium, firm"},
      {"choice question without choices", q + "kind = \"choice\"\nanswer = \"a\"\n", 6, "step[0].question.choices", "needs choices"},
      {"unknown view", "view = \"side\"\n", 6, "step[0].view", "front, back, lateral, medial, top"},
      {"unknown technique", "technique = \"kneading\"\n", 6, "step[0].technique", "effleurage, petrissage"},
      {"unknown area", "[[step]]\nareas = [\"knee\"]\nsay = \"s\"\n", 7, "step[1].areas", "popliteal"},
      {"typo in a step", "duraton_s = 5\n", 6, "step[0].duraton_s", "unknown key"},
      {"practice not true or false", "technique = \"effleurage\"\npractice = \"yes\"\n", 7, "step[0].practice", "expected true or false"},
      {"practice without a technique", "practice = true\n", 6, "step[0].practice", "needs the step's technique"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.name);
    auto l = load(c.extra);
    REQUIRE_FALSE(l.has_value());
    CHECK(l.error().file == "l.toml");
    CHECK(l.error().line == c.line);
    CHECK(l.error().key == c.key);
    CHECK_MESSAGE(l.error().message.find(c.says) != std::string::npos, l.error().message);
  }
}

TEST_CASE("practice = true on a step with a technique lets the class practise it, and only on that step") {
  auto l = load("technique = \"effleurage\"\npractice = true\n[[step]]\ntechnique = \"effleurage\"\nsay = \"s\"\n");
  REQUIRE_MESSAGE(l.has_value(), l.error().describe());
  REQUIRE(l->steps.size() == 2);
  CHECK(l->steps[0].practice);
  CHECK_FALSE(l->steps[1].practice);
}

TEST_CASE("a step with neither technique nor area, and a lesson with no steps, are refused") {
  auto neither = load_lesson_string("title = \"t\"\naudience = \"a\"\n[[step]]\nsay = \"s\"\nview = \"back\"\n", "l.toml",
                                    lesson_test::technique_ids());
  REQUIRE_FALSE(neither.has_value());
  CHECK(neither.error().message.find("needs a technique, areas, a structure") != std::string::npos);
  auto empty = load_lesson_string("title = \"t\"\naudience = \"a\"\n", "l.toml", lesson_test::technique_ids());
  REQUIRE_FALSE(empty.has_value());
  CHECK(empty.error().key == "step");
}

TEST_CASE("with a locale, a text key it lacks is an error at that key") {
  Locale en;
  en.set_identity("en", "English", "en.toml");
  for (const char* k : {"t.title", "t.audience"}) en.put(k, {"x", {}, 1});
  auto l = load_lesson_string(kLessonHead, "l.toml", lesson_test::technique_ids(), &en);
  REQUIRE_FALSE(l.has_value());
  CHECK(l.error().line == 5);
  CHECK(l.error().key == "step[0].say");
  CHECK(l.error().message.find("t.say") != std::string::npos);
}

TEST_CASE("reload_lesson keeps the last good lesson when the file is broken") {
  const auto file = std::filesystem::temp_directory_path() / ("effleura-lesson-" + std::to_string(::getpid()) + ".toml");
  { std::ofstream(file) << kLessonHead; }
  Lesson current;
  REQUIRE(reload_lesson(file, lesson_test::technique_ids(), nullptr, current).has_value());
  CHECK(current.steps.size() == 1);
  { std::ofstream(file) << kLessonHead << "view = \"sideways\"\n"; }
  auto r = reload_lesson(file, lesson_test::technique_ids(), nullptr, current);
  REQUIRE_FALSE(r.has_value());
  CHECK(r.error().line == 6);
  CHECK(current.steps.size() == 1);
  CHECK(current.steps[0].view == "front");
  std::filesystem::remove(file);
}

TEST_CASE("a step's posture is read, and an unknown one is refused at its line") {
  auto prone = load("posture = \"prone\"\n");
  REQUIRE_MESSAGE(prone.has_value(), prone.error().describe());
  CHECK(prone->steps[0].posture == "prone");
  auto none = load("");
  REQUIRE(none.has_value());
  CHECK(none->steps[0].posture.empty());  // lying, as before the key
  auto kneeling = load("posture = \"kneeling\"\n");
  REQUIRE_FALSE(kneeling.has_value());
  CHECK(kneeling.error().line == 6);
  CHECK(kneeling.error().key == "step[0].posture");
  CHECK(kneeling.error().message.find("'kneeling'") != std::string::npos);
  CHECK(kneeling.error().message.find("supine, prone, sitting, standing, walking, raised") != std::string::npos);
}
