// The tests' per-process scratch folders go away when the test process ends (each ctest case is
// a process: without this, every run left a folder per case in build/test-scratch).
#include <doctest/doctest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include <sys/wait.h>
#include <unistd.h>

#include "../support/scratch_dir.hpp"

namespace fs = std::filesystem;

TEST_CASE("core: a test's per-process scratch folder is removed when its process exits") {
  const fs::path root = fs::path(EFFLEURA_BINARY_DIR) / "test-scratch";
  std::fflush(nullptr);  // else the child's exit prints the parent's buffered output again
  const pid_t child = ::fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    // The child makes its folder twice (a second call is the same folder), writes a file in a
    // sub-folder, and exits normally: the static sweeper's destructor runs then.
    const fs::path dir = effleura::test::temp_dir("sweep-probe");
    const fs::path again = effleura::test::temp_dir("sweep-probe");
    fs::create_directories(dir / "sub");
    std::ofstream(dir / "sub" / "file.txt") << "x";
    std::exit(dir == again && fs::exists(dir / "sub" / "file.txt") ? 0 : 3);
  }
  int status = 0;
  REQUIRE(::waitpid(child, &status, 0) == child);
  REQUIRE(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
  CHECK_FALSE(fs::exists(root / ("sweep-probe-" + std::to_string(child))));
}

TEST_CASE("core: a scratch folder stays while its process runs") {
  const fs::path dir = effleura::test::temp_dir("sweep-alive");
  std::ofstream(dir / "file.txt") << "x";
  CHECK(fs::exists(dir / "file.txt"));
  CHECK(dir.filename().string() == "sweep-alive-" + std::to_string(::getpid()));
}
