#include "lesson/lesson.hpp"

#include <algorithm>

#include "anatomy/areas.hpp"
#include "anatomy/client_pose.hpp"
#include "core/files.hpp"
#include "core/toml_reader.hpp"
#include "lesson/content_fields.hpp"

namespace effleura::lesson {
namespace {

template <class T>
std::unexpected<Error> err(const Expected<T>& e) {
  return std::unexpected(e.error());
}

const std::vector<std::string> kKindNames{"which-area", "direction", "pressure", "choice", "name-structure", "click-structure"};

// "Click the soleus": answered by a click on the leg, so no choices; the answer is a structure
// (its name from the locale), and the step lights none (the glow would show where to click).
Expected<Question> read_click_answer(const TomlTable& t, const LessonStep& step, const Locale* locale, Question q) {
  if (t.has("choices"))
    return std::unexpected(t.error_at("choices", "a \"click-structure\" question is answered by a click on the leg; expected no choices"));
  if (!step.structure.empty())
    return std::unexpected(t.error_at("answer", "the step lights structure = \"" + step.structure +
                                                    "\", which would show where to click; expected no structure in a click-structure step"));
  auto answer = t.string("answer");
  if (!answer) return err(answer);
  q.answer = *answer;
  const std::string label = choice_label_key(q, q.answer);
  if (locale && !locale->has(label))
    return std::unexpected(t.error_at("answer", "no text for '" + label + "' in locale '" + locale->id() + "'"));
  return q;
}

Expected<Question> read_question(const TomlTable& t, const LessonStep& step, const Locale* locale) {
  if (auto ok = t.only_keys({"kind", "prompt", "choices", "answer", "right", "wrong"}); !ok)
    return std::unexpected(ok.error());
  Question q;
  q.line = static_cast<int>(t.raw().source().begin.line);
  auto kind = t.one_of("kind", kKindNames);
  if (!kind) return err(kind);
  q.kind = static_cast<QuestionKind>(std::find(kKindNames.begin(), kKindNames.end(), *kind) - kKindNames.begin());
  auto prompt = detail::read_text_key(t, "prompt", locale);
  if (!prompt) return err(prompt);
  q.prompt = *prompt;
  auto right = detail::read_text_key(t, "right", locale);
  if (!right) return err(right);
  q.right = *right;
  auto wrong = detail::read_text_key(t, "wrong", locale);
  if (!wrong) return err(wrong);
  q.wrong = *wrong;

  // Each kind has a closed set of possible choices; "choices" may narrow it.
  std::vector<std::string> allowed;
  switch (q.kind) {
    case QuestionKind::which_area: allowed = to_strings(anatomy::kAreaIds); break;
    case QuestionKind::direction: allowed = to_strings(kDirections); break;
    case QuestionKind::pressure: allowed = to_strings(kPressures); break;
    case QuestionKind::choice:
    case QuestionKind::name_structure:
    case QuestionKind::click_structure: break;
  }
  if (q.kind == QuestionKind::click_structure) return read_click_answer(t, step, locale, std::move(q));
  if (t.has("choices")) {
    auto choices = t.strings("choices");
    if (!choices) return err(choices);
    q.choices = *choices;
  } else if (q.kind == QuestionKind::choice) {
    return std::unexpected(t.error_at("choices", "missing; a \"choice\" question needs choices = [\"key.a\", \"key.b\", ...] (locale keys)"));
  } else if (q.kind == QuestionKind::name_structure) {
    return std::unexpected(t.error_at("choices", "missing; a \"name-structure\" question needs choices = [\"muscle.soleus\", \"muscle.tibialis-anterior\", ...] (the leg's structures)"));
  } else {
    q.choices = allowed;
  }
  if (q.choices.size() < 2)
    return std::unexpected(t.error_at("choices", "expected at least two choices"));
  for (std::size_t i = 0; i < q.choices.size(); ++i) {
    const auto& c = q.choices[i];
    if (!allowed.empty() && std::find(allowed.begin(), allowed.end(), c) == allowed.end())
      return std::unexpected(t.error_at("choices", "'" + c + "' is not a possible answer to a " + *kind +
                                                       " question; expected some of: " + join(allowed)));
    if (std::find(q.choices.begin(), q.choices.begin() + static_cast<std::ptrdiff_t>(i), c) !=
        q.choices.begin() + static_cast<std::ptrdiff_t>(i))
      return std::unexpected(t.error_at("choices", "'" + c + "' is listed twice"));
    const std::string label = choice_label_key(q, c);
    if (locale && !locale->has(label))
      return std::unexpected(t.error_at("choices", "no text for '" + label + "' in locale '" + locale->id() + "'"));
  }
  auto answer = t.string("answer");
  if (!answer) return err(answer);
  if (std::find(q.choices.begin(), q.choices.end(), *answer) == q.choices.end())
    return std::unexpected(t.error_at("answer", "'" + *answer + "' is not among the choices; expected one of: " +
                                                    join(q.choices)));
  q.answer = *answer;
  // "Which area is lit?" only makes sense if the answer is an area the step lights.
  if (q.kind == QuestionKind::which_area &&
      std::find(step.areas.begin(), step.areas.end(), q.answer) == step.areas.end())
    return std::unexpected(t.error_at("answer", "'" + q.answer + "' is not lit in this step; the step's areas are: " +
                                                    (step.areas.empty() ? std::string("(none)") : join(step.areas))));
  // "Name this muscle" asks for the structure the step lights (its glow is the question).
  if (q.kind == QuestionKind::name_structure && q.answer != step.structure)
    return std::unexpected(t.error_at("answer", "'" + q.answer + "' is not the structure this step lights; expected the step's structure = \"" +
                                                    (step.structure.empty() ? std::string("(none)") : step.structure) + "\""));
  return q;
}

Expected<LessonStep> read_step(const TomlTable& t, const std::vector<std::string>& technique_ids,
                               const Locale* locale) {
  if (auto ok = t.only_keys({"technique", "areas", "structure", "view", "posture", "layers", "skin_opacity", "say",
                             "duration_s", "question", "practice"});
      !ok)
    return std::unexpected(ok.error());
  LessonStep s;
  s.line = static_cast<int>(t.raw().source().begin.line);
  auto staging = detail::read_staging(t, technique_ids, false);
  if (!staging) return err(staging);
  s.technique = staging->technique;
  s.areas = staging->areas;
  s.layers = staging->layers;
  s.skin_opacity = staging->skin_opacity;
  if (t.has("structure")) {
    auto structure = t.string("structure");
    if (!structure) return err(structure);
    if (structure->empty()) return std::unexpected(t.error_at("structure", "expected a structure of the leg, such as \"muscle.soleus\""));
    s.structure = *structure;
  }
  if (t.has("view")) {
    auto view = detail::read_view(t, "view");
    if (!view) return err(view);
    s.view = *view;
  }
  if (t.has("posture")) {
    // The client's postures, as --posture names them (anatomy/client_pose.hpp).
    std::vector<std::string> postures;
    for (auto p : {anatomy::ClientPosture::supine, anatomy::ClientPosture::prone, anatomy::ClientPosture::sitting,
                   anatomy::ClientPosture::standing, anatomy::ClientPosture::walking, anatomy::ClientPosture::raised})
      postures.emplace_back(anatomy::client_posture_name(p));
    auto posture = t.one_of("posture", postures);
    if (!posture) return err(posture);
    s.posture = *posture;
  }
  auto say = detail::read_text_key(t, "say", locale);
  if (!say) return err(say);
  s.say = *say;
  if (t.has("duration_s")) {
    auto d = t.number("duration_s", 1.0, 3600.0);
    if (!d) return err(d);
    s.duration_s = *d;
  }
  auto practice = t.boolean_or("practice", false);
  if (!practice) return err(practice);
  s.practice = *practice;
  if (s.practice && s.technique.empty())
    return std::unexpected(t.error_at("practice", "practice = true needs the step's technique (technique = \"effleurage\", ...) to practise"));
  if (t.has("question")) {
    auto qt = t.table("question");
    if (!qt) return err(qt);
    auto q = read_question(*qt, s, locale);
    if (!q) return err(q);
    s.question = std::move(*q);
  }
  // A "click the soleus" step shows the leg and nothing lit: the question is the step.
  const bool click = s.question && s.question->kind == QuestionKind::click_structure;
  if (s.technique.empty() && s.areas.empty() && s.structure.empty() && !click)
    return std::unexpected(t.error_at("technique", "a step needs a technique, areas, a structure, or a click-structure question; found none"));
  return s;
}

}  // namespace

std::string_view question_kind_name(QuestionKind kind) {
  return kKindNames[static_cast<std::size_t>(kind)];
}

bool asks_structure(QuestionKind kind) {
  return kind == QuestionKind::name_structure || kind == QuestionKind::click_structure;
}

std::string choice_label_key(const Question& q, const std::string& choice) {
  switch (q.kind) {
    case QuestionKind::which_area: return "area." + choice;
    case QuestionKind::direction: return "direction." + choice;
    case QuestionKind::pressure: return "pressure." + choice;
    case QuestionKind::name_structure:
    case QuestionKind::click_structure: return "structure." + choice;
    case QuestionKind::choice: break;
  }
  return choice;
}

std::vector<std::string> Lesson::text_keys() const {
  std::vector<std::string> keys{title, audience};
  for (const auto& s : steps) {
    keys.push_back(s.say);
    if (!s.question) continue;
    const Question& q = *s.question;
    keys.insert(keys.end(), {q.prompt, q.right, q.wrong});
    for (const auto& c : q.choices) keys.push_back(choice_label_key(q, c));
    if (q.choices.empty()) keys.push_back(choice_label_key(q, q.answer));  // a click's answer
  }
  return keys;
}

double Lesson::total_duration_s(double default_step_s) const {
  double d = 0.0;
  for (const auto& s : steps) d += s.duration_s.value_or(default_step_s);
  return d;
}

Expected<Lesson> load_lesson_string(std::string_view text, const std::string& source_name,
                                    const std::vector<std::string>& technique_ids,
                                    const Locale* locale) {
  auto parsed = parse_toml_string(text, source_name);
  if (!parsed) return err(parsed);
  TomlTable root(*parsed, source_name);
  if (auto ok = root.only_keys({"title", "audience", "step"}); !ok) return std::unexpected(ok.error());
  Lesson lesson;
  lesson.file = source_name;
  lesson.id = std::filesystem::path(source_name).stem().string();
  auto title = detail::read_text_key(root, "title", locale);
  if (!title) return err(title);
  lesson.title = *title;
  auto audience = detail::read_text_key(root, "audience", locale);
  if (!audience) return err(audience);
  lesson.audience = *audience;
  auto steps = root.tables("step");
  if (!steps) return err(steps);
  if (steps->empty())
    return fail("the lesson has no steps; expected at least one [[step]]", source_name, 1, 1, "step");
  for (const auto& st : *steps) {
    auto step = read_step(st, technique_ids, locale);
    if (!step) return err(step);
    lesson.steps.push_back(std::move(*step));
  }
  return lesson;
}

Expected<Lesson> load_lesson(const std::filesystem::path& path,
                             const std::vector<std::string>& technique_ids, const Locale* locale) {
  auto text = read_text_file(path);
  if (!text) return err(text);
  return load_lesson_string(*text, path.string(), technique_ids, locale);
}

Expected<std::vector<Lesson>> load_lessons(const std::filesystem::path& dir,
                                           const std::vector<std::string>& technique_ids,
                                           const Locale* locale) {
  std::error_code ec;
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec))
    if (entry.is_regular_file() && entry.path().extension() == ".toml") files.push_back(entry.path());
  if (ec) return fail("cannot read the lessons folder: " + ec.message(), dir.string());
  std::sort(files.begin(), files.end());
  std::vector<Lesson> out;
  for (const auto& f : files) {
    auto l = load_lesson(f, technique_ids, locale);
    if (!l) return err(l);
    out.push_back(std::move(*l));
  }
  return out;
}

Expected<void> reload_lesson(const std::filesystem::path& path,
                             const std::vector<std::string>& technique_ids, const Locale* locale,
                             Lesson& lesson) {
  auto fresh = load_lesson(path, technique_ids, locale);
  if (!fresh) return err(fresh);
  lesson = std::move(*fresh);
  return {};
}

}  // namespace effleura::lesson
