#include "core/toml_reader.hpp"

#include <algorithm>
#include <sstream>

#include "core/files.hpp"
#include "core/toml_guard.hpp"

namespace effleura {
namespace {

Error located(const toml::node* node, const std::string& file, std::string key,
              std::string message) {
  Error e{std::move(message), file, 0, 0, std::move(key)};
  if (node) {
    const auto& src = node->source();
    e.line = static_cast<int>(src.begin.line);
    e.column = static_cast<int>(src.begin.column);
  }
  return e;
}

std::string type_name(const toml::node& n) {
  switch (n.type()) {
    case toml::node_type::string: return "a string";
    case toml::node_type::integer: return "an integer";
    case toml::node_type::floating_point: return "a number";
    case toml::node_type::boolean: return "true/false";
    case toml::node_type::array: return "a list";
    case toml::node_type::table: return "a table";
    default: return "a date or time";
  }
}

}  // namespace

Expected<toml::table> parse_toml_string(std::string_view text, const std::string& source_name) {
  if (auto bad = toml_header_problem(text, source_name)) return std::unexpected(*bad);
  try {
    return toml::parse(text, source_name);
  } catch (const toml::parse_error& err) {
    const auto& where = err.source().begin;
    return fail("TOML syntax error: " + std::string(err.description()), source_name,
                static_cast<int>(where.line), static_cast<int>(where.column));
  }
}

Expected<toml::table> parse_toml_file(const std::filesystem::path& path) {
  auto text = read_text_file(path);
  if (!text) return std::unexpected(text.error());
  return parse_toml_string(*text, path.string());
}

TomlTable::TomlTable(const toml::table& table, std::string file, std::string path_prefix)
    : table_(&table), file_(std::move(file)), prefix_(std::move(path_prefix)) {}

std::string TomlTable::qualified(std::string_view key) const {
  if (prefix_.empty()) return std::string(key);
  return prefix_ + "." + std::string(key);
}

Error TomlTable::error_at(std::string_view key, std::string message) const {
  const toml::node* node = table_->get(key);
  return located(node ? node : table_, file_, qualified(key), std::move(message));
}

Error TomlTable::error_at_item(std::string_view key, std::size_t index, std::string message) const {
  Error e = error_at(key, std::move(message));
  if (const toml::array* arr = table_->get_as<toml::array>(key); arr && index < arr->size()) {
    const auto& src = (*arr)[index].source();
    e.line = static_cast<int>(src.begin.line);
    e.column = static_cast<int>(src.begin.column);
  }
  return e;
}

bool TomlTable::has(std::string_view key) const { return table_->contains(key); }

Expected<std::string> TomlTable::string(std::string_view key) const {
  const toml::node* n = table_->get(key);
  if (!n) return std::unexpected(error_at(key, "missing; expected a string"));
  if (auto v = n->value<std::string>()) return *v;
  return std::unexpected(error_at(key, "expected a string, found " + type_name(*n)));
}

std::optional<std::string> TomlTable::optional_string(std::string_view key) const {
  if (const toml::node* n = table_->get(key)) return n->value<std::string>();
  return std::nullopt;
}

Expected<double> TomlTable::number(std::string_view key, double min, double max) const {
  const toml::node* n = table_->get(key);
  std::ostringstream range;
  range << "a number from " << min << " to " << max;
  if (!n) return std::unexpected(error_at(key, "missing; expected " + range.str()));
  if (!n->is_number())
    return std::unexpected(error_at(key, "expected " + range.str() + ", found " + type_name(*n)));
  const double v = n->value<double>().value_or(0.0);
  if (!(v >= min && v <= max)) {
    std::ostringstream got;
    got << v;
    return std::unexpected(error_at(key, "expected " + range.str() + ", found " + got.str()));
  }
  return v;
}

Expected<double> TomlTable::number_or(std::string_view key, double fallback, double min,
                                      double max) const {
  if (!has(key)) return fallback;
  return number(key, min, max);
}

Expected<bool> TomlTable::boolean_or(std::string_view key, bool fallback) const {
  const toml::node* n = table_->get(key);
  if (!n) return fallback;
  if (auto v = n->value<bool>()) return *v;
  return std::unexpected(error_at(key, "expected true or false, found " + type_name(*n)));
}

Expected<std::vector<std::string>> TomlTable::strings(std::string_view key) const {
  const toml::node* n = table_->get(key);
  if (!n) return std::unexpected(error_at(key, "missing; expected a list of strings"));
  const toml::array* arr = n->as_array();
  if (!arr) return std::unexpected(error_at(key, "expected a list of strings, found " + type_name(*n)));
  std::vector<std::string> out;
  for (const auto& item : *arr) {
    auto s = item.value<std::string>();
    if (!s) return std::unexpected(located(&item, file_, qualified(key),
                                           "expected a string in the list, found " + type_name(item)));
    out.push_back(*s);
  }
  return out;
}

Expected<std::vector<double>> TomlTable::numbers(std::string_view key, std::size_t count) const {
  const toml::node* n = table_->get(key);
  const std::string want = "a list of " + std::to_string(count) + " numbers";
  if (!n) return std::unexpected(error_at(key, "missing; expected " + want));
  const toml::array* arr = n->as_array();
  if (!arr || arr->size() != count)
    return std::unexpected(error_at(key, "expected " + want));
  std::vector<double> out;
  for (const auto& item : *arr) {
    if (!item.is_number())
      return std::unexpected(located(&item, file_, qualified(key),
                                     "expected a number in the list, found " + type_name(item)));
    out.push_back(item.value<double>().value_or(0.0));
  }
  return out;
}

Expected<TomlTable> TomlTable::table(std::string_view key) const {
  const toml::node* n = table_->get(key);
  if (!n) return std::unexpected(error_at(key, "missing; expected a table"));
  if (const toml::table* t = n->as_table()) return TomlTable(*t, file_, qualified(key));
  return std::unexpected(error_at(key, "expected a table, found " + type_name(*n)));
}

Expected<std::vector<TomlTable>> TomlTable::tables(std::string_view key) const {
  std::vector<TomlTable> out;
  const toml::node* n = table_->get(key);
  if (!n) return out;
  const toml::array* arr = n->as_array();
  if (!arr) return std::unexpected(error_at(key, "expected a list of tables ([[" + std::string(key) + "]])"));
  std::size_t i = 0;
  for (const auto& item : *arr) {
    const toml::table* t = item.as_table();
    if (!t) return std::unexpected(located(&item, file_, qualified(key), "expected a table in the list"));
    out.emplace_back(*t, file_, qualified(key) + "[" + std::to_string(i++) + "]");
  }
  return out;
}

Expected<std::string> TomlTable::one_of(std::string_view key,
                                        const std::vector<std::string>& allowed) const {
  auto s = string(key);
  if (!s) return s;
  if (std::find(allowed.begin(), allowed.end(), *s) != allowed.end()) return s;
  std::string list;
  for (const auto& a : allowed) list += (list.empty() ? "" : ", ") + a;
  return std::unexpected(error_at(key, "unknown value '" + *s + "'; expected one of: " + list));
}

Expected<void> TomlTable::only_keys(const std::vector<std::string>& known) const {
  for (const auto& [k, node] : *table_) {
    if (std::find(known.begin(), known.end(), k.str()) == known.end()) {
      std::string list;
      for (const auto& a : known) list += (list.empty() ? "" : ", ") + a;
      return std::unexpected(located(&node, file_, qualified(k.str()),
                                     "unknown key; expected one of: " + list));
    }
  }
  return {};
}

}  // namespace effleura
