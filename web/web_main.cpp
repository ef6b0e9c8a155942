// The browser's main() (scripts/web.sh links it instead of src/app/main.cpp). The page's URL
// query is the command line: web/shell.html turns `?kiosk&technique=effleurage` into
// `--kiosk --technique effleurage`, parsed by the same parse_command_line. A browser owns the
// loop, so instead of run_window's `while` the browser calls one_frame() for every animation
// frame (emscripten_set_main_loop), and one_frame() calls the same app::frame() as the window.
#include <emscripten.h>
#include <emscripten/html5.h>
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

#include <malloc.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <exception>
#include <string>
#include <vector>

#include <glm/vec2.hpp>
#include <imgui.h>

#include "app/cli.hpp"
#include "app/context.hpp"
#include "app/exit_codes.hpp"
#include "app/frame.hpp"
#include "app/runners.hpp"
#include "app/window_platform.hpp"
#include "core/log.hpp"
#include "ui/fonts.hpp"

namespace {

using namespace effleura::app;
using Clock = std::chrono::steady_clock;

// Lives as long as the page: main() returns to the browser before the first frame.
Context* g_ctx = nullptr;
Clock::time_point g_last;
bool g_cache_saved = false;  // the start-up cache written to IndexedDB after the first frame
double g_work_ms = 0.0;  // time spent inside frame(), summed over all frames

// The canvas's size in device pixels: its CSS size (it fills the page) times the device pixel
// ratio. A canvas of CSS size alone is stretched by the browser on a HiDPI screen (a ratio of 2
// drew 640x360 pixels for a 640x360 CSS canvas, shown at 1280x720: soft text and edges; session 27).
// GLFW's window is this size, so the framebuffer, ImGui and the cursor (Emscripten scales the
// pointer's CSS position to the canvas's pixels) all count device pixels, as a HiDPI desktop
// window counts its own; the display scale (window_platform.cpp) keeps the text's size in points.
glm::ivec2 canvas_pixels() {
  double w = 0, h = 0;
  emscripten_get_element_css_size("#canvas", &w, &h);
  const double ratio = emscripten_get_device_pixel_ratio() > 0.0 ? emscripten_get_device_pixel_ratio() : 1.0;
  return {static_cast<int>(std::lround(w * ratio)), static_cast<int>(std::lround(h * ratio))};
}

// The canvas fills the page; GLFW's window follows the browser window's size, and the interface
// the ratio (a browser zoom changes both).
void fit_canvas() {
  const glm::ivec2 size = canvas_pixels();
  if (GLFWwindow* window = glfwGetCurrentContext(); window && size.x > 0 && size.y > 0)
    glfwSetWindowSize(window, size.x, size.y);
  if (g_ctx && g_ctx->platform)
    static_cast<WindowPlatform&>(*g_ctx->platform).rescale(static_cast<float>(emscripten_get_device_pixel_ratio()));
}

EM_BOOL on_resize(int, const EmscriptenUiEvent*, void*) {
  fit_canvas();
  return EM_FALSE;
}

void one_frame() {
  Context& ctx = *g_ctx;
  const auto now = Clock::now();
  const double dt = std::min(std::chrono::duration<double>(now - g_last).count(), 0.1);
  g_last = now;
  ctx.panels.frame_ms = 0.9f * ctx.panels.frame_ms + 0.1f * static_cast<float>(dt * 1000.0);
  const double start_ms = emscripten_get_now();
  try {
    frame(ctx, dt);
  } catch (const std::exception& e) {
    report_error(std::string("internal error: ") + e.what());
    emscripten_cancel_main_loop();
  }
  g_work_ms += emscripten_get_now() - start_ms;
  // What open_page and the first frame added to the start-up cache goes to IndexedDB
  // (web/page_cache.js). Not before: the page has no threads, so the levels of detail
  // (render/renderer.cpp, "lod-leg", "lod-client") are built in the first frame, and a save
  // right after open_page left them out: every visit built and wrote them again.
  if (!g_cache_saved) {
    g_cache_saved = true;
    EM_ASM({ if (Module.effleuraSaveCache) Module.effleuraSaveCache(); });
  }
  // What the page's test reads (web/test/browser_test.mjs): frames drawn, the simulation's
  // clock, the kiosk's scenes started, the lesson's step, the technique's playback time and the
  // milliseconds spent inside frame() so far (the browser's frame rate alone caps at 60 Hz),
  // and the camera's yaw (radians) and distance (metres), which touch moves; the interface's
  // size in pixels, its font's (as built) and where its pointer is, which the HiDPI check reads.
  const auto* kiosk = ctx.lesson_or_playlist ? ctx.lesson_or_playlist->kiosk() : nullptr;
  const auto* lesson = ctx.lesson_or_playlist ? ctx.lesson_or_playlist->lesson() : nullptr;
  const auto* playback = ctx.state.simulation.playback();
  EM_ASM({
    var e = Module.effleura || (Module.effleura = {});
    e.frames = $0; e.seconds = $1; e.scenes = $2; e.step = $3; e.playback = $4; e.work_ms = $5;
    e.yaw = $6; e.distance = $7;
  },
         static_cast<double>(ctx.frames), ctx.state.simulation.time(),
         kiosk ? static_cast<double>(kiosk->frame().scenes_started) : -1.0,
         lesson ? static_cast<double>(lesson->index()) : -1.0, playback ? playback->time() : -1.0, g_work_ms,
         static_cast<double>(ctx.state.camera.pose().yaw), static_cast<double>(ctx.state.camera.pose().distance));
  const glm::ivec2 ui = ctx.platform->ui_size();
  const ImGuiIO& io = ImGui::GetIO();
  EM_ASM({
    var e = Module.effleura;
    e.ui_w = $0; e.ui_h = $1; e.font_px = $2; e.mouse_x = $3; e.mouse_y = $4;
  },
         static_cast<double>(ui.x), static_cast<double>(ui.y),
         io.Fonts->Fonts.Size > 0 ? static_cast<double>(io.Fonts->Fonts[0]->FontSize) : 0.0,
         static_cast<double>(io.MousePos.x), static_cast<double>(io.MousePos.y));
  // What malloc holds and the heap's top, for web/test/kiosk_memory.mjs: the WebAssembly memory
  // itself only grows, in steps, so a leak shows here long before it does. Every 64th frame:
  // mallinfo walks the heap's chunks.
  if (ctx.frames % 64 == 1) {
    const struct mallinfo heap = mallinfo();
    EM_ASM({ Module.effleura.heap_used = $0; Module.effleura.heap_top = $1; }, static_cast<double>(heap.uordblks),
           static_cast<double>(reinterpret_cast<std::uintptr_t>(sbrk(0))));
  }
  if (ctx.quit) emscripten_cancel_main_loop();
}

// Opens the window and the content as run_window and run_kiosk do; 0 or the exit status.
int open_page(const Options& options) {
  for (const bool unavailable : {options.headless, options.bench, options.simulate.has_value(),
                                 options.hand_report.has_value(), options.record.has_value(),
                                 options.frames_dir.has_value()}) {
    if (unavailable) {
      report_error("the browser shows the interactive program only; headless runs, benchmarks, "
                   "reports and recordings need the desktop program");
      return kExitBadInput;
    }
  }
  Context& ctx = *g_ctx;
  ctx.style.kiosk = options.kiosk;
  ctx.style.panels = ctx.style.panels && !options.kiosk;
  ctx.style.hot_reload = false;  // the page's files are packed in; a dropped lesson loads at once
  if (const int status = load_content(ctx, options); status != kExitOk) return status;
  if (options.kiosk || options.lesson || options.playlist)
    if (const int status = open_lesson_or_playlist(ctx, options.kiosk); status != kExitOk) return status;
  if (options.kiosk) ctx.lesson_or_playlist->play_by_itself();
  // Kiosk captions are read from across the room (run_kiosk's look).
  const WindowLook look = options.kiosk ? WindowLook{effleura::ui::kKioskFontPx, false, true} : WindowLook{};
  effleura::render::WindowOptions window;
  const glm::ivec2 pixels = canvas_pixels();
  window.width = std::max(1, pixels.x);
  window.height = std::max(1, pixels.y);
  if (const int status = open_window(ctx, window, look); status != kExitOk) return status;
  // What the window chose, for the browser test and scripts/web-bench.sh: the renderer WebGL
  // runs on (render::current_gl_info) and the smoothing chosen for it (SwiftShader: the filter).
  const auto antialiasing = static_cast<const WindowPlatform&>(*ctx.platform).antialiasing();
  const char* smoothing = antialiasing == effleura::render::Antialiasing::multisample ? "msaa"
                          : antialiasing == effleura::render::Antialiasing::edge_filter ? "filter" : "off";
  EM_ASM({
    var e = Module.effleura || (Module.effleura = {});
    e.antialias = UTF8ToString($0); e.renderer = UTF8ToString($1);
  }, smoothing, ctx.panels.renderer_name.c_str());
  emscripten_set_resize_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, EM_FALSE, on_resize);
  return kExitOk;
}

}  // namespace

