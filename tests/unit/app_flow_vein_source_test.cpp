// app::VeinSource: the Blood flow panel's worker lets the start-up cache answer only for the
// network veins.toml holds now, and parses the file only when its bytes changed since it last
// asked (before, it read and parsed the file on every request).
#include "../support/test_paths.hpp"
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "app/flow_vein_source.hpp"
#include "core/files.hpp"
#include "../support/temp_dir.hpp"

using namespace effleura;

namespace {

const std::filesystem::path kVeins = std::filesystem::path(EFFLEURA_SOURCE_DIR) / "content" / "anatomy" / "veins.toml";

void write(const std::filesystem::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
}

}  // namespace

TEST_CASE("the vein file is parsed again only when its bytes change, and an edited file no longer holds the network") {
  test::TempDir dir("vein-source");
  const auto file = dir.path / "veins.toml";
  auto text = read_text_file(kVeins);
  REQUIRE(text.has_value());
  write(file, *text);
  auto network = anatomy::load_vein_network(file);
  REQUIRE(network.has_value());

  app::VeinSource source(file);
  CHECK(source.holds(*network));
  CHECK(source.holds(*network));
  CHECK(source.parses() == 1);  // the same bytes: the network parsed the first time is compared

  // A reloaded window keeps its last good network while the file says another leg: the cache,
  // keyed by the file's bytes, must not answer for it.
  const std::string from = "leak_fraction = 1.0e-5";
  const auto at = text->find(from);
  REQUIRE(at != std::string::npos);
  std::string edited = *text;
  edited.replace(at, from.size(), "leak_fraction = 2.0e-5");
  write(file, edited);
  CHECK_FALSE(source.holds(*network));
  CHECK(source.parses() == 2);
  auto reloaded = anatomy::load_vein_network(file);
  REQUIRE(reloaded.has_value());
  CHECK(source.holds(*reloaded));
  CHECK(source.parses() == 2);

  // A file that no longer parses, or is gone, holds no network.
  write(file, edited + "\n[broken\n");
  CHECK_FALSE(source.holds(*reloaded));
  std::filesystem::remove(file);
  CHECK_FALSE(source.holds(*reloaded));
}
