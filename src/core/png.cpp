#include "core/png.hpp"

#include <string>

#include "core/files.hpp"

// The stb implementation is compiled here with static linkage: core must not depend on the
// render layer (which links libstb), and static functions cannot clash with libstb's copies
// when both end up in the same program.
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
