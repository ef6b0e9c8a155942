#pragma once
// How app/paths.cpp looks for the content and assets folders when no flag names them, step by
// step, so a test can run it: the program's own folder from /proc/self/exe, or, where /proc is
// not mounted (a bare chroot, some containers), from the name it was started by; then beside it
// (a build folder) and in ../share/effleura (installed).
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace effleura::app {

// What the search starts from; this_program() gives the running program's. A test hands in its
// own, so the case without /proc runs on a machine that has it.
struct ProgramPlace {
  std::filesystem::path self_link = "/proc/self/exe";
  std::string invoked;   // argv[0]: a path, or a bare name the shell found on PATH
  std::string path_env;  // PATH
  std::filesystem::path cwd;
};
ProgramPlace this_program();

// The program's folder with links resolved, or nothing when neither /proc nor its name say.
std::optional<std::filesystem::path> program_dir(const ProgramPlace& place);

// One data folder's search: every place looked in, in order, and the one to read from (the
// first that exists; if none does, the one an error should name, as before).
struct DataSearch {
  std::filesystem::path chosen;
  std::vector<std::filesystem::path> tried;
  bool found = false;
  bool proc_read = true;  // the folder came from /proc/self/exe (false: from the name, or unknown)
};
DataSearch find_data_folder(const std::string& name, const ProgramPlace& place);

// The message for a folder not found: every place looked in, and what to do.
std::string describe_missing(const std::string& name, const std::string& flag, const DataSearch& search);

}  // namespace effleura::app
