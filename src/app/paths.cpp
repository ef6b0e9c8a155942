#include "app/paths.hpp"
#include "app/data_search.hpp"

#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <sstream>
#include <system_error>

#include <errno.h>  // program_invocation_name (glibc)
#include <unistd.h>

namespace effleura::app {

namespace fs = std::filesystem;

ProgramPlace this_program() {
  ProgramPlace place;
#if defined(__GLIBC__)
  // argv[0] as main() got it; glibc keeps it, so no caller has to pass it down.
  if (program_invocation_name) place.invoked = program_invocation_name;
#endif
  if (const char* path = std::getenv("PATH")) place.path_env = path;
  std::error_code ec;
  place.cwd = fs::current_path(ec);
  return place;
}

std::optional<fs::path> program_dir(const ProgramPlace& place) {
  std::error_code ec;
  if (auto exe = fs::read_symlink(place.self_link, ec); !ec) return exe.parent_path();
  // No /proc: the name the program was started by, as the shell resolved it. A name with a
  // slash is a path (relative to the working folder); a bare one was found on PATH.
  if (place.invoked.empty()) return std::nullopt;
  fs::path exe;
  if (place.invoked.find('/') != std::string::npos) {
    exe = place.cwd / place.invoked;
  } else {
    std::istringstream dirs(place.path_env);
    for (std::string dir; std::getline(dirs, dir, ':');) {
      const fs::path candidate = (dir.empty() ? place.cwd : fs::path(dir)) / place.invoked;
      if (fs::is_regular_file(candidate, ec) && ::access(candidate.c_str(), X_OK) == 0) {
        exe = candidate;
        break;
      }
    }
  }
  if (exe.empty()) return std::nullopt;
  exe = fs::canonical(exe, ec);  // links resolved, as /proc/self/exe gives them
  if (ec) return std::nullopt;
  return exe.parent_path();
}

std::filesystem::path executable_dir() {
  const ProgramPlace place = this_program();
  return program_dir(place).value_or(place.cwd);
}

DataSearch find_data_folder(const std::string& name, const ProgramPlace& place) {
  DataSearch search;
  std::error_code ec;
  (void)fs::read_symlink(place.self_link, ec);
  search.proc_read = !ec;
  const auto dir = program_dir(place);
  if (dir) {
    // The folder has its links resolved, so ".." may be dropped lexically.
    search.tried = {*dir / name, (*dir / ".." / "share" / "effleura" / name).lexically_normal()};
  } else {
    search.tried = {place.cwd / name};  // nothing says where the program is: the working folder
  }
  for (const auto& candidate : search.tried)
    if (fs::is_directory(candidate, ec)) {
      search.chosen = candidate;
      search.found = true;
      return search;
    }
  // Reported as missing when something is read from it: where an installed program (in a
  // bin/ folder) keeps its data, else next to the binary as in a build folder.
  search.chosen = dir && dir->filename() == "bin" ? search.tried[1] : search.tried[0];
  return search;
}

std::string describe_missing(const std::string& name, const std::string& flag, const DataSearch& search) {
  std::string places;
  for (std::size_t i = 0; i < search.tried.size(); ++i)
    places += (i == 0 ? "" : i + 1 == search.tried.size() ? " and " : ", ") + search.tried[i].string();
  std::string why;
  if (!search.proc_read)
    why = search.tried.size() == 1
              ? " /proc/self/exe could not be read (is /proc mounted?) and the program's name did not say "
                "where it is, so only the working folder was looked in."
              : " /proc/self/exe could not be read (is /proc mounted?), so the program's folder was found "
                "from the name it was started by.";
  return "no " + name + " folder found: looked in " + places + "." + why + " Effleura reads its " + name +
         " from a folder beside the program (a build folder) or from ../share/effleura/" + name +
         " seen from its bin folder (installed). Start it with " + flag + " DIR to name the folder.";
}

DataPaths resolve_data_paths(const Options& options) {
  DataPaths paths;
  if (options.content_dir && options.assets_dir) return {*options.content_dir, *options.assets_dir};
  const ProgramPlace place = this_program();
  auto pick = [&](const std::optional<fs::path>& given, const char* name, const char* flag, std::once_flag& told) {
    if (given) return *given;
    DataSearch search = find_data_folder(name, place);
    // Said once, before whatever fails to read from it names only the file it wanted.
    if (!search.found)
      std::call_once(told, [&] {
        std::fprintf(stderr, "effleura: %s\n", describe_missing(name, flag, search).c_str());
      });
    return search.chosen;
  };
  static std::once_flag content_told, assets_told;
  paths.content = pick(options.content_dir, "content", "--content", content_told);
  paths.assets = pick(options.assets_dir, "assets", "--assets", assets_told);
  return paths;
}

}  // namespace effleura::app
