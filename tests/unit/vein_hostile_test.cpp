// veins.toml values that were accepted silently: a number as an inlet, and points that are
// not finite.
#include <doctest/doctest.h>

#include <string>

#include "anatomy/vein_network.hpp"

using namespace effleura;

namespace {
const std::string kCfv =
    "[[vein]]\nid = \"cfv\"\nkind = \"deep\"\noutflow = \"central\"\nradius_mm = 5\n"
    "points = [[0, 0.8, 0], [0, 0.9, 0]]\n";
}

TEST_CASE("inlet = 42 is refused: an inlet names a vein") {
  auto r = anatomy::parse_vein_network(kCfv + "inlet = 42\n", "v.toml");
  REQUIRE_FALSE(r.has_value());
  CHECK(r.error().key == "vein[0].inlet");
  CHECK(r.error().line == 7);
  CHECK(r.error().message.find("expected a string") != std::string::npos);
}

TEST_CASE("inf and nan centreline points are refused with their line") {
  for (const char* bad : {"inf", "nan", "-inf", "1e300"}) {
    auto r = anatomy::parse_vein_network(
        "[[vein]]\nid = \"cfv\"\nkind = \"deep\"\noutflow = \"central\"\nradius_mm = 5\n"
        "points = [[0, 0.8, 0], [0, " + std::string(bad) + ", 0]]\n", "v.toml");
    REQUIRE_FALSE_MESSAGE(r.has_value(), bad);
    CHECK(r.error().line == 6);
    CHECK(r.error().message.find("within +-3 m") != std::string::npos);
  }
}
