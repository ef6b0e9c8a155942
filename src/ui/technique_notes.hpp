#pragma once
// A technique's own words (summary, step captions and what to attend to, evidence, cautions) in
// the interface's language. English has one source, the technique file (instructors edit it, it
// reloads while the program runs); another language overrides it in its locale file:
//   [technique-notes.compression]  summary = "..."  evidence = "..."  caution-1 = "..."
//                                  step-1-caption = "..."  step-1-attend = "..."
// What a language leaves out shows in English; --check-locales lists it (app::check_technique_notes).
#include <string>
#include <string_view>
#include <vector>

#include "technique/technique.hpp"

namespace effleura::ui {

[[nodiscard]] std::string technique_summary(const technique::Technique& t);
[[nodiscard]] std::string technique_evidence(const technique::Technique& t);
[[nodiscard]] std::vector<std::string> technique_cautions(const technique::Technique& t);
// Step `step` (0-based, as in Frame::step) of t; `english` is the timeline's text for it, used
// when the language has none (or the step is past the file's steps).
[[nodiscard]] std::string step_caption(const technique::Technique& t, std::size_t step, std::string_view english);
[[nodiscard]] std::string step_attend(const technique::Technique& t, std::size_t step, std::string_view english);
// The keys a complete translation of t has, in the file's order (for --check-locales).
[[nodiscard]] std::vector<std::string> technique_note_keys(const technique::Technique& t);

}  // namespace effleura::ui
