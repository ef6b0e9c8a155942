#include "ui/tr.hpp"

#include "core/placeholders.hpp"
#include "ui/practice_words.hpp"

#include <map>

namespace effleura::ui {
namespace {

struct Texts {
  std::shared_ptr<const lesson::Locale> locale;
  std::vector<lesson::LanguageName> languages;
  // "[key]" strings for keys no locale has, kept so tr() can hand out stable pointers.
  std::map<std::string, std::string, std::less<>> missing;
};

Texts& texts() {
  static Texts t;
  return t;
}

}  // namespace

// The practice grading takes its words from here too (it has no locales of its own).
void set_interface_locale(std::shared_ptr<const lesson::Locale> locale) {
  texts().locale = std::move(locale);
  use_practice_wording();
}
const lesson::Locale* interface_locale() { return texts().locale.get(); }
std::string interface_language() {
  return texts().locale ? texts().locale->id() : std::string(lesson::kFallbackLocale);
}
void set_interface_languages(std::vector<lesson::LanguageName> languages) { texts().languages = std::move(languages); }
const std::vector<lesson::LanguageName>& interface_languages() { return texts().languages; }

const char* tr(std::string_view key) {
  Texts& t = texts();
  if (t.locale)
    if (const lesson::Locale::Entry* e = t.locale->find(key)) return e->text.c_str();
  auto it = t.missing.find(key);
  if (it == t.missing.end()) it = t.missing.emplace(std::string(key), "[" + std::string(key) + "]").first;
  return it->second.c_str();
}

const char* tr_own(std::string_view key) {
  const lesson::Locale* l = interface_locale();
  if (!l || l->id() == lesson::kFallbackLocale) return nullptr;
  const lesson::Locale::Entry* e = l->own(key);
  return e ? e->text.c_str() : nullptr;
}

const char* tr_find(std::string_view key) {
  const Texts& t = texts();
  if (!t.locale) return nullptr;
  const lesson::Locale::Entry* e = t.locale->find(key);
  return e ? e->text.c_str() : nullptr;
}

const char* tr_english(std::string_view key) {
  const Texts& t = texts();
  if (!t.locale) return nullptr;
  const lesson::Locale* en = t.locale->fallback() ? t.locale->fallback() : t.locale.get();
  const lesson::Locale::Entry* e = en->find(key);
  return e ? e->text.c_str() : nullptr;
}

std::string trf(std::string_view key, const std::vector<std::pair<std::string_view, std::string>>& values) {
  return fill_placeholders(tr(key), values);
}

std::string trf_or(std::string_view key, std::string_view english,
                   const std::vector<std::pair<std::string_view, std::string>>& values) {
  const char* t = tr_find(key);
  return fill_placeholders(t ? std::string(t) : std::string(english), values);
}

std::string tr_id(std::string_view key) { return std::string(tr(key)) + "###" + std::string(key); }

}  // namespace effleura::ui
