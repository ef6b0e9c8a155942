// The explorer window, and with --lesson the lesson player and its presenter view: a window
// platform and the wall clock.
#include <algorithm>
#include <chrono>
#include <optional>

#include "app/context.hpp"
#include "app/exit_codes.hpp"
#include "app/frame.hpp"
#include "app/language.hpp"
#include "app/runners.hpp"
#include "app/user_settings.hpp"
#include "app/window_options.hpp"
#include "app/window_platform.hpp"
#include "render/dynamic_resolution.hpp"

namespace effleura::app {

int run_window(const Options& given) {
  // The user's settings from last time (View menu): the interface size, the language, the
  // atlas's saved views. A language chosen there applies when --lang does not say otherwise.
  Options options = given;
  std::optional<std::filesystem::path> settings_file = user_settings_path();
  UserSettings saved;
  std::string problem;  // a broken file: one message (also in the status bar), then the defaults
  if (settings_file) saved = load_user_settings(*settings_file, &problem);
  if (!options.lang && !saved.language.empty()) {
    options.lang = saved.language;
    if (!check_language_option(options)) options.lang.reset();  // a language since removed: English
  }
  Context ctx;
  ctx.style.panels = true;
  ctx.style.hot_reload = true;
  if (const int status = load_content(ctx, options); status != kExitOk) return status;
  // A lesson runs in the explorer window with its panel (a playlist belongs to the kiosk).
  if (options.lesson)
    if (const int status = open_lesson_or_playlist(ctx, false); status != kExitOk) return status;
  WindowLook look;
  ctx.panels.settings_file = settings_file;
  ctx.panels.status_message = problem;
  ctx.panels.interface_scale = saved.interface_scale;
  ctx.panels.views = saved.views;  // the atlas's saved views
  ctx.panels.language = saved.language;
  ctx.panels.font_scale = ctx.panels.interface_scale;
  look.font_px *= ctx.panels.interface_scale;
  if (const int status = open_window(ctx, explorer_window_options(options), look); status != kExitOk) return status;
  // Dynamic resolution (--scene-scale): on a software renderer the scene shrinks while frames
  // run longer than 1/60 s, and is drawn sharp again when nothing moves.
  auto& window = static_cast<WindowPlatform&>(*ctx.platform);
  std::optional<render::DynamicResolution> dynamic;
  if (options.scene_scale.value_or(software_renderer() ? 0.0f : 1.0f) == 0.0f) dynamic.emplace();
  else window.smoothed_target().set_scene_scale(options.scene_scale.value_or(1.0f));
  window.measure_work(dynamic.has_value());
  double work_ms = 0.0;  // the last frame's work: from its start until its drawing finished
  glm::mat4 shown[3]{};  // the last frame's camera, to tell whether anything moved
  auto last = std::chrono::steady_clock::now();
  // --frames ends a windowed run too: smoke tests and demos that must stop by themselves.
  while (!ctx.quit && !ctx.platform->closing() && !(options.frames_set && ctx.frames >= std::uint64_t(options.frames))) {
    const auto now = std::chrono::steady_clock::now();
    const double took = std::chrono::duration<double>(now - last).count();  // the last frame, swap included (the clock's step)
    const double dt = std::min(took, 0.1);
    last = now;
    ctx.panels.frame_ms = 0.9f * ctx.panels.frame_ms + 0.1f * static_cast<float>(dt * 1000.0);
    if (dynamic && ctx.frames > 0) {
      const technique::Playback* playback = ctx.state.simulation.playback();
      const glm::mat4 seen[3] = {ctx.view.view, ctx.view.projection, ctx.view.leg_to_room};
      const bool moving = (playback && playback->playing()) || !std::equal(seen, seen + 3, shown);
      window.smoothed_target().set_scene_scale(dynamic->update(work_ms, moving, took));
      std::copy(seen, seen + 3, shown);
    }
    frame(ctx, dt);
    work_ms = std::chrono::duration<double, std::milli>(window.work_done() - now).count();
  }
  return kExitOk;
}

}  // namespace effleura::app
