// The waiting-room kiosk: full screen, cursor hidden, a playlist looping for weeks. A touch,
// click or key pauses the loop so a visitor can explore; after the playlist's idle timeout it
// goes back to the loop. Only the playlist's key chord leaves. Frame rate capped (default 30)
// to keep a small PC cool; GL errors logged; content edited on disk is picked up at the next
// scene. `--headless --kiosk --frames N` runs the same frames without a screen as a soak test.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <thread>

#include "app/context.hpp"
#include "app/exit_codes.hpp"
#include "app/frame.hpp"
#include "app/memory_usage.hpp"
#include "app/runners.hpp"
#include "app/window_platform.hpp"
#include "core/log.hpp"
#include "render/gl_errors.hpp"
#include "ui/fonts.hpp"

namespace effleura::app {
namespace {

// The playlist's frame cap, or --fps for a lesson shown in the kiosk.
double frame_rate(const Context& ctx) {
  const LessonOrPlaylist* lp = ctx.lesson_or_playlist.get();
  return lp && lp->kiosk() ? std::max(lp->kiosk()->playlist().fps_cap, 1.0) : ctx.options.fps;
}

}  // namespace

int run_kiosk_soak(const Options& options) {
  Context ctx;
  ctx.style.kiosk = true;
  if (const int status = load_content(ctx, options); status != kExitOk) return status;
  // A broken playlist is exit 2 before any GL.
  if (const int status = open_lesson_or_playlist(ctx, true); status != kExitOk) return status;
  ctx.lesson_or_playlist->play_by_itself();  // unattended: a lesson in the kiosk moves on by itself
  if (const int status = open_headless(ctx); status != kExitOk) return status;
  const int frames = options.frames_set ? options.frames : 300;
  const double dt = 1.0 / frame_rate(ctx);  // the fixed clock
  ctx.fixed_dt = dt;
  const lesson::KioskScheduler* kiosk = ctx.lesson_or_playlist->kiosk();
  double start_mb = 0.0, first_loop_mb = -1.0;
  int gl_error_frames = 0;
  for (int i = 0; i < frames; ++i) {
    frame(ctx, dt);
    if (auto errors = render::take_gl_errors(); !errors.empty()) {
      ++gl_error_frames;
      log::warn("GL errors in frame " + std::to_string(i) + ": " + errors);
    }
    if (i == std::min(frames - 1, 30)) start_mb = resident_mb();  // after start-up allocations
    // The first loop warms every scene up (shaders, driver caches); growth after it is what matters.
    if (first_loop_mb < 0.0 && kiosk && kiosk->frame().loops_completed >= 1) first_loop_mb = resident_mb();
  }
  // One figure a line under a stable key (tests and scripts read the keys, not the prose).
  const auto f = kiosk ? kiosk->frame() : lesson::KioskFrame{};
  std::printf("kiosk soak (resident memory in MB)\n");
  std::printf("frames                   %8d\n", frames);
  std::printf("playlist_seconds         %8.1f\n", frames * dt);
  std::printf("scenes_started           %8llu\n", static_cast<unsigned long long>(f.scenes_started));
  std::printf("loops_completed          %8llu\n", static_cast<unsigned long long>(f.loops_completed));
  std::printf("resident_mb_start        %8.1f\n", start_mb);
  if (first_loop_mb >= 0.0) std::printf("resident_mb_after_loop_1 %8.1f\n", first_loop_mb);
  std::printf("resident_mb_end          %8.1f\n", resident_mb());
  std::printf("gl_error_frames          %8d\n", gl_error_frames);
  return gl_error_frames == 0 ? kExitOk : kExitFailure;
}

int run_kiosk(const Options& options) {
  Context ctx;
  ctx.style.kiosk = true;
  ctx.style.hot_reload = true;
  if (const int status = load_content(ctx, options); status != kExitOk) return status;
  if (const int status = open_lesson_or_playlist(ctx, true); status != kExitOk) return status;
  ctx.lesson_or_playlist->play_by_itself();  // unattended: a lesson in the kiosk moves on by itself
  render::WindowOptions window;
  window.fullscreen = true;
  window.title = "Effleura";
  WindowLook look;
  look.font_px = ui::kKioskFontPx;  // captions are read from across the room
  look.scale_sizes = false;
  look.hide_cursor = true;
  if (const int status = open_window(ctx, window, look); status != kExitOk) return status;
  std::string last_gl_error;
  auto last = std::chrono::steady_clock::now();
  while (!ctx.quit && !ctx.platform->closing() && !(options.frames_set && ctx.frames >= std::uint64_t(options.frames))) {
    const auto frame_budget = std::chrono::duration<double>(1.0 / frame_rate(ctx));
    const auto now = std::chrono::steady_clock::now();
    const double dt = std::min(std::chrono::duration<double>(now - last).count(), 0.1);
    last = now;
    frame(ctx, dt);
    if (auto errors = render::take_gl_errors(); !errors.empty() && errors != last_gl_error) {
      log::error("GL errors: " + errors);  // logged once per new kind, not every frame
      last_gl_error = errors;
    }
    const auto spent = std::chrono::steady_clock::now() - now;
    if (spent < frame_budget) std::this_thread::sleep_for(frame_budget - spent);
  }
  return kExitOk;
}

}  // namespace effleura::app
