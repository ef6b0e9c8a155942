#pragma once
// Reading and writing whole files safely, with the reason in the error when that fails.
// Reads open without blocking and accept only regular files, so a FIFO, a device such as
// /dev/zero or a folder given where a file belongs is refused at once with one line naming
// it, instead of hanging or filling memory. Every read has a size cap.
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "core/error.hpp"

namespace effleura {

// Content files (TOML) are a few kilobytes; 16 MiB leaves room for any hand-written lesson.
inline constexpr std::uintmax_t kMaxTextFileBytes = std::uintmax_t{16} << 20;
// The leg model is about 6 MB; 512 MiB is far above any model Effleura can draw.
inline constexpr std::uintmax_t kMaxBinaryFileBytes = std::uintmax_t{512} << 20;

Expected<std::string> read_text_file(const std::filesystem::path& path,
                                     std::uintmax_t max_bytes = kMaxTextFileBytes);
Expected<std::vector<std::uint8_t>> read_binary_file(const std::filesystem::path& path,
                                                     std::uintmax_t max_bytes = kMaxBinaryFileBytes);
// Succeeds for an existing regular file of at most max_bytes; the error says what it is
// instead (missing, a folder, a pipe or device, too large). Never blocks.
Expected<std::uintmax_t> check_regular_file(const std::filesystem::path& path,
                                            std::uintmax_t max_bytes);
// Writes atomically: a new temp file beside the target (created exclusively, so a planted
// symlink is never followed), then a rename, so a crash never leaves half a file behind and a
// failed write leaves no temp file. A target that exists and is not a regular file (a device
// such as /dev/full, a FIFO, a folder) is refused rather than replaced.
Expected<void> write_binary_file(const std::filesystem::path& path, const void* data,
                                 std::size_t size);

}  // namespace effleura
