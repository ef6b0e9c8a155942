// ctest runs each doctest case as its own entry, named after the case (tests/CMakeLists.txt).
// CMake reads a ';' in a name as a list separator, so a case named "a; b" became two entries,
// "a" and " b", each matching no case and passing without running anything: 34 cases ran only
// when a test binary was started by hand. This test names any case that would vanish so.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

TEST_CASE("no test case name holds a semicolon, which would make ctest run nothing for it") {
  namespace fs = std::filesystem;
  const std::regex name(R"re(TEST_CASE\s*\(\s*"((?:[^"\\]|\\.)*)")re");
  std::vector<std::string> bad;
  int cases = 0;
  for (const auto& entry : fs::recursive_directory_iterator(fs::path(EFFLEURA_SOURCE_DIR) / "tests")) {
    if (entry.path().extension() != ".cpp") continue;
    std::ifstream in(entry.path());
    std::stringstream text;
    text << in.rdbuf();
    const std::string s = text.str();
    for (std::sregex_iterator m(s.begin(), s.end(), name), end; m != end; ++m) {
      ++cases;
      if ((*m)[1].str().find(';') != std::string::npos)
        bad.push_back(entry.path().filename().string() + ": " + (*m)[1].str());
    }
  }
  CHECK(cases > 300);  // the scan found the suite's cases
  for (const auto& b : bad) FAIL_CHECK(b);
  CHECK(bad.empty());
}
