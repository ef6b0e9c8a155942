#include <doctest/doctest.h>

#include <sys/wait.h>

#include <cerrno>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "core/files.hpp"
#include "core/video_encoder.hpp"

using namespace effleura;
namespace fs = std::filesystem;

namespace {

fs::path fresh_dir(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() / ("effleura-test-" + name + "-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

// A moving gradient, so every frame differs (an encoder cannot collapse them).
std::vector<std::uint8_t> synthetic_frame(int w, int h, int index) {
  std::vector<std::uint8_t> rgba(static_cast<std::size_t>(w * h * 4));
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) {
      auto* p = &rgba[static_cast<std::size_t>((y * w + x) * 4)];
      p[0] = static_cast<std::uint8_t>((x + index * 3) & 0xff);
      p[1] = static_cast<std::uint8_t>((y * 2) & 0xff);
      p[2] = static_cast<std::uint8_t>((index * 8) & 0xff);
      p[3] = 255;
    }
  return rgba;
}

std::map<std::string, std::string> probe(const fs::path& file) {
  const std::string cmd = "ffprobe -v error -count_frames -select_streams v:0 -show_entries "
                          "stream=width,height,nb_read_frames,codec_name -of default=noprint_wrappers=1 '" +
                          file.string() + "'";
  std::map<std::string, std::string> out;
  FILE* p = ::popen(cmd.c_str(), "r");
  if (!p) return out;
  char line[256];
  while (std::fgets(line, sizeof line, p)) {
    std::string s(line);
    while (!s.empty() && (s.back() == '\n' || s.back() == '\r')) s.pop_back();
    const auto eq = s.find('=');
    if (eq != std::string::npos) out[s.substr(0, eq)] = s.substr(eq + 1);
  }
  ::pclose(p);
  return out;
}

bool no_child_left() {
  int status = 0;
  return ::waitpid(-1, &status, WNOHANG) == -1 && errno == ECHILD;
}

}  // namespace

TEST_CASE("find_program looks on PATH and accepts explicit paths") {
  CHECK_FALSE(find_program("effleura-surely-no-such-program").has_value());
  CHECK_FALSE(find_program("/nonexistent/ffmpeg").has_value());
  auto sh = find_program("sh");
  REQUIRE(sh.has_value());
  CHECK(sh->filename() == "sh");
  CHECK(find_program(sh->string()).has_value());
}

TEST_CASE("a missing ffmpeg gives the install-or-frames-dir message") {
  const fs::path dir = fresh_dir("nofff");
  VideoSettings s;
  s.output = dir / "out.mp4";
  s.width = 160;
  s.height = 120;
  s.program = "effleura-surely-no-such-ffmpeg";
  auto enc = VideoEncoder::start(s);
  REQUIRE_FALSE(enc.has_value());
  CHECK(enc.error().message.find("ffmpeg is not installed") == 0);
  CHECK(enc.error().message.find("Debian package ffmpeg") != std::string::npos);
  CHECK(enc.error().message.find("--frames-dir DIR") != std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("bad video settings are refused before ffmpeg starts") {
  VideoSettings s;
  s.output = fs::temp_directory_path() / "odd.mp4";
  s.width = 161;
  s.height = 120;
  auto odd = VideoEncoder::start(s);
  REQUIRE_FALSE(odd.has_value());
  CHECK(odd.error().message.find("even") != std::string::npos);
  s.width = 160;
  s.fps = 0.0;
  CHECK_FALSE(VideoEncoder::start(s).has_value());
  s.fps = 30.0;
  s.output = "/nonexistent/effleura/dir/out.mp4";
  auto nodir = VideoEncoder::start(s);
  REQUIRE_FALSE(nodir.has_value());
  CHECK(nodir.error().message.find("does not exist") != std::string::npos);
}

TEST_CASE("encoding 2 s at 30 fps gives an MP4 of 60 frames of 160x120") {
  if (!find_program("ffmpeg") || !find_program("ffprobe")) {
    MESSAGE("ffmpeg/ffprobe not on PATH: encoding test skipped (the missing-ffmpeg test still runs)");
    return;
  }
  const fs::path dir = fresh_dir("enc");
  VideoSettings s;
  s.output = dir / "two-seconds.mp4";
  s.width = 160;
  s.height = 120;
  s.fps = 30.0;
  auto enc = VideoEncoder::start(s);
  REQUIRE_MESSAGE(enc.has_value(), enc.error().describe());
  CHECK((enc->codec() == "libx264" || enc->codec() == "mpeg4"));
  for (int i = 0; i < 60; ++i) REQUIRE(enc->write_frame(synthetic_frame(160, 120, i)).has_value());
  // A frame of the wrong size is refused without disturbing the stream.
  CHECK_FALSE(enc->write_frame(std::vector<std::uint8_t>(100)).has_value());
  auto done = enc->finish();
  REQUIRE_MESSAGE(done.has_value(), done.error().describe());
  CHECK(enc->frames_written() == 60);
  CHECK_FALSE(enc->write_frame(synthetic_frame(160, 120, 0)).has_value());  // finished
  auto info = probe(s.output);
  CHECK(info["width"] == "160");
  CHECK(info["height"] == "120");
  CHECK(info["nb_read_frames"] == "60");
  CHECK(info["codec_name"] == (enc->codec() == "libx264" ? "h264" : "mpeg4"));
  fs::remove_all(dir);
  CHECK(no_child_left());
}

TEST_CASE("when ffmpeg fails, the error quotes it and no SIGPIPE or zombie is left") {
  if (!find_program("ffmpeg")) return;
  const fs::path dir = fresh_dir("fail");
  VideoSettings s;
  // ffmpeg cannot guess a container from this extension, so it exits straight away.
  s.output = dir / "out.not-a-container";
  s.width = 320;
  s.height = 240;
  auto enc = VideoEncoder::start(s);
  REQUIRE(enc.has_value());
  bool write_failed = false;
  // Enough frames to fill any pipe buffer: the writes must hit the closed pipe (EPIPE).
  for (int i = 0; i < 200 && !write_failed; ++i)
    write_failed = !enc->write_frame(synthetic_frame(320, 240, i)).has_value();
  CHECK(write_failed);
  auto done = enc->finish();
  REQUIRE_FALSE(done.has_value());
  CHECK(done.error().message.find("ffmpeg") != std::string::npos);
  // ffmpeg's own words about the output name are quoted.
  CHECK(done.error().message.find("not-a-container") != std::string::npos);
  CHECK(no_child_left());
  fs::remove_all(dir);
}

TEST_CASE("an encoder dropped without finish() reaps ffmpeg") {
  if (!find_program("ffmpeg")) return;
  const fs::path dir = fresh_dir("drop");
  {
    VideoSettings s;
    s.output = dir / "dropped.mp4";
    s.width = 64;
    s.height = 64;
    auto enc = VideoEncoder::start(s);
    REQUIRE(enc.has_value());
    VideoEncoder moved = std::move(*enc);  // the moved-from one must not reap twice
    REQUIRE(moved.write_frame(synthetic_frame(64, 64, 0)).has_value());
  }
  CHECK(no_child_left());
  fs::remove_all(dir);
}

TEST_CASE("FrameSequenceWriter writes numbered PNGs of the right size") {
  const fs::path dir = fresh_dir("frames") / "nested";
  auto w = FrameSequenceWriter::open(dir, 20, 10);
  REQUIRE(w.has_value());
  for (int i = 0; i < 3; ++i) REQUIRE(w->write_frame(synthetic_frame(20, 10, i)).has_value());
  CHECK(w->frames_written() == 3);
  CHECK_FALSE(w->write_frame(std::vector<std::uint8_t>(7)).has_value());
  for (int i = 0; i < 3; ++i) {
    char name[32];
    std::snprintf(name, sizeof name, "frame_%06d.png", i);
    const fs::path p = dir / name;
    REQUIRE(fs::exists(p));
    auto bytes = read_binary_file(p);
    REQUIRE(bytes.has_value());
    REQUIRE(bytes->size() > 33);
    // PNG signature, then the IHDR chunk: width and height as big-endian 32-bit numbers.
    const std::uint8_t sig[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    CHECK(std::equal(sig, sig + 8, bytes->begin()));
    auto be32 = [&](std::size_t at) {
      return ((*bytes)[at] << 24) | ((*bytes)[at + 1] << 16) | ((*bytes)[at + 2] << 8) | (*bytes)[at + 3];
    };
    CHECK(be32(16) == 20);
    CHECK(be32(20) == 10);
  }
  CHECK_FALSE(fs::exists(dir / "frame_000003.png"));
  fs::remove_all(dir.parent_path());
}