// A lesson or playlist file dropped on the page (web/shell.html writes it to the in-memory file
// system first): it replaces what plays, as --lesson or --playlist would at start. 0 or the
// exit status of a bad file, whose message is on the console and in the status bar.
extern "C" EMSCRIPTEN_KEEPALIVE int effleura_load_file(const char* path, int playlist) {
  if (!g_ctx) return kExitFailure;
  Context& ctx = *g_ctx;
  Options options = ctx.options;
  options.lesson.reset();
  options.playlist.reset();
  (playlist ? options.playlist : options.lesson) = std::filesystem::path(path);
  auto created = LessonOrPlaylist::create(options, ctx.state, ctx.options.kiosk);
  if (!created) {
    report_error(created.error().describe());
    ctx.panels.status_message = created.error().describe();
    return kExitBadInput;
  }
  ctx.options = options;
  ctx.lesson_or_playlist = std::move(*created);
  if (ctx.options.kiosk && ctx.lesson_or_playlist) ctx.lesson_or_playlist->play_by_itself();
  ctx.panels.status_message = "opened " + std::filesystem::path(path).filename().string();
  return kExitOk;
}

int main(int argc, char** argv) {
  g_ctx = new Context();
  try {
    std::vector<std::string> args(argv + 1, argv + argc);
    // ?scene-only: the scene and its labels without the explorer's menus and panels, as
    // `effleura --headless --screenshot` draws it (the browser test compares the two).
    const bool scene_only = std::erase(args, std::string("--scene-only")) > 0;
    g_ctx->style.panels = !scene_only;
    // ?paused: the technique holds its --at moment, so the browser test can compare it with
    // `effleura --headless --screenshot --technique ID --at T` (Space plays it on).
    const bool paused = std::erase(args, std::string("--paused")) > 0;
    // ?cut: the atlas's cut plane on at its default (across the leg at half its height, the
    // lower half kept), as the Atlas tools panel turns it on; the browser test checks it cuts.
    const bool cut = std::erase(args, std::string("--cut")) > 0;
    auto options = parse_command_line(args);
    if (!options) {
      report_error(options.error().describe());
      return kExitBadInput;
    }
    if (options->verbose) effleura::log::set_level(effleura::log::Level::info);
    if (const int status = open_page(*options); status != kExitOk) return status;
    if (auto* playback = g_ctx->state.simulation.playback(); paused && playback) playback->pause();
    if (cut) g_ctx->state.settings.atlas.clip = true;
  } catch (const std::exception& e) {
    report_error(std::string("internal error: ") + e.what());
    return kExitFailure;
  }
  g_last = Clock::now();
  // 0 fps: the browser's own animation frames; 1: main() does not return past this point.
  emscripten_set_main_loop(one_frame, 0, 1);
  return kExitOk;
}
