#include "core/png.hpp"

#include <zlib.h>

#include <cstdlib>
#include <string>

#include "core/files.hpp"

namespace {
// stb's own deflate searches hard and slowly, and stb tries all five row filters on every
// row: a 1280x720 screenshot spent 5-8 % of its process CPU there (perf, `--headless
// --screenshot`). zlib, which core links already for the start-up cache, at level 3 with
// every row filtered by its left neighbour (PNG's "Sub"), measured on a 1280x720 technique
// screenshot (A B A B, loaded machine): stb 90-98 ms and 386 KB, this 35-48 ms and 314 KB
// (the bare leg: 103 -> 30 ms, 199 -> 180 KB). Level 6 was a fifth smaller again but as slow
// as stb.
constexpr int kPngDeflateLevel = 3;
constexpr int kPngFilterSub = 1;

// stb frees the result with free().
unsigned char* zlib_deflate(unsigned char* data, int data_len, int* out_len, int /*stb's quality*/) {
  uLongf size = compressBound(static_cast<uLong>(data_len));
  auto* out = static_cast<unsigned char*>(std::malloc(size));
  if (!out) return nullptr;
  if (compress2(out, &size, data, static_cast<uLong>(data_len), kPngDeflateLevel) != Z_OK) {
    std::free(out);
    return nullptr;
  }
  *out_len = static_cast<int>(size);
  return out;
}
}  // namespace

// The stb implementation is compiled here with static linkage: core must not depend on the
// render layer (which links libstb), and static functions cannot clash with libstb's copies
// when both end up in the same program.
#define STBIW_ZLIB_COMPRESS zlib_deflate
#define STB_IMAGE_WRITE_STATIC
#define STB_IMAGE_WRITE_IMPLEMENTATION
// GCC 12 under ASan without use-after-scope checks (cmake/Warnings.cmake) misreads stb's
// growing buffer (stbiw__sbpush) as a write past a zero-size region; the warning is in stb's
// code, not ours, so it is silenced for this header only.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wstringop-overflow"
#endif
#include <stb/stb_image_write.h>
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif

namespace {
// One filter for every row (set once, before main, so no two threads ever write it).
[[maybe_unused]] const bool kFilterChosen = (stbi_write_force_png_filter = kPngFilterSub, true);
}  // namespace

namespace effleura {

Expected<std::vector<std::uint8_t>> encode_png(std::span<const std::uint8_t> rgba, int width,
                                               int height) {
  // 16384 is the largest size a GL target here can have; the limit keeps width*4 in an int.
  if (width <= 0 || height <= 0 || width > 16384 || height > 16384)
    return fail("image size must be between 1x1 and 16384x16384 pixels");
  const std::size_t expected = static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 4u;
  if (rgba.size() != expected)
    return fail("image has " + std::to_string(rgba.size()) + " bytes; expected " +
                std::to_string(expected) + " (" + std::to_string(width) + "x" +
                std::to_string(height) + " RGBA)");
  std::vector<std::uint8_t> png;
  auto append = [](void* context, void* data, int size) {
    auto* dst = static_cast<std::vector<std::uint8_t>*>(context);
    const auto* bytes = static_cast<const std::uint8_t*>(data);
    dst->insert(dst->end(), bytes, bytes + size);
  };
  if (!stbi_write_png_to_func(append, &png, width, height, 4, rgba.data(), width * 4))
    return fail("PNG encoding failed");
  return png;
}

Expected<void> write_png_file(const std::filesystem::path& path,
                              std::span<const std::uint8_t> rgba, int width, int height) {
  auto png = encode_png(rgba, width, height);
  if (!png) {
    Error e = png.error();
    e.file = path.string();
    return std::unexpected(e);
  }
  return write_binary_file(path, png->data(), png->size());
}

}  // namespace effleura
