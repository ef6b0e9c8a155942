#pragma once
// Reading whole files, with the reason in the error when that fails.
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "core/error.hpp"

namespace effleura {

Expected<std::string> read_text_file(const std::filesystem::path& path);
Expected<std::vector<std::uint8_t>> read_binary_file(const std::filesystem::path& path);
// Writes atomically (temp file then rename) so a crash never leaves half a file behind.
Expected<void> write_binary_file(const std::filesystem::path& path, const void* data,
                                 std::size_t size);

}  // namespace effleura
