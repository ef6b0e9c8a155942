#pragma once
// Which encoder this machine's ffmpeg has, kept in the start-up cache (core/cache_file.hpp), so a
// recording does not start ffmpeg twice: asking it (`ffmpeg -encoders`) cost ~0.25 s of CPU and
// ~0.9 s of wall a recording on the loaded 2-core machine, as much as encoding 15 frames.
// Keyed by ffmpeg's path, size and modification time: another or an updated ffmpeg asks again.
#include <filesystem>
#include <optional>
#include <string>

namespace effleura::app {

// "libx264" or "mpeg4" as stored for `ffmpeg`; nothing when no answer is stored, the entry is
// damaged or holds anything else, or there is no cache folder.
std::optional<std::string> cached_video_codec(const std::filesystem::path& ffmpeg,
                                              const std::optional<std::filesystem::path>& cache_dir);

// Stores `codec` for `ffmpeg` when it is "libx264" (mpeg4 is also what the encoder falls back to
// when asking ffmpeg failed, so it is asked again next time); a read-only folder only loses the saving.
void store_video_codec(const std::filesystem::path& ffmpeg, const std::string& codec,
                       const std::optional<std::filesystem::path>& cache_dir);

}  // namespace effleura::app
