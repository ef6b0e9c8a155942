#pragma once
// The language of everything the user reads: --lang ID, else the one chosen in the View menu
// (settings file), else a playlist's own, else English. Unknown ids are refused at start-up
// with the list of shipped languages; --check-locales lists what each translation lacks.
#include <filesystem>
#include <string>

#include "anatomy/area_content.hpp"
#include "app/options.hpp"
#include "core/error.hpp"
#include "lesson/locale_check.hpp"
#include "technique/technique_loader.hpp"

namespace effleura::app {

// --lang names a language that has a file in <content>/locales.
[[nodiscard]] Expected<void> check_language_option(const Options& options);
// Loads <locales_dir>/<id>.toml (with English behind it) as the interface's texts and the
// list of languages the View menu offers; an error leaves the previous texts in place.
[[nodiscard]] Expected<void> use_interface_language(const std::filesystem::path& locales_dir, const std::string& id);
// A non-English locale's [area-notes.<id>] against content/areas.toml: a description and each
// caution (caution-1, caution-2, ...) missing, or keys for areas or cautions areas.toml lacks.
[[nodiscard]] lesson::LocaleProblems check_area_notes(const lesson::Locale& locale, const anatomy::AreaContent& areas);
// The same for [technique-notes.<id>] against the technique files: summary, evidence, each
// caution and each step's caption and attend line (ui::technique_note_keys).
[[nodiscard]] lesson::LocaleProblems check_technique_notes(const lesson::Locale& locale,
                                                          const technique::TechniqueLibrary& techniques);
// --check-locales: per language, the keys missing against English and placeholder mismatches.
// 0 when every shipped locale is complete, kExitBadInput otherwise.
int run_check_locales(const Options& options);

}  // namespace effleura::app
