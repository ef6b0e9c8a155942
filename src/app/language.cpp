#include "app/language.hpp"

#include <algorithm>
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>
#include <vector>
#include <memory>

#include "app/exit_codes.hpp"
#include "app/paths.hpp"
#include "app/runners.hpp"
#include "lesson/address_check.hpp"
#include "lesson/locale_check.hpp"
#include "technique/pose.hpp"
#include "ui/technique_notes.hpp"
#include "ui/tr.hpp"

namespace effleura::app {

Expected<void> check_language_option(const Options& options) {
  if (!options.lang) return {};
  const auto dir = resolve_data_paths(options).content / "locales";
  const auto languages = lesson::available_languages(dir);
  for (const auto& l : languages)
    if (l.id == *options.lang) return {};
  return fail("--lang: no language '" + *options.lang + "'; available: " + lesson::describe_languages(languages) +
              " (files in " + dir.string() + ")");
}

Expected<void> use_interface_language(const std::filesystem::path& locales_dir, const std::string& id) {
  auto locale = lesson::load_locale_with_fallback(locales_dir, id);
  if (!locale) return std::unexpected(locale.error());
  ui::set_interface_locale(std::make_shared<const lesson::Locale>(std::move(*locale)));
  ui::set_interface_languages(lesson::available_languages(locales_dir));
  return {};
}

namespace {

// Notes a locale lacks (in `expected` but not its own) and notes it has for nothing (under
// `prefix` but not expected): the same comparison for area notes and technique notes.
lesson::LocaleProblems compare_notes(const lesson::Locale& locale, const std::vector<std::string>& expected,
                                     std::string_view prefix) {
  lesson::LocaleProblems p;
  for (const auto& key : expected)
    if (!locale.own(key)) p.missing.push_back(key);
  for (const auto& [key, entry] : locale.entries())
    if (key.starts_with(prefix) && std::find(expected.begin(), expected.end(), key) == expected.end())
      p.extra.push_back(key);
  return p;
}

}  // namespace

lesson::LocaleProblems check_area_notes(const lesson::Locale& locale, const anatomy::AreaContent& areas) {
  std::vector<std::string> expected;
  for (const anatomy::AreaInfo& a : areas.areas) {
    const std::string base = std::string(lesson::kAreaNotesPrefix) + a.id + ".";
    expected.push_back(base + "description");
    for (std::size_t i = 0; i < a.cautions.size(); ++i) expected.push_back(base + "caution-" + std::to_string(i + 1));
  }
  return compare_notes(locale, expected, lesson::kAreaNotesPrefix);
}

lesson::LocaleProblems check_technique_notes(const lesson::Locale& locale, const technique::TechniqueLibrary& techniques) {
  std::vector<std::string> expected;
  for (const technique::Technique& t : techniques.all())
    for (auto& key : ui::technique_note_keys(t)) expected.push_back(std::move(key));
  return compare_notes(locale, expected, lesson::kTechniqueNotesPrefix);
}

namespace {

// The technique files the notes are checked against, or nothing (said once) when there are none.
Expected<std::optional<technique::TechniqueLibrary>> techniques_to_check(const DataPaths& paths,
                                                                         const anatomy::AreaContent* areas) {
  const auto dir = paths.content / "techniques";
  if (!std::filesystem::is_directory(dir)) {
    std::printf("%s: not there, so the techniques' notes ([technique-notes.*]) are not checked\n", dir.string().c_str());
    return std::optional<technique::TechniqueLibrary>{};
  }
  auto poses = technique::load_poses(paths.content / "poses.toml");
  if (!poses) return std::unexpected(poses.error());
  auto library = technique::load_techniques(dir, *poses, areas);
  if (!library) return std::unexpected(library.error());
  return std::optional<technique::TechniqueLibrary>(std::move(*library));
}

// One locale's notes check, printed under `heading`; false when a note is missing.
bool print_notes(const lesson::LocaleProblems& notes, const std::string& heading, const char* extra_what,
                 const char* unused_where) {
  std::printf("  %s: %zu missing, %zu %s\n", heading.c_str(), notes.missing.size(), notes.extra.size(), extra_what);
  for (const auto& k : notes.missing) std::printf("  missing: %s\n", k.c_str());
  for (const auto& k : notes.extra) std::printf("  %s (unused): %s\n", unused_where, k.c_str());
  return notes.missing.empty();
}

}  // namespace

int run_check_locales(const Options& options) {
  const auto dir = resolve_data_paths(options).content / "locales";
  auto english = lesson::load_locale(dir / (std::string(lesson::kFallbackLocale) + ".toml"));
  if (!english) {
    report_error(english.error().describe());
    return kExitBadInput;
  }
  // The areas' notes are checked against content/areas.toml when there is one.
  const auto areas_file = resolve_data_paths(options).content / "areas.toml";
  std::optional<anatomy::AreaContent> areas;
  if (std::filesystem::exists(areas_file)) {
    auto loaded = anatomy::load_area_content(areas_file);
    if (!loaded) {
      report_error(loaded.error().describe());
      return kExitBadInput;
    }
    areas = std::move(*loaded);
  } else {
    std::printf("%s: not there, so the areas' notes ([area-notes.*]) are not checked\n", areas_file.string().c_str());
  }
  auto techniques = techniques_to_check(resolve_data_paths(options), areas ? &*areas : nullptr);
  if (!techniques) {
    report_error(techniques.error().describe());
    return kExitBadInput;
  }
  std::error_code ec;
  bool complete = true;
  std::printf("%s: %zu keys (the reference)\n", english->file().c_str(), english->entries().size());
  for (const auto& l : lesson::available_languages(dir)) {
    if (l.id == lesson::kFallbackLocale) continue;
    auto locale = lesson::load_locale(dir / (l.id + ".toml"));
    if (!locale) continue;  // listed only when it loads
    const auto p = lesson::check_against(*english, *locale);
    std::printf("%s (%s): %zu missing, %zu with other placeholders than English, %zu not in English\n", l.id.c_str(),
                l.name.c_str(), p.missing.size(), p.placeholder_mismatch.size(), p.extra.size());
    for (const auto& k : p.missing) std::printf("  missing: %s\n", k.c_str());
    for (const auto& k : p.placeholder_mismatch)
      std::printf("  placeholders differ: %s (\"%s\")\n", k.c_str(), locale->text(k).c_str());
    for (const auto& k : p.extra) std::printf("  not in English (unused): %s\n", k.c_str());
    if (!p.missing.empty() || !p.placeholder_mismatch.empty()) complete = false;
    // One form of address throughout (tú, vous, Sie): a text in the other form is a slip.
    if (const lesson::AddressRule* rule = lesson::address_rule(l.id)) {
      const auto slips = lesson::other_address(*locale);
      std::printf("  address \"%s\": %zu texts in the other form\n", std::string(rule->form).c_str(), slips.size());
      for (const auto& s : slips) std::printf("  other form: %s (\"%s\", line %d)\n", s.key.c_str(), s.word.c_str(), s.line);
      if (!slips.empty()) complete = false;
    }
    if (areas &&
        !print_notes(check_area_notes(*locale, *areas), "area notes (over " + areas_file.filename().string() + ")",
                     "for areas or cautions it does not have", "not in areas.toml"))
      complete = false;
    if (*techniques && !print_notes(check_technique_notes(*locale, **techniques), "technique notes (over techniques/)",
                                    "for techniques, steps or cautions they do not have", "not in the technique files"))
      complete = false;
  }
  // A file that does not load is not a language: say why, and count it as incomplete.
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    if (entry.path().extension() != ".toml") continue;
    if (auto locale = lesson::load_locale(entry.path()); !locale) {
      report_error(locale.error().describe());
      complete = false;
    }
  }
  return complete ? kExitOk : kExitBadInput;
}

}  // namespace effleura::app
