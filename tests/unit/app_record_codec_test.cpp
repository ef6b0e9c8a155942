// Which encoder this ffmpeg has, kept in the start-up cache (app/record_runner_codec.hpp): read
// back for the same program, asked again for an updated one, never an answer of another kind.
#include <doctest/doctest.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <time.h>

#include <fstream>

#include "../support/temp_dir.hpp"
#include "app/record_runner_codec.hpp"
#include "core/cache_file.hpp"

using namespace effleura;

namespace {

void write_file(const std::filesystem::path& p, const std::string& text) {
  std::ofstream(p, std::ios::binary | std::ios::trunc) << text;
}

}  // namespace

TEST_CASE("the encoder ffmpeg has is kept per program: read back, asked again when the program changes") {
  const test::TempDir dir("effleura-codec");
  const std::filesystem::path cache = dir.path / "cache", ffmpeg = dir.path / "ffmpeg";
  write_file(ffmpeg, "#!/bin/sh\nexit 0\n");
  CHECK_FALSE(app::cached_video_codec(ffmpeg, cache));  // nothing stored yet
  app::store_video_codec(ffmpeg, "libx264", cache);
  CHECK(app::cached_video_codec(ffmpeg, cache) == std::optional<std::string>("libx264"));
  // No cache folder: never an answer.
  CHECK_FALSE(app::cached_video_codec(ffmpeg, std::nullopt));
  // mpeg4 is also the fallback when asking failed: not stored, asked again.
  const std::filesystem::path other = dir.path / "other-ffmpeg";
  write_file(other, "#!/bin/sh\nexit 1\n");
  app::store_video_codec(other, "mpeg4", cache);
  CHECK_FALSE(app::cached_video_codec(other, cache));
  // An updated program (new bytes, new time) is asked again.
  write_file(ffmpeg, "#!/bin/sh\nexit 0\n# a new build\n");
  const timespec times[2] = {{0, UTIME_NOW}, {1, 0}};  // modified at another time, whatever the clock
  REQUIRE(::utimensat(AT_FDCWD, ffmpeg.c_str(), times, 0) == 0);
  CHECK_FALSE(app::cached_video_codec(ffmpeg, cache));
  // A program that is not there has no answer.
  CHECK_FALSE(app::cached_video_codec(dir.path / "missing", cache));
}

TEST_CASE("a stored answer of any other kind is not trusted") {
  const test::TempDir dir("effleura-codec");
  const std::filesystem::path cache = dir.path / "cache", ffmpeg = dir.path / "ffmpeg";
  write_file(ffmpeg, "#!/bin/sh\nexit 0\n");
  app::store_video_codec(ffmpeg, "libx264", cache);
  REQUIRE(app::cached_video_codec(ffmpeg, cache));
  // The entry's payload replaced by another encoder's name, written as the cache writes it.
  std::filesystem::path entry;
  for (const auto& e : std::filesystem::directory_iterator(cache)) entry = e.path();
  REQUIRE_FALSE(entry.empty());
  std::ifstream in(entry, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  in.close();
  const std::size_t at = bytes.rfind("libx264");
  REQUIRE(at != std::string::npos);
  bytes.replace(at, 7, "libevil");
  write_file(entry, bytes);  // the checksums no longer fit either
  CHECK_FALSE(app::cached_video_codec(ffmpeg, cache));
}
