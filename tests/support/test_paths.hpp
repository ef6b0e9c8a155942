#pragma once
// Where the tests find the source tree, the build tree and the built programs.
//
// These were compile definitions holding absolute paths, and an absolute path differs in every
// checkout, so ccache missed every test file in every worktree (a worktree's first build took
// 12-25 minutes on the 2-core machine, session 15). Now only test_paths.cpp carries the paths;
// every other test file compiles to the same object wherever it is checked out. The macros keep
// their old names and read as std::string: `EFFLEURA_SOURCE_DIR + "/content"`.
#include <string>

namespace effleura::test::paths {
const std::string& source_dir();  // the checkout's root
const std::string& binary_dir();  // the build folder's root
const std::string& effleura_exe();  // the built program
const std::string& forge_exe();  // the built effleura-forge; empty where it is not built
}  // namespace effleura::test::paths

#define EFFLEURA_SOURCE_DIR (::effleura::test::paths::source_dir())
#define EFFLEURA_BINARY_DIR (::effleura::test::paths::binary_dir())
#define EFFLEURA_EXE (::effleura::test::paths::effleura_exe())
#define EFFLEURA_FORGE_EXE (::effleura::test::paths::forge_exe())
