#include "app/record_runner_codec.hpp"

#include <sys/stat.h>

#include <cstdint>
#include <span>

#include "core/cache_file.hpp"
#include "core/video_encoder.hpp"

namespace effleura::app {
namespace {

constexpr std::uint32_t kCodecCacheVersion = 1;

// Nothing when the program cannot be looked at (then nothing is cached for it).
std::optional<CacheKey> key_for(const std::filesystem::path& ffmpeg) {
  struct stat st {};
  if (::stat(ffmpeg.c_str(), &st) != 0) return std::nullopt;
  CacheKey key("video-codec", kCodecCacheVersion);
  const std::int64_t facts[] = {static_cast<std::int64_t>(st.st_size), static_cast<std::int64_t>(st.st_mtim.tv_sec),
                                static_cast<std::int64_t>(st.st_mtim.tv_nsec), static_cast<std::int64_t>(st.st_ino)};
  key.add(ffmpeg.string());
  key.add(std::span(reinterpret_cast<const std::uint8_t*>(facts), sizeof facts));
  return key;
}

}  // namespace

std::optional<std::string> cached_video_codec(const std::filesystem::path& ffmpeg,
                                              const std::optional<std::filesystem::path>& cache_dir) {
  if (!cache_dir) return std::nullopt;
  const auto key = key_for(ffmpeg);
  if (!key) return std::nullopt;
  const auto stored = read_cache(*cache_dir, *key);
  if (!stored) return std::nullopt;
  std::string codec(stored->begin(), stored->end());
  if (!is_video_codec(codec)) return std::nullopt;
  return codec;
}

void store_video_codec(const std::filesystem::path& ffmpeg, const std::string& codec,
                       const std::optional<std::filesystem::path>& cache_dir) {
  // Only the answer found: the encoder also falls back to mpeg4 when the question itself failed.
  if (!cache_dir || codec != "libx264") return;
  const auto key = key_for(ffmpeg);
  if (!key) return;
  (void)write_cache(*cache_dir, *key, std::span(reinterpret_cast<const std::uint8_t*>(codec.data()), codec.size()));
}

}  // namespace effleura::app
