#include "lesson/locale_check.hpp"

#include <algorithm>
#include <cctype>

namespace effleura::lesson {

std::vector<LanguageName> available_languages(const std::filesystem::path& dir) {
  std::vector<LanguageName> out;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    if (entry.path().extension() != ".toml") continue;
    auto locale = load_locale(entry.path());
    if (locale) out.push_back({locale->id(), locale->name()});
  }
  std::sort(out.begin(), out.end(), [](const LanguageName& a, const LanguageName& b) {
    if ((a.id == kFallbackLocale) != (b.id == kFallbackLocale)) return a.id == kFallbackLocale;
    return a.id < b.id;
  });
  return out;
}

std::string describe_languages(const std::vector<LanguageName>& languages) {
  std::string out;
  for (const auto& l : languages) out += (out.empty() ? "" : ", ") + l.id + " (" + l.name + ")";
  return out.empty() ? "none" : out;
}

std::vector<std::string> placeholders(std::string_view text) {
  std::vector<std::string> out;
  for (std::size_t open = text.find('{'); open != std::string_view::npos; open = text.find('{', open + 1)) {
    const std::size_t close = text.find('}', open);
    if (close == std::string_view::npos) break;
    out.emplace_back(text.substr(open, close - open + 1));
  }
  // printf conversions ("%.2f" in a slider's format) must match too, or the number goes wrong.
  for (std::size_t pct = text.find('%'); pct != std::string_view::npos; pct = text.find('%', pct + 1)) {
    std::size_t end = pct + 1;
    while (end < text.size() && (std::isdigit(static_cast<unsigned char>(text[end])) || text[end] == '.' || text[end] == '-')) ++end;
    if (end >= text.size() || !(std::isalpha(static_cast<unsigned char>(text[end])) || text[end] == '%')) continue;
    if (end == pct + 1 && text[end] != '%' && std::string_view("sdfeg").find(text[end]) == std::string_view::npos) continue;
    out.emplace_back(text.substr(pct, end - pct + 1));
    pct = end;
  }
  std::sort(out.begin(), out.end());
  return out;
}

LocaleProblems check_against(const Locale& reference, const Locale& locale) {
  LocaleProblems p;
  p.missing = locale.missing_from(reference);
  for (const auto& [key, entry] : locale.entries()) {
    const Locale::Entry* english = reference.own(key);
    // [area-notes.*] override content/areas.toml, which English has instead: checked against
    // that file (app::check_area_notes), not against English.
    if (!english && (key.starts_with(kAreaNotesPrefix) || key.starts_with(kTechniqueNotesPrefix))) continue;
    if (!english) {
      p.extra.push_back(key);
      continue;
    }
    if (placeholders(english->text) != placeholders(entry.text)) p.placeholder_mismatch.push_back(key);
  }
  return p;
}

}  // namespace effleura::lesson
