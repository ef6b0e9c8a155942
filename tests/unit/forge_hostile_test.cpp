// The forge's description files with absurd coordinates: accepted before, they reached the
// mesher as volumes of absurd size.
#include "../support/test_paths.hpp"
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "forge/description.hpp"
#include "forge/gltf_writer.hpp"

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

TEST_CASE("the glb writer refuses a mesh without triangles, naming it, instead of crashing") {
  // A leg forged at 20 mm voxels lost a thin part and aborted in Assimp's exporter (session 20).
  forge::OutMesh solid;
  solid.name = "bone.solid";
  solid.positions = {{0, 0, 0}, {1, 0, 0}, {0, 1, 0}};
  solid.normals = {{0, 0, 1}, {0, 0, 1}, {0, 0, 1}};
  solid.indices = {0, 1, 2};
  forge::OutMesh empty;
  empty.name = "muscle.vanished";
  auto ok = forge::write_glb({solid});
  CHECK(ok.has_value());
  auto bad = forge::write_glb({solid, empty});
  REQUIRE_FALSE(bad.has_value());
  CHECK(bad.error().message.find("muscle.vanished") != std::string::npos);
}
