#pragma once
// Every test binary (and every effleura it starts) keeps the start-up cache under the build
// folder, never in the user's own cache: set before main() runs, inherited by child processes.
// Tests of the cache itself pass their own scratch folders.
#include "../support/test_paths.hpp"
#include <cstdlib>
#include <string>

namespace effleura::test {

[[maybe_unused]] static const bool kTestCacheHome = [] {
  const std::string dir = std::string(EFFLEURA_BINARY_DIR) + "/test-cache";
  return ::setenv("XDG_CACHE_HOME", dir.c_str(), 1) == 0;
}();

}  // namespace effleura::test
