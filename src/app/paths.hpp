#pragma once
// Where content and assets live: flags win; otherwise next to the binary (build tree), then
// ../share/effleura (installed).
#include <filesystem>

#include "app/options.hpp"

namespace effleura::app {

struct DataPaths {
  std::filesystem::path content;
  std::filesystem::path assets;
};

DataPaths resolve_data_paths(const Options& options);
std::filesystem::path executable_dir();

}  // namespace effleura::app
