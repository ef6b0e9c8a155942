// The forge's description files with absurd coordinates: accepted before, they reached the
// mesher as volumes of absurd size.
#include "../support/test_paths.hpp"
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "forge/description.hpp"

using namespace effleura;
namespace fs = std::filesystem;

TEST_CASE("a point of -9.2e18 or inf in a description is refused with its line") {
  for (const char* bad : {"-9.2e18", "inf", "nan"}) {
    const auto dir = fs::path(EFFLEURA_BINARY_DIR) / "test-scratch" / "forge-hostile";
    fs::remove_all(dir);
    fs::create_directories(dir.parent_path());
    fs::copy(EFFLEURA_SOURCE_DIR + "/content", dir, fs::copy_options::recursive);
    const auto file = dir / "anatomy" / "bones.toml";
    std::stringstream ss;
    ss << std::ifstream(file).rdbuf();
    std::string text = ss.str();
    const std::string from = "[-0.035, 0.055, 0.03, 0.012]";
    const auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    text.replace(at, from.size(), std::string("[") + bad + ", 0.055, 0.03, 0.012]");
    std::ofstream(file) << text;
    auto d = forge::load_description(dir / "anatomy");
    REQUIRE_FALSE_MESSAGE(d.has_value(), bad);
    CHECK(d.error().file == file.string());
    CHECK(d.error().line > 0);
    CHECK(d.error().message.find("within +-3 m") != std::string::npos);
    fs::remove_all(dir);
  }
}
