#pragma once
// Video export without linking a codec library (design.md "Video"): the ffmpeg program is
// started as a child process and fed raw RGBA frames through a pipe. For machines without
// ffmpeg, FrameSequenceWriter writes numbered PNG files instead (--frames-dir DIR).
//
// Both take frames as tightly packed RGBA8, top row first (what render::Image holds after
// capture), so the caller never flips rows.
#include <sys/types.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/error.hpp"

namespace effleura {

struct VideoSettings {
  std::filesystem::path output;  // e.g. "tour.mp4"; overwritten if it exists
  int width = 1280;              // both even: yuv420p halves the colour planes
  int height = 720;
  double fps = 30.0;
  // The program to start; a bare name is looked up on PATH. Tests point it elsewhere.
  std::string program = "ffmpeg";
  // x264 speed/size trade-off; empty leaves ffmpeg's default ("medium"). "veryfast" encoded
  // 1280x720 about 2-3x faster than "fast" here with no larger files on smooth renders.
  std::string x264_preset = "veryfast";
  // "libx264" or "mpeg4" when the caller already knows what this ffmpeg has (app/record_runner
  // keeps the answer in the start-up cache); empty asks ffmpeg (`ffmpeg -encoders`, a second
  // ffmpeg start: ~0.25 s of CPU and up to a second of wall on a loaded machine).
  std::string codec{};
  // Frames arrive bottom row first, as OpenGL reads them; ffmpeg's vflip filter turns them
  // (it only walks the rows backwards, so it costs next to nothing).
  bool bottom_up = false;
  // Watchdog: if ffmpeg takes no data for this long (stalled, stopped, waiting on a hung
  // disk), it is killed and the recording fails instead of blocking forever.
  double stall_seconds = 30.0;
};

// The encoders a recording uses: libx264 where ffmpeg has it, else mpeg4 (always built in).
[[nodiscard]] inline bool is_video_codec(const std::string& codec) { return codec == "libx264" || codec == "mpeg4"; }

// Finds `program` the way a shell would (a name with a '/' is used as given); nullopt if it
// is not an executable file anywhere on PATH.
std::optional<std::filesystem::path> find_program(const std::string& program);

class VideoEncoder {
 public:
  // Checks the settings, finds ffmpeg, picks libx264 (or mpeg4 when this ffmpeg has no
  // libx264) and starts it. Errors: ffmpeg missing (with what to do instead), bad size/fps,
  // a process that cannot be started.
  static Expected<VideoEncoder> start(const VideoSettings& settings);

  VideoEncoder(VideoEncoder&& other) noexcept;
  VideoEncoder& operator=(VideoEncoder&& other) noexcept;
  VideoEncoder(const VideoEncoder&) = delete;
  VideoEncoder& operator=(const VideoEncoder&) = delete;
  // An encoder dropped without finish() still closes the pipe and reaps ffmpeg (no zombie).
  ~VideoEncoder();

  // One frame, width*height*4 bytes. If ffmpeg has died the error says so (and quotes its
  // stderr); SIGPIPE never reaches the process.
  Expected<void> write_frame(std::span<const std::uint8_t> rgba);
  // Closes the pipe, waits for ffmpeg and checks its exit status; on failure the error quotes
  // the end of what ffmpeg printed. Calling it twice returns the first result.
  Expected<void> finish();

  [[nodiscard]] const std::string& codec() const { return codec_; }  // "libx264" or "mpeg4"
  [[nodiscard]] int frames_written() const { return frames_; }
  [[nodiscard]] const VideoSettings& settings() const { return settings_; }

 private:
  VideoEncoder() = default;
  void close_pipe();
  Expected<void> reap();
  // Waits until the pipe takes data or the watchdog fires; false when it fired.
  bool wait_writable();
  Expected<void> check_output() const;
  [[nodiscard]] std::string stderr_tail() const;
  void release();

  VideoSettings settings_;
  std::string codec_;
  pid_t pid_ = -1;
  int pipe_fd_ = -1;
  std::filesystem::path stderr_file_;
  int frames_ = 0;
  std::optional<Expected<void>> result_;
};

// Writes DIR/frame_000000.png, frame_000001.png, ... (ffmpeg's "frame_%06d.png" pattern, so a
// video can be made from them later). Creates DIR if needed.
class FrameSequenceWriter {
 public:
  static Expected<FrameSequenceWriter> open(const std::filesystem::path& dir, int width,
                                            int height);

  Expected<void> write_frame(std::span<const std::uint8_t> rgba);
  [[nodiscard]] std::filesystem::path frame_path(int index) const;
  [[nodiscard]] int frames_written() const { return frames_; }

 private:
  std::filesystem::path dir_;
  int width_ = 0;
  int height_ = 0;
  int frames_ = 0;
};

}  // namespace effleura
