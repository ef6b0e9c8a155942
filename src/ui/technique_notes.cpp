#include "ui/technique_notes.hpp"

#include "lesson/locale_check.hpp"
#include "ui/tr.hpp"

namespace effleura::ui {
namespace {

std::string key(const technique::Technique& t, std::string_view field) {
  return std::string(lesson::kTechniqueNotesPrefix) + t.id + "." + std::string(field);
}

std::string step_key(const technique::Technique& t, std::size_t step, std::string_view field) {
  return key(t, "step-" + std::to_string(step + 1) + "-" + std::string(field));
}

// The chosen language's own text (never English: English is the technique file).
std::string own_or(const std::string& k, std::string_view english) {
  const char* t = tr_own(k);
  return t ? std::string(t) : std::string(english);
}

}  // namespace

std::string technique_summary(const technique::Technique& t) { return own_or(key(t, "summary"), t.summary); }
std::string technique_evidence(const technique::Technique& t) { return own_or(key(t, "evidence"), t.evidence); }

std::vector<std::string> technique_cautions(const technique::Technique& t) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < t.cautions.size(); ++i)
    out.push_back(own_or(key(t, "caution-" + std::to_string(i + 1)), t.cautions[i]));
  return out;
}

// A step past the file's (none today) keeps the timeline's English rather than another step's text.
std::string step_caption(const technique::Technique& t, std::size_t step, std::string_view english) {
  if (step >= t.steps.size() || english.empty()) return std::string(english);
  return own_or(step_key(t, step, "caption"), english);
}

std::string step_attend(const technique::Technique& t, std::size_t step, std::string_view english) {
  if (step >= t.steps.size() || english.empty()) return std::string(english);
  return own_or(step_key(t, step, "attend"), english);
}

std::vector<std::string> technique_note_keys(const technique::Technique& t) {
  std::vector<std::string> out;
  if (!t.summary.empty()) out.push_back(key(t, "summary"));
  if (!t.evidence.empty()) out.push_back(key(t, "evidence"));
  for (std::size_t i = 0; i < t.cautions.size(); ++i) out.push_back(key(t, "caution-" + std::to_string(i + 1)));
  for (std::size_t i = 0; i < t.steps.size(); ++i) {
    if (!t.steps[i].caption.empty()) out.push_back(step_key(t, i, "caption"));
    if (!t.steps[i].attend.empty()) out.push_back(step_key(t, i, "attend"));
  }
  return out;
}

}  // namespace effleura::ui
