#pragma once
// read_rules apart from practice/rules.hpp: it takes a parsed TOML table, and toml++'s header
// costs about 0.8 s of compile CPU in every file that includes it; rules.hpp is included by
// some 20 app files that never read TOML (session 20's build measurement, perf's report).
#include <string>

#include "core/error.hpp"
#include "core/toml_reader.hpp"
#include "practice/rules.hpp"

namespace effleura::practice {

// Reads the [practice] table of a parsed technique file (absent: the defaults).
Expected<Rules> read_rules(const toml::table& root, const std::string& file);

}  // namespace effleura::practice
