#pragma once
// RGBA8 images: PNG in and out (stb), and the comparison used by golden-image tests.
#include <cstdint>
#include <filesystem>
#include <vector>

#include "core/error.hpp"

namespace effleura::render {

struct Image {
  int width = 0;
  int height = 0;
  std::vector<std::uint8_t> rgba;  // rows top to bottom

  [[nodiscard]] bool empty() const { return width == 0 || height == 0; }
};

Expected<void> write_png(const Image& image, const std::filesystem::path& path);
Expected<Image> read_png(const std::filesystem::path& path);

struct ImageDifference {
  int max = 0;        // largest per-channel difference over all pixels (0-255)
  double mean = 0.0;  // mean per-channel difference over all pixels (0-255)
  Image visual;       // the difference, amplified, for a person to look at
};

// Fails if the sizes differ.
Expected<ImageDifference> compare_images(const Image& expected, const Image& actual);

}  // namespace effleura::render
