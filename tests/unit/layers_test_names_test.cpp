// ctest runs each doctest case as its own entry, named after the case (tests/CMakeLists.txt).
// CMake reads a ';' in a name as a list separator, so a case named "a; b" became two entries,
// "a" and " b", each matching no case and passing without running anything: 34 cases ran only
// when a test binary was started by hand. This test names any case that would vanish so.
#include "../support/test_paths.hpp"
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

TEST_CASE("no test case name holds a semicolon, which would make ctest run nothing for it") {
  namespace fs = std::filesystem;
  std::vector<std::string> bad;
  int cases = 0;
  for (const auto& entry : fs::recursive_directory_iterator(fs::path(EFFLEURA_SOURCE_DIR) / "tests")) {
    if (entry.path().extension() != ".cpp") continue;
    std::ifstream in(entry.path());
    std::stringstream text;
    text << in.rdbuf();
    const std::string s = text.str();
    // A case's name runs from the quote after the macro to the next unescaped quote. (No
    // std::regex: GCC 12 warns inside <regex> at -O1, which the sanitized build uses for test
    // files. The macro's name is assembled so this file's own code is not read as a case.)
    const std::string macro = std::string("TEST_") + "CASE(";
    for (std::size_t at = s.find(macro); at != std::string::npos; at = s.find(macro, at + 1)) {
      std::size_t open = s.find_first_not_of(" \t\n", at + macro.size());
      if (open == std::string::npos || s[open] != '"') continue;
      std::string n;
      for (std::size_t i = open + 1; i < s.size() && s[i] != '"'; ++i) {
        if (s[i] == '\\' && i + 1 < s.size()) ++i;
        n += s[i];
      }
      ++cases;
      if (n.find(';') != std::string::npos) bad.push_back(entry.path().filename().string() + ": " + n);
    }
  }
  CHECK(cases > 300);  // the scan found the suite's cases
  for (const auto& b : bad) FAIL_CHECK(b);
  CHECK(bad.empty());
}
