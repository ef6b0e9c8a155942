// `effleura --headless --record FILE.mp4` / `--frames-dir DIR`: renders a technique, a
// playlist or a lesson at a fixed frame rate (deterministic: the simulation's clock, not the
// wall clock) and hands each frame to ffmpeg through a pipe, or writes PNGs.
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <optional>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include "app/context.hpp"
#include "app/exit_codes.hpp"
#include "app/frame.hpp"
#include "app/record_runner_codec.hpp"
#include "app/runners.hpp"
#include "core/cache_file.hpp"
#include "core/progress_bar.hpp"
#include "core/video_encoder.hpp"

namespace effleura::app {

namespace {

// glibc gives freed memory back to the system (the heap's top past 128 KiB, and every block of
// 128 KiB or more, which it maps and unmaps alone) and takes it again, page by page, at the next
// allocation; on this kind of virtual machine each of those page faults is costly. A recording
// makes the same allocations every frame (llvmpipe's vertex and bin buffers, the read-back), so
// it keeps what it freed instead. Effleurage at 1280x720, whole process with ffmpeg, pairs in turn
// on a loaded machine: minor page faults ~108,000 -> ~40,500 (main had 41,900 in one run of five);
// CPU 2 s 6.4, 6.1 -> 5.1, 4.8 s; 5 s 13.4 -> 12.4 s; 10 s 24.4 -> 24.2 s (within the noise).
void keep_freed_memory() {
#if defined(__GLIBC__)
  (void)mallopt(M_MMAP_THRESHOLD, 32 << 20);  // glibc's largest
  (void)mallopt(M_TRIM_THRESHOLD, 1 << 30);
#endif
}

}  // namespace

int run_record(const Options& options) {
  keep_freed_memory();
  Context ctx;
  ctx.style.filter_subject = true;
  if (const int status = load_content(ctx, options); status != kExitOk) return status;
  if (const int status = open_lesson_or_playlist(ctx, false); status != kExitOk) return status;
  if (const int status = prepare_practice(ctx, options, true); status != kExitOk) return status;
  if (ctx.lesson_or_playlist) ctx.lesson_or_playlist->play_by_itself();  // a recorded lesson goes through all its steps
  ctx.style.kiosk = ctx.lesson_or_playlist && ctx.lesson_or_playlist->kiosk();  // only playlists cross-fade
  const double seconds = options.seconds_set ? options.seconds : natural_seconds(ctx);
  const int total = std::max(1, static_cast<int>(std::lround(seconds * options.fps)));
  if (options.record && (options.size.x % 2 || options.size.y % 2)) {
    report_error("invalid value for --size: video needs an even width and height, e.g. 1280x720");
    return kExitBadInput;
  }
  if (const int status = open_headless(ctx); status != kExitOk) return status;

  std::optional<VideoEncoder> video;
  std::optional<FrameSequenceWriter> frames;
  if (options.record) {
    VideoSettings settings{*options.record, options.size.x, options.size.y, options.fps};
    settings.bottom_up = true;  // frames go to ffmpeg as GL reads them (capture_gl_order)
    // x264's fastest preset: a 2 s effleurage recording at 1280x720 took 4.27 -> 3.99 s of CPU
    // (0.93x) and 16.6 -> 14.4 s of wall, three pairs in turn at load ~15. Its file is ~4x
    // larger (74 -> 314 kB for the 2 s) at the same quality setting; a frame at 1 s looks the
    // same (README "Benchmark"). "superfast" saved nothing (0.98x).
    settings.x264_preset = "ultrafast";
    if (const char* preset = std::getenv("EFFLEURA_X264_PRESET")) settings.x264_preset = preset;
    // What this ffmpeg encodes with, from the start-up cache when known (app/record_runner_codec.hpp).
    const auto ffmpeg = find_program(settings.program);
    const auto cache_dir = cache_directory();
    if (ffmpeg)
      if (auto codec = cached_video_codec(*ffmpeg, cache_dir)) settings.codec = *codec;
    auto v = VideoEncoder::start(settings);
    if (!v) { report_error(v.error().describe()); return kExitBadInput; }
    if (ffmpeg && settings.codec.empty()) store_video_codec(*ffmpeg, v->codec(), cache_dir);
    video.emplace(std::move(*v));
  } else {
    auto f = FrameSequenceWriter::open(*options.frames_dir, options.size.x, options.size.y);
    if (!f) { report_error(f.error().describe()); return kExitBadInput; }
    frames.emplace(std::move(*f));
  }

  const auto start = std::chrono::steady_clock::now();
  auto elapsed = [&] { return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(); };
  ProgressBar progress = ProgressBar::for_stderr(
      "Recording " + (options.record ? options.record->string() : options.frames_dir->string()), total);
  std::vector<std::uint8_t> pixels;
  render::OffscreenTarget& target = *ctx.platform->offscreen();
  for (int i = 0; i < total; ++i) {
    frame(ctx, i > 0 ? ctx.fixed_dt : 0.0);  // the fixed clock; the first frame shows the start
    if (video) target.capture_gl_order(pixels);
    else pixels = target.capture().rgba;  // PNGs: top row first, opaque
    auto written = video ? video->write_frame(pixels) : frames->write_frame(pixels);
    if (!written) { report_error(written.error().describe()); return kExitFailure; }
    progress.update(i + 1, elapsed());
  }
  progress.finish(elapsed());
  if (video) {
    if (auto done = video->finish(); !done) { report_error(done.error().describe()); return kExitFailure; }
    std::printf("wrote %s: %d frames, %dx%d at %g fps (%s), in %.1f s\n", options.record->string().c_str(), total,
                options.size.x, options.size.y, options.fps, video->codec().c_str(), elapsed());
  } else {
    std::printf("wrote %d frames to %s in %.1f s\n", total, options.frames_dir->string().c_str(), elapsed());
  }
  return kExitOk;
}

}  // namespace effleura::app
