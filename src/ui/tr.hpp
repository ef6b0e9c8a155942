#pragma once
// The interface's own words (menus, the View panel, the status bar) in the chosen language:
// ui::tr("view.layers") looks the key up in content/locales/<id>.toml, falling back to English
// for a key the language lacks. Until a locale is set (app::load_content does it), or for a
// key no file has, the key itself shows in brackets, so a gap is visible, never blank.
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "lesson/locale.hpp"
#include "lesson/locale_check.hpp"

namespace effleura::ui {

void set_interface_locale(std::shared_ptr<const lesson::Locale> locale);
[[nodiscard]] const lesson::Locale* interface_locale();
// The id of the interface's language ("en" when none is set).
[[nodiscard]] std::string interface_language();
// The languages the Language menu offers (set with the locale; see lesson/locale_check.hpp).
void set_interface_languages(std::vector<lesson::LanguageName> languages);
[[nodiscard]] const std::vector<lesson::LanguageName>& interface_languages();

// The text for `key`; the pointer stays valid until the next set_interface_locale.
[[nodiscard]] const char* tr(std::string_view key);
// The text for `key` in the chosen language or English, or nullptr when no file has it (for
// texts with a fallback of their own, such as a structure's kind's card).
[[nodiscard]] const char* tr_find(std::string_view key);
// The chosen language's own text for `key`, or nullptr: never English (nullptr while the interface
// is in English), for texts whose English lives in a content file (areas.toml, techniques/).
[[nodiscard]] const char* tr_own(std::string_view key);
// English only (the fallback), or nullptr: for matching what a student types in English.
[[nodiscard]] const char* tr_english(std::string_view key);
// The text with its {name} placeholders replaced, e.g. trf("view.size", {{"percent", "125"}}).
[[nodiscard]] std::string trf(std::string_view key, const std::vector<std::pair<std::string_view, std::string>>& values);
// The same, with `english` (en.toml's text, kept equal by a test) when no locale is loaded or no
// file has the key: for texts the non-interface code and its tests read without a locale.
[[nodiscard]] std::string trf_or(std::string_view key, std::string_view english,
                                 const std::vector<std::pair<std::string_view, std::string>>& values = {});
// ImGui labels must stay unique whatever the language: "<text>###<key>" keeps the id fixed.
[[nodiscard]] std::string tr_id(std::string_view key);

}  // namespace effleura::ui
