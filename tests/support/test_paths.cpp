// The one test file compiled with the checkout's paths (see test_paths.hpp). Function-local
// statics: other files' globals (`const std::string kExe = EFFLEURA_EXE;`) may read them during
// static initialisation, before this file's own globals would be set.
#include "test_paths.hpp"

namespace effleura::test::paths {
const std::string& source_dir() {
  static const std::string s = EFFLEURA_TEST_SOURCE_DIR;
  return s;
}
const std::string& binary_dir() {
  static const std::string s = EFFLEURA_TEST_BINARY_DIR;
  return s;
}
const std::string& effleura_exe() {
  static const std::string s = EFFLEURA_TEST_EXE;
  return s;
}
const std::string& forge_exe() {
  static const std::string s = EFFLEURA_TEST_FORGE_EXE;
  return s;
}
}  // namespace effleura::test::paths
