#pragma once
// One saved view as TOML keys, read and written the same way in the settings file's [[view]]
// tables and in a view file of its own (app/view_file.hpp). Only those two include this.
#include <cstddef>
#include <ostream>
#include <string>

#include <toml++/toml.h>

#include "app/user_settings.hpp"

namespace effleura::app {

// Thrown by read_view_keys: the line and what was expected there.
struct ViewProblem {
  std::size_t line;
  std::string what;
};

// The view in `t`; `line` is the table's own line (for keys that are missing). `named`: a name
// is required (the settings file's list); a view file may leave it out.
[[nodiscard]] SavedView read_view_keys(const toml::table& t, int line, bool named);
// name, camera, layers, skin_opacity, lit, hidden, faded, the cut, the technique's moment and
// the picked structure, one key a line.
void write_view_keys(std::ostream& out, const SavedView& v);

}  // namespace effleura::app
