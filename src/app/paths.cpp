#include "app/paths.hpp"

#include <system_error>

namespace effleura::app {

std::filesystem::path executable_dir() {
  std::error_code ec;
  auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (ec) return std::filesystem::current_path(ec);
  return exe.parent_path();
}

namespace {
std::filesystem::path find_default(const char* name) {
  const auto dir = executable_dir();
  std::error_code ec;
  // dir comes from /proc/self/exe with links resolved, so ".." may be dropped lexically.
  const auto installed = (dir / ".." / "share" / "effleura" / name).lexically_normal();
  for (const auto& candidate : {dir / name, installed})
    if (std::filesystem::is_directory(candidate, ec)) return candidate;
  // Reported as missing when something is read from it: where an installed program (in a
  // bin/ folder) keeps its data, else next to the binary as in a build folder.
  return dir.filename() == "bin" ? installed : dir / name;
}
}  // namespace

DataPaths resolve_data_paths(const Options& options) {
  return {options.content_dir ? *options.content_dir : find_default("content"),
          options.assets_dir ? *options.assets_dir : find_default("assets")};
}

}  // namespace effleura::app
