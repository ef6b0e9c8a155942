#pragma once
// Typed reading of TOML content with errors that name file:line:column, the key and what was
// expected. Every content loader (areas, techniques, veins, lessons, playlists) uses this so
// all content errors read the same way.
#include <toml++/toml.h>

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"

namespace effleura {

// Parses a whole file; a syntax error carries toml++'s line and column.
Expected<toml::table> parse_toml_file(const std::filesystem::path& path);
Expected<toml::table> parse_toml_string(std::string_view text, const std::string& source_name);

// A view of one table inside a file, remembering where it came from for error messages.
class TomlTable {
 public:
  TomlTable(const toml::table& table, std::string file, std::string path_prefix = {});

  [[nodiscard]] bool has(std::string_view key) const;
  [[nodiscard]] Expected<std::string> string(std::string_view key) const;
  [[nodiscard]] std::optional<std::string> optional_string(std::string_view key) const;
  // Numbers accept integers too; min/max are inclusive and named in the error.
  [[nodiscard]] Expected<double> number(std::string_view key, double min, double max) const;
  [[nodiscard]] Expected<double> number_or(std::string_view key, double fallback, double min,
                                           double max) const;
  [[nodiscard]] Expected<bool> boolean_or(std::string_view key, bool fallback) const;
  [[nodiscard]] Expected<std::vector<std::string>> strings(std::string_view key) const;
  [[nodiscard]] Expected<std::vector<double>> numbers(std::string_view key, std::size_t count) const;
  [[nodiscard]] Expected<TomlTable> table(std::string_view key) const;
  // An array of tables ([[key]]); an absent key gives an empty list.
  [[nodiscard]] Expected<std::vector<TomlTable>> tables(std::string_view key) const;
  // A string that must be one of `allowed`; the error lists them.
  [[nodiscard]] Expected<std::string> one_of(std::string_view key,
                                             const std::vector<std::string>& allowed) const;
  // Fails naming the first key not in `known` (catches typos such as "tempoo").
  [[nodiscard]] Expected<void> only_keys(const std::vector<std::string>& known) const;

  // An error located at this table, or at `key` inside it when the key exists.
  [[nodiscard]] Error error_at(std::string_view key, std::string message) const;
  // The same, at item `index` of the array `key` when it has one (a keyframe, a spot to avoid).
  [[nodiscard]] Error error_at_item(std::string_view key, std::size_t index, std::string message) const;
  [[nodiscard]] const toml::table& raw() const { return *table_; }
  [[nodiscard]] const std::string& file() const { return file_; }
  [[nodiscard]] std::string qualified(std::string_view key) const;

 private:
  const toml::table* table_;
  std::string file_;
  std::string prefix_;
};

}  // namespace effleura
