#pragma once
// User-facing text by key (content/locales/<id>.toml). English is complete; another language
// may leave keys out and falls back to English for them, and missing_from() lists what a
// translator still has to do.
//
// File format: a [locale] table (id, name) and any other tables of texts; nested tables give
// dotted keys ([kiosk] calf-pump = "..." is "kiosk.calf-pump"). A text is a string, or a table
// { text = "...", source = "Shoemaker 1997" } when it makes a physiological claim.
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"

namespace effleura::lesson {

class Locale {
 public:
  struct Entry {
    std::string text;
    std::string source;  // short name from physiology.md, may be empty
    int line = 0;
  };

  [[nodiscard]] const std::string& id() const { return id_; }
  [[nodiscard]] const std::string& name() const { return name_; }
  [[nodiscard]] const std::string& file() const { return file_; }
  [[nodiscard]] const std::map<std::string, Entry, std::less<>>& entries() const { return entries_; }

  // This locale's own entry, without fallback.
  [[nodiscard]] const Entry* own(std::string_view key) const;
  // Own entry, else the fallback's; nullptr when neither has it.
  [[nodiscard]] const Entry* find(std::string_view key) const;
  [[nodiscard]] bool has(std::string_view key) const { return find(key) != nullptr; }
  // The text, or "[key]" so a missing text shows on screen instead of a blank.
  [[nodiscard]] std::string text(std::string_view key) const;
  // The text followed by " (source)" when the entry names a source.
  [[nodiscard]] std::string text_with_source(std::string_view key) const;

  // Keys of `keys` that neither this locale nor its fallback has.
  [[nodiscard]] std::vector<std::string> missing(const std::vector<std::string>& keys) const;
  // Keys the reference (English) has and this locale lacks, i.e. shown in the fallback language.
  [[nodiscard]] std::vector<std::string> missing_from(const Locale& reference) const;

  void set_fallback(std::shared_ptr<const Locale> fallback) { fallback_ = std::move(fallback); }
  [[nodiscard]] const Locale* fallback() const { return fallback_.get(); }
  [[nodiscard]] std::shared_ptr<const Locale> shared_fallback() const { return fallback_; }

  // Used by the loader and by tests that build a locale in memory.
  void put(std::string key, Entry entry) { entries_[std::move(key)] = std::move(entry); }
  void set_identity(std::string id, std::string name, std::string file) {
    id_ = std::move(id);
    name_ = std::move(name);
    file_ = std::move(file);
  }

 private:
  std::string id_;
  std::string name_;
  std::string file_;
  std::map<std::string, Entry, std::less<>> entries_;
  std::shared_ptr<const Locale> fallback_;
};

inline constexpr std::string_view kFallbackLocale = "en";

Expected<Locale> load_locale(const std::filesystem::path& path);
Expected<Locale> load_locale_string(std::string_view text, const std::string& source_name);
// <dir>/<id>.toml with <dir>/en.toml as its fallback (no fallback when id is "en").
Expected<Locale> load_locale_with_fallback(const std::filesystem::path& dir, std::string_view id);
// Hot reload: replaces `locale` (keeping its fallback) only if the file loads.
Expected<void> reload_locale(const std::filesystem::path& path, Locale& locale);

}  // namespace effleura::lesson
