// The golden comparison itself: a failure names how many pixels changed and the box they lie
// in, and leaves the actual and difference images for a person to look at. No GL needed.
#include "../support/test_paths.hpp"
#include <doctest/doctest.h>

#include <filesystem>

#include "golden.hpp"

using namespace effleura;

TEST_CASE("a golden mismatch names the changed pixels' share and bounding box, and writes a difference image") {
  auto golden = render::read_png(std::filesystem::path(EFFLEURA_SOURCE_DIR) / "tests/render/golden/lathe-front.png");
  REQUIRE(golden.has_value());
  render::Image changed = *golden;
  // A 10x6 block at x 30..39, y 50..55 turned black; one more pixel off by only 5.
  for (int y = 50; y < 56; ++y)
    for (int x = 30; x < 40; ++x)
      for (int c = 0; c < 3; ++c) changed.rgba[(static_cast<std::size_t>(y) * changed.width + x) * 4 + c] = 0;
  changed.rgba[(static_cast<std::size_t>(5) * changed.width + 5) * 4] ^= 5;

  const test::GoldenDifference d = test::difference(*golden, changed, 8);
  CHECK(d.changed == 60);
  CHECK(d.box == glm::ivec4(30, 50, 10, 6));
  CHECK(d.share == doctest::Approx(60.0 / (golden->width * golden->height)));

  const std::string message = test::check_golden(changed, "lathe-front", {64, 0.1, 8, 0.0005});
  CHECK(message.find("60 pixels differ by more than 8") != std::string::npos);
  CHECK(message.find("within x 30..39, y 50..55") != std::string::npos);
  const auto diff = std::filesystem::path(EFFLEURA_BINARY_DIR) / "test-output" / "lathe-front.diff.png";
  REQUIRE(std::filesystem::exists(diff));
  auto visual = render::read_png(diff);
  REQUIRE(visual.has_value());
  const std::size_t inside = (static_cast<std::size_t>(52) * visual->width + 35) * 4;
  const std::size_t outside = (static_cast<std::size_t>(150) * visual->width + 300) * 4;
  CHECK(int(visual->rgba[inside]) == 255);      // changed: red
  CHECK(int(visual->rgba[inside + 1]) == 0);
  CHECK(int(visual->rgba[outside + 1]) > 200);  // unchanged: near white
  // Within the limits the same comparison passes.
  CHECK(test::check_golden(*golden, "lathe-front", {64, 0.1, 8, 0.0005}) == "");
}
