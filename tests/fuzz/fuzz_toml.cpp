// Fuzz target: the TOML parser (toml++) and our typed reader (core/toml_reader) on arbitrary
// bytes. Every content file goes through parse_toml_string first, so any crash, hang or
// runaway allocation in the parser is one in every loader. A parsed table is then walked
// with the reader's accessors, the way the loaders read keys, so values of every type and
// nesting reach the code that turns them into errors. In the fuzz build toml++ is compiled
// header-only (tests/fuzz/CMakeLists.txt), so libFuzzer sees inside the parser.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/toml_reader.hpp"
#include "fuzz_entry.hpp"

namespace {

void walk(const effleura::TomlTable& t, int depth) {
  if (depth > 8) return;  // deeper tables only repeat what was walked
  for (const auto& [k, node] : t.raw()) {
    const std::string_view key = k.str();
    (void)t.has(key);
    if (auto s = t.string(key); !s) (void)s.error().describe();
    (void)t.optional_string(key);
    if (auto n = t.number(key, -1e6, 1e6); !n) (void)n.error().describe();
    (void)t.boolean_or(key, false);
    (void)t.strings(key);
    (void)t.numbers(key, 3);
    (void)t.one_of(key, {"a", "b"});
    if (auto sub = t.table(key)) walk(*sub, depth + 1);
    if (auto list = t.tables(key))
      for (const auto& item : *list) walk(item, depth + 1);
    (void)node;
  }
  if (auto only = t.only_keys({"id", "name"}); !only) (void)only.error().describe();
}

}  // namespace

EFFLEURA_FUZZ_TARGET(toml) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto table = effleura::parse_toml_string(text, "fuzz.toml");
  if (!table) {
    (void)table.error().describe();
    return 0;
  }
  walk(effleura::TomlTable(*table, "fuzz.toml"), 0);
  return 0;
}
