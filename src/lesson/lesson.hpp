#pragma once
// A lesson (content/lessons/*.toml): steps an instructor walks a class through, each showing a
// technique and/or an area from a chosen view, with what to say and optionally a question.
// All text is by locale key so lessons translate like everything else.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "lesson/locale.hpp"
#include "lesson/vocabulary.hpp"

namespace effleura::lesson {

// name_structure: "name this muscle": the step lights one structure (its glow) and the choices
// are structures' names; click_structure: "click the soleus": the student clicks it on the
// leg, no buttons (the answer is the structure clicked; any structure of the leg may be).
enum class QuestionKind { which_area, direction, pressure, choice, name_structure, click_structure };

struct Question {
  QuestionKind kind = QuestionKind::choice;
  std::string prompt;                // locale key
  // area ids, directions, pressures, (choice) locale keys, or (name_structure) the leg's mesh
  // names ("muscle.soleus"); empty for click_structure
  std::vector<std::string> choices;
  std::string answer;                // one of choices
  std::string right;                 // locale key: feedback for a correct answer
  std::string wrong;                 // locale key: feedback for a wrong answer
  int line = 0;
};

// The locale key of a choice's label: "area.calves", "direction.toward-heart",
// "pressure.light", "structure.muscle.soleus"; a "choice" question's choices are keys already.
std::string choice_label_key(const Question& q, const std::string& choice);
std::string_view question_kind_name(QuestionKind kind);
// The two kinds that ask about a structure of the leg: their answers are the model's mesh names.
[[nodiscard]] bool asks_structure(QuestionKind kind);

struct LessonStep {
  std::string technique;            // technique id, may be empty
  std::vector<std::string> areas;   // area ids to light, may be empty (not both empty)
  // A structure of the leg model drawn lit (the atlas's glow), by its mesh name
  // ("muscle.soleus"): what a name_structure question asks the name of. May be empty.
  std::string structure;
  std::string view = "front";       // camera view preset
  // The client's posture for the step (anatomy::parse_client_posture's names: "prone" to see
  // the back of the calf from above); empty: lying, face up or down as the technique or the
  // view needs (as before the key existed).
  std::string posture;
  Layers layers;
  float skin_opacity = 1.0f;
  std::string say;                  // locale key: what the instructor says / the step's text
  std::optional<double> duration_s; // suggested time; used when a lesson plays by itself
  std::optional<Question> question;
  // The class tries the step's technique itself: the Practice panel shows and practice mode
  // starts on it (strokes graded, "Show me"), until the next step.
  bool practice = false;
  int line = 0;
};

struct Lesson {
  std::string id;        // file name without .toml
  std::string file;
  std::string title;     // locale key
  std::string audience;  // locale key
  std::vector<LessonStep> steps;

  [[nodiscard]] std::vector<std::string> text_keys() const;
  // Length when played by itself (LessonPlayer auto-advance): steps without a duration count
  // `default_step_s`. The default length of a recorded lesson (--record --lesson).
  [[nodiscard]] double total_duration_s(double default_step_s = 12.0) const;
};

// `technique_ids` as for load_playlist; with a locale, every key must have a text there.
Expected<Lesson> load_lesson(const std::filesystem::path& path,
                             const std::vector<std::string>& technique_ids,
                             const Locale* locale = nullptr);
Expected<Lesson> load_lesson_string(std::string_view text, const std::string& source_name,
                                    const std::vector<std::string>& technique_ids,
                                    const Locale* locale = nullptr);
// Every *.toml in the folder, sorted by file name; the first error stops the load.
Expected<std::vector<Lesson>> load_lessons(const std::filesystem::path& dir,
                                           const std::vector<std::string>& technique_ids,
                                           const Locale* locale = nullptr);
// Hot reload: `lesson` changes only if the file loads.
Expected<void> reload_lesson(const std::filesystem::path& path,
                             const std::vector<std::string>& technique_ids, const Locale* locale,
                             Lesson& lesson);

}  // namespace effleura::lesson
