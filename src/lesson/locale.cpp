#include "lesson/locale.hpp"

#include <cctype>

#include "core/files.hpp"
#include "core/toml_reader.hpp"

namespace effleura::lesson {
namespace {

bool valid_locale_id(std::string_view id) {
  // "en", "de", "pt-BR": two or three lower-case letters, optionally a region.
  std::size_t i = 0;
  while (i < id.size() && std::islower(static_cast<unsigned char>(id[i]))) ++i;
  if (i < 2 || i > 3) return false;
  if (i == id.size()) return true;
  if (id[i] != '-' || id.size() - i - 1 < 2 || id.size() - i - 1 > 3) return false;
  for (std::size_t j = i + 1; j < id.size(); ++j)
    if (!std::isalnum(static_cast<unsigned char>(id[j]))) return false;
  return true;
}

int line_of(const toml::node& n) { return static_cast<int>(n.source().begin.line); }

Expected<void> flatten(const TomlTable& table, const std::string& prefix, Locale& out) {
  for (const auto& [k, node] : table.raw()) {
    if (prefix.empty() && k.str() == "locale") continue;  // the meta table, not a text
    const std::string key = prefix.empty() ? std::string(k.str()) : prefix + "." + std::string(k.str());
    if (auto s = node.value<std::string>()) {
      out.put(key, {*s, {}, line_of(node)});
      continue;
    }
    const toml::table* sub = node.as_table();
    if (!sub)
      return std::unexpected(table.error_at(k.str(), "expected a text (a string) or a table of texts"));
    TomlTable t(*sub, table.file(), table.qualified(k.str()));
    if (sub->contains("text")) {
      // { text = "...", source = "..." }: one entry with its citation.
      if (auto ok = t.only_keys({"text", "source"}); !ok) return std::unexpected(ok.error());
      auto text = t.string("text");
      if (!text) return std::unexpected(text.error());
      std::string source;
      if (t.has("source")) {
        auto src = t.string("source");
        if (!src) return std::unexpected(src.error());
        source = *src;
      }
      out.put(key, {*text, source, line_of(node)});
      continue;
    }
    if (auto ok = flatten(t, key, out); !ok) return ok;
  }
  return {};
}

}  // namespace

const Locale::Entry* Locale::own(std::string_view key) const {
  auto it = entries_.find(key);
  return it == entries_.end() ? nullptr : &it->second;
}

const Locale::Entry* Locale::find(std::string_view key) const {
  if (const Entry* e = own(key)) return e;
  return fallback_ ? fallback_->find(key) : nullptr;
}

std::string Locale::text(std::string_view key) const {
  if (const Entry* e = find(key)) return e->text;
  return "[" + std::string(key) + "]";
}

std::string Locale::text_with_source(std::string_view key) const {
  const Entry* e = find(key);
  if (!e) return text(key);
  if (e->source.empty() || e->text.find(e->source) != std::string::npos) return e->text;
  return e->text + " (" + e->source + ")";
}

std::vector<std::string> Locale::missing(const std::vector<std::string>& keys) const {
  std::vector<std::string> out;
  for (const auto& k : keys)
    if (!has(k)) out.push_back(k);
  return out;
}

std::vector<std::string> Locale::missing_from(const Locale& reference) const {
  std::vector<std::string> out;
  for (const auto& [k, e] : reference.entries())
    if (!own(k)) out.push_back(k);
  return out;
}

Expected<Locale> load_locale_string(std::string_view text, const std::string& source_name) {
  auto parsed = parse_toml_string(text, source_name);
  if (!parsed) return std::unexpected(parsed.error());
  TomlTable root(*parsed, source_name);
  auto meta = root.table("locale");
  if (!meta) return std::unexpected(meta.error());
  if (auto ok = meta->only_keys({"id", "name"}); !ok) return std::unexpected(ok.error());
  auto id = meta->string("id");
  if (!id) return std::unexpected(id.error());
  if (!valid_locale_id(*id))
    return std::unexpected(meta->error_at("id", "'" + *id + "' is not a language id; expected e.g. \"en\", \"de\" or \"pt-BR\""));
  auto name = meta->string("name");
  if (!name) return std::unexpected(name.error());
  // A file named de.toml must say id = "de": the file name is how playlists find it.
  const std::string stem = std::filesystem::path(source_name).stem().string();
  if (std::filesystem::path(source_name).extension() == ".toml" && stem != *id)
    return std::unexpected(meta->error_at("id", "is '" + *id + "' but the file is " + stem +
                                                    ".toml; expected id = \"" + stem + "\""));
  Locale locale;
  locale.set_identity(*id, *name, source_name);
  if (auto ok = flatten(root, {}, locale); !ok) return std::unexpected(ok.error());
  if (locale.entries().empty())
    return fail("the locale has no texts; expected keys such as [kiosk] disclaimer = \"...\"", source_name);
  return locale;
}

Expected<Locale> load_locale(const std::filesystem::path& path) {
  auto text = read_text_file(path);
  if (!text) return std::unexpected(text.error());
  return load_locale_string(*text, path.string());
}

Expected<Locale> load_locale_with_fallback(const std::filesystem::path& dir, std::string_view id) {
  auto locale = load_locale(dir / (std::string(id) + ".toml"));
  if (!locale) return locale;
  if (id != kFallbackLocale) {
    auto english = load_locale(dir / (std::string(kFallbackLocale) + ".toml"));
    if (!english) return std::unexpected(english.error());
    locale->set_fallback(std::make_shared<const Locale>(std::move(*english)));
  }
  return locale;
}

Expected<void> reload_locale(const std::filesystem::path& path, Locale& locale) {
  auto fresh = load_locale(path);
  if (!fresh) return std::unexpected(fresh.error());
  auto fallback = locale.shared_fallback();
  locale = std::move(*fresh);
  if (fallback && locale.id() != kFallbackLocale) locale.set_fallback(std::move(fallback));
  return {};
}

}  // namespace effleura::lesson
