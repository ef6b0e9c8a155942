#pragma once
// What a translator still has to do, and what a program start must refuse: the languages
// shipped in content/locales, each one's keys missing against English, and texts whose
// placeholders ({step}, {count}) differ from the English ones (a swapped or dropped
// placeholder would print a raw "{step}" or lose a number on screen).
#include <filesystem>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "lesson/locale.hpp"

namespace effleura::lesson {

struct LanguageName {
  std::string id;    // "es"
  std::string name;  // "Español"
};

// Every <id>.toml in `dir` that loads as a locale, English first, then by id. Files that do
// not load are left out here (--check-locales reports them).
[[nodiscard]] std::vector<LanguageName> available_languages(const std::filesystem::path& dir);
// "en (English), es (Español)": for messages that name the choices.
[[nodiscard]] std::string describe_languages(const std::vector<LanguageName>& languages);

// The {name} placeholders of a text, sorted (a translation may reorder them).
[[nodiscard]] std::vector<std::string> placeholders(std::string_view text);

struct LocaleProblems {
  std::vector<std::string> missing;               // keys English has and this locale lacks
  std::vector<std::string> placeholder_mismatch;  // keys whose placeholders differ from English
  std::vector<std::string> extra;                 // keys English does not have (typos)
};
// Keys under "area-notes." are left to app::check_area_notes (English keeps them in areas.toml),
// and those under "technique-notes." to app::check_technique_notes (English: the technique files).
[[nodiscard]] LocaleProblems check_against(const Locale& reference, const Locale& locale);
inline constexpr std::string_view kAreaNotesPrefix = "area-notes.";
inline constexpr std::string_view kTechniqueNotesPrefix = "technique-notes.";

}  // namespace effleura::lesson
