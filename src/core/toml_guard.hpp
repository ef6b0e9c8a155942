#pragma once
// A check of TOML text before toml++ parses it, for the one malformed shape that toml++ 3.3
// (Debian 12) does not survive: a table header whose '[' or '[[' is followed by something that
// cannot start a key ("[&", "[=", "[[[1]]]", "[.x]"). toml++ only assumes that cannot happen
// (TOML_ASSERT_ASSUME in parse_key: an abort in an assert-enabled build, undefined behaviour in
// a release one; upstream marzer/tomlplusplus issue 294, pull request 301), and a list whose
// next value starts with '}' ("[1, }2]", the same kind of assumption in parse_value). Found by
// tests/fuzz/fuzz_toml. Everything else stays toml++'s to judge.
#include <optional>
#include <string_view>

#include "core/error.hpp"

namespace effleura {

// The first such header or list value, as an error at its line and column, or nothing.
std::optional<Error> toml_header_problem(std::string_view text, const std::string& source_name);

}  // namespace effleura
