#include "render/image.hpp"

#include <stb_image.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "core/files.hpp"
#include "core/png.hpp"

namespace effleura::render {

Expected<void> write_png(const Image& image, const std::filesystem::path& path) {
  if (image.empty()) return fail("nothing to write: the image is empty", path.string());
  return write_png_file(path, image.rgba, image.width, image.height);
}

Expected<Image> read_png(const std::filesystem::path& path) {
  auto bytes = read_binary_file(path, std::uintmax_t{256} << 20);
  if (!bytes) return std::unexpected(bytes.error());
  int w = 0, h = 0, channels = 0;
  // The header is read first so a tiny file claiming a huge image is refused before decoding.
  if (bytes->size() > std::size_t{INT32_MAX} ||
      !stbi_info_from_memory(bytes->data(), static_cast<int>(bytes->size()), &w, &h, &channels))
    return fail("not a readable image", path.string());
  if (w > 16384 || h > 16384)
    return fail("image is " + std::to_string(w) + "x" + std::to_string(h) +
                    " pixels; at most 16384x16384 is read",
                path.string());
  unsigned char* pixels = stbi_load_from_memory(bytes->data(), static_cast<int>(bytes->size()), &w,
                                                &h, &channels, 4);
  if (!pixels) return fail(std::string("not a readable image (") + stbi_failure_reason() + ")", path.string());
  Image image{w, h, std::vector<std::uint8_t>(pixels, pixels + static_cast<std::size_t>(w) * h * 4)};
  stbi_image_free(pixels);
  return image;
}

Expected<ImageDifference> compare_images(const Image& expected, const Image& actual) {
  if (expected.width != actual.width || expected.height != actual.height)
    return fail("image sizes differ: expected " + std::to_string(expected.width) + "x" +
                std::to_string(expected.height) + ", got " + std::to_string(actual.width) + "x" +
                std::to_string(actual.height));
  ImageDifference d;
  d.visual = Image{actual.width, actual.height, std::vector<std::uint8_t>(actual.rgba.size(), 255)};
  double sum = 0.0;
  std::size_t channels = 0;
  for (std::size_t i = 0; i < actual.rgba.size(); i += 4) {
    int pixel_max = 0;
    for (std::size_t c = 0; c < 3; ++c) {  // alpha is always opaque in our renders
      const int diff = std::abs(int(expected.rgba[i + c]) - int(actual.rgba[i + c]));
      pixel_max = std::max(pixel_max, diff);
      sum += diff;
      ++channels;
    }
    d.max = std::max(d.max, pixel_max);
    // Differences shown in red, amplified 4x so small drifts are visible to the eye.
    const auto shown = static_cast<std::uint8_t>(std::min(255, pixel_max * 4));
    d.visual.rgba[i] = shown;
    d.visual.rgba[i + 1] = static_cast<std::uint8_t>(shown / 4);
    d.visual.rgba[i + 2] = static_cast<std::uint8_t>(shown / 4);
  }
  d.mean = channels ? sum / static_cast<double>(channels) : 0.0;
  return d;
}

}  // namespace effleura::render
