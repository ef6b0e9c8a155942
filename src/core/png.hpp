#pragma once
// The one PNG writer (stb_image_write). Core holds it so that both the render layer
// (screenshots, golden images) and the video encoder's --frames-dir writer use it; core may
// not include render.
#include <cstdint>
#include <filesystem>
#include <span>
#include <vector>

#include "core/error.hpp"

namespace effleura {

// PNG bytes of a tightly packed RGBA8 image, rows top first.
Expected<std::vector<std::uint8_t>> encode_png(std::span<const std::uint8_t> rgba, int width,
                                               int height);
// Encodes and writes with write_binary_file (atomic, refuses non-regular targets).
Expected<void> write_png_file(const std::filesystem::path& path,
                              std::span<const std::uint8_t> rgba, int width, int height);

}  // namespace effleura
