// Recording faults, with stand-in ffmpeg scripts where the fault is ffmpeg's: a full disk
// that ffmpeg reports with exit status 0, an encoder that stops reading, and output names
// ffmpeg would read as options. Each one reported success, hung or failed late before.
#include <doctest/doctest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "core/video_encoder.hpp"

using namespace effleura;
namespace fs = std::filesystem;

namespace {

fs::path fresh_dir(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() / ("effleura-hostile-" + name + "-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

// A stand-in for ffmpeg: answers "-encoders" with nothing (so mpeg4 is picked) and runs
// `body` for the encoding call, with the output name as its last argument.
std::string fake_ffmpeg(const fs::path& dir, const std::string& body) {
  const auto path = dir / "ffmpeg";
  std::ofstream(path) << "#!/bin/sh\nfor last; do :; done\ncase \"$2\" in -encoders) exit 0;; esac\n" << body << "\n";
  fs::permissions(path, fs::perms::owner_all);
  return path.string();
}

VideoSettings settings(const fs::path& output, const std::string& program) {
  VideoSettings s;
  s.output = output;
  s.width = 640;  // 1.2 MB a frame: more than the pipe holds, so a stalled reader blocks
  s.height = 480;
  s.program = program;
  return s;
}

bool no_child_left() {
  int status = 0;
  return ::waitpid(-1, &status, WNOHANG) == -1 && errno == ECHILD;
}

const std::vector<std::uint8_t> kFrame(640u * 480u * 4u, 128);

}  // namespace

TEST_CASE("a full disk that ffmpeg reports with exit status 0 fails the recording") {
  const auto dir = fresh_dir("full");
  // Writes half a file, says why on stderr, exits 0: what ffmpeg did on a full tmpfs.
  const auto program = fake_ffmpeg(dir, "cat >/dev/null\nprintf 'part' > \"${last#file:}\"\n"
                                        "echo 'av_interleaved_write_frame(): No space left on device' >&2\nexit 0");
  auto enc = VideoEncoder::start(settings(dir / "out.mp4", program));
  REQUIRE(enc.has_value());
  for (int i = 0; i < 3; ++i) REQUIRE(enc->write_frame(kFrame).has_value());
  auto done = enc->finish();
  REQUIRE_FALSE(done.has_value());
  CHECK(done.error().message.find("No space left on device") != std::string::npos);
  CHECK(no_child_left());
  fs::remove_all(dir);
}

TEST_CASE("an ffmpeg that exits 0 without writing the video fails the recording") {
  const auto dir = fresh_dir("nofile");
  auto enc = VideoEncoder::start(settings(dir / "out.mp4", fake_ffmpeg(dir, "cat >/dev/null\nexit 0")));
  REQUIRE(enc.has_value());
  REQUIRE(enc->write_frame(kFrame).has_value());
  auto done = enc->finish();
  REQUIRE_FALSE(done.has_value());
  CHECK(done.error().message.find("left no video file") != std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("a stalled encoder is stopped by the watchdog instead of blocking forever") {
  const auto dir = fresh_dir("stall");
  auto s = settings(dir / "out.mp4", fake_ffmpeg(dir, "exec sleep 600"));
  s.stall_seconds = 0.3;
  auto enc = VideoEncoder::start(s);
  REQUIRE(enc.has_value());
  Expected<void> written;
  for (int i = 0; i < 5 && written; ++i) written = enc->write_frame(kFrame);
  REQUIRE_FALSE(written.has_value());
  CHECK(written.error().message.find("took no data") != std::string::npos);
  CHECK_FALSE(enc->finish().has_value());
  CHECK(no_child_left());
  fs::remove_all(dir);
}

TEST_CASE("an output name starting with '-' reaches ffmpeg as a file, not an option") {
  const auto dir = fresh_dir("dash");
  const auto program = fake_ffmpeg(dir, "cat >/dev/null\nprintf '%s' \"$last\" > \"$(dirname \"$0\")/last-argument\"\n"
                                        "case \"$last\" in -*) exit 1;; esac\nprintf 'mp4' > \"${last#file:}\"");
  const auto cwd = fs::current_path();
  fs::current_path(dir);
  auto enc = VideoEncoder::start(settings("-y.mp4", program));
  REQUIRE(enc.has_value());
  REQUIRE(enc->write_frame(kFrame).has_value());
  auto done = enc->finish();
  fs::current_path(cwd);
  CHECK_MESSAGE(done.has_value(), (done ? std::string() : done.error().describe()));
  CHECK(fs::is_regular_file(dir / "-y.mp4"));
  fs::remove_all(dir);
}

TEST_CASE("a device as the video target is refused before ffmpeg starts") {
  auto enc = VideoEncoder::start(settings("/dev/full", "sh"));
  REQUIRE_FALSE(enc.has_value());
  CHECK(enc.error().message.find("not a regular file") != std::string::npos);
}
