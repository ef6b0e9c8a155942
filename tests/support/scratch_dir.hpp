#pragma once
// Per-process scratch folders in the build folder, removed when the test process ends.
// In the build folder, not /tmp: two checkouts running their tests at once shared /tmp files and
// read each other's output (seen as a flaky failure). Per process: ctest runs each test case as
// its own process, two at a time, and cases of one file share names here. Removed at exit:
// without that, every ctest run left one folder per case process (hundreds after a few runs).
// A process that crashes keeps its folder, so its files can still be read.
#include "../support/test_paths.hpp"
#include <filesystem>
#include <set>
#include <string>
#include <system_error>

#include <unistd.h>

namespace effleura::test {

struct ScratchSweeper {
  std::set<std::filesystem::path> dirs;
  ScratchSweeper() = default;
  ScratchSweeper(const ScratchSweeper&) = delete;
  ScratchSweeper& operator=(const ScratchSweeper&) = delete;
  ~ScratchSweeper() {
    std::error_code ec;
    for (const auto& d : dirs) {
      std::filesystem::permissions(d, std::filesystem::perms::owner_all, ec);
      std::filesystem::remove_all(d, ec);
    }
  }
};

// One sweeper per process (an inline function's static is one object across translation units).
inline ScratchSweeper& scratch_sweeper() {
  static ScratchSweeper s;
  return s;
}

// The build folder's test-scratch/NAME-PID, made if missing, removed when this process exits.
inline std::filesystem::path temp_dir(const char* name) {
  auto dir = std::filesystem::path(EFFLEURA_BINARY_DIR) / "test-scratch" / (std::string(name) + "-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  scratch_sweeper().dirs.insert(dir);
  return dir;
}

}  // namespace effleura::test
