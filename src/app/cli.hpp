#pragma once
// Command-line parsing. Every flag is declared once in a table (cli.cpp) that also produces
// --help, so the help text cannot drift from what is accepted.
#include <string>
#include <vector>

#include "app/options.hpp"
#include "core/error.hpp"

namespace effleura::app {

// Parses arguments (without argv[0]). An unknown flag or bad value gives an Error whose
// message is the one line to print; the caller exits with kExitBadInput.
Expected<Options> parse_command_line(const std::vector<std::string>& args);

std::string help_text();
std::string version_text();

}  // namespace effleura::app
