#pragma once
// Checks on a parsed command line that parse_command_line's table cannot express: options
// that would be silently ignored or that conflict, and files named on the command line that
// cannot be read or written (checked before anything is rendered, so a bad path fails in the
// first second with exit 2, not after minutes of recording).
#include "app/options.hpp"
#include "core/error.hpp"

namespace effleura::app {

Expected<void> check_options(const Options& options);

}  // namespace effleura::app
