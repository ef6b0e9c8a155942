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
  for (const auto& candidate : {dir / name, dir / ".." / "share" / "effleura" / name})
    if (std::filesystem::is_directory(candidate, ec)) return candidate;
  return dir / name;  // reported as missing when something is read from it
}
}  // namespace

DataPaths resolve_data_paths(const Options& options) {
  return {options.content_dir ? *options.content_dir : find_default("content"),
          options.assets_dir ? *options.assets_dir : find_default("assets")};
}

}  // namespace effleura::app
