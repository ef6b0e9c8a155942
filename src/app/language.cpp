#include "app/language.hpp"

#include <cstdio>
#include <memory>

#include "app/exit_codes.hpp"
#include "app/paths.hpp"
#include "app/runners.hpp"
#include "lesson/locale_check.hpp"
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

int run_check_locales(const Options& options) {
  const auto dir = resolve_data_paths(options).content / "locales";
  auto english = lesson::load_locale(dir / (std::string(lesson::kFallbackLocale) + ".toml"));
  if (!english) {
    report_error(english.error().describe());
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
