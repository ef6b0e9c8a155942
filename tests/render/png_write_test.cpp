// Pictures are written through zlib's deflate (core/png.cpp), not stb's own: the same pixels
// must come back exactly, in a smaller file than stb's own deflate makes of them. No GL needed.
#include "../support/test_paths.hpp"
#include <doctest/doctest.h>

#include <cstdint>
#include <filesystem>
#include <vector>

#include "render/image.hpp"

// stb's writer with its own deflate, compiled privately here to compare against.
#define STB_IMAGE_WRITE_STATIC
#define STB_IMAGE_WRITE_IMPLEMENTATION
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wstringop-overflow"  // as in core/png.cpp: stb's buffer growth
#endif
#include <stb/stb_image_write.h>
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif

using namespace effleura;

TEST_CASE("a screenshot written as PNG reads back pixel for pixel, smaller than stb's own deflate makes it") {
  auto picture = render::read_png(std::filesystem::path(EFFLEURA_SOURCE_DIR) / "tests/render/golden/technique-effleurage-2s.png");
  REQUIRE(picture.has_value());
  const auto out = std::filesystem::path(EFFLEURA_BINARY_DIR) / "test-output" / "png-round-trip.png";
  std::filesystem::create_directories(out.parent_path());
  REQUIRE(render::write_png(*picture, out).has_value());
  auto back = render::read_png(out);
  REQUIRE(back.has_value());
  CHECK(back->width == picture->width);
  CHECK(back->height == picture->height);
  CHECK(back->rgba == picture->rgba);

  std::vector<std::uint8_t> stb_bytes;
  auto append = [](void* context, void* data, int size) {
    auto* dst = static_cast<std::vector<std::uint8_t>*>(context);
    dst->insert(dst->end(), static_cast<const std::uint8_t*>(data), static_cast<const std::uint8_t*>(data) + size);
  };
  REQUIRE(stbi_write_png_to_func(append, &stb_bytes, picture->width, picture->height, 4, picture->rgba.data(),
                                 picture->width * 4) != 0);
  // zlib at level 3 with the Sub filter: 0.77 of stb's size on this picture (a 1280x720 technique screenshot: 386 -> 314 KB).
  const double ratio = double(std::filesystem::file_size(out)) / double(stb_bytes.size());
  MESSAGE("zlib's file / stb's: " << ratio);
  CHECK(ratio < 0.85);  // stb itself: 1.0
}
