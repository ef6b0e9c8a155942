#include "app/context.hpp"

#include <cstdio>
#include <memory>

#include "app/exit_codes.hpp"
#include "app/flow_indices_cache.hpp"
#include "app/headless_platform.hpp"
#include "app/language.hpp"
#include "app/runners.hpp"
#include "app/window_platform.hpp"
#include "core/log.hpp"
#include "lesson/locale.hpp"

namespace effleura::app {

void report_error(const std::string& message) { std::fprintf(stderr, "effleura: %s\n", message.c_str()); }

void use_cached_flow_indices(Context& ctx) {
  ctx.state.flow_indices = FlowIndices(cached_indices_compute(SimulateCache{ctx.paths.content / "anatomy" / "veins.toml", cache_directory()}));
}

int load_content(Context& ctx, const Options& options) {
  ctx.options = options;
  ctx.paths = resolve_data_paths(options);
  if (auto loaded = ctx.state.load(options, ctx.paths); !loaded) {
    report_error(loaded.error().describe());
    return kExitBadInput;
  }
  use_cached_flow_indices(ctx);
  for (std::size_t a = 0; a < anatomy::kAreaCount; ++a)
    if (ctx.state.settings.selected[a]) ctx.panels.focus_area = static_cast<int>(a);
  ctx.fixed_dt = 1.0 / options.fps;
  ctx.panels.verbose = options.verbose;
  // The interface's words: --lang (checked at start-up), else English. A content folder
  // without locales still runs; its panels then show the keys in brackets.
  ctx.panels.locales_dir = ctx.paths.content / "locales";
  const std::string language = options.lang.value_or(std::string(lesson::kFallbackLocale));
  if (auto ok = use_interface_language(ctx.panels.locales_dir, language); !ok) {
    if (options.lang) {
      report_error(ok.error().describe());
      return kExitBadInput;
    }
    log::warn(ok.error().describe());
  }
  return kExitOk;
}

int open_lesson_or_playlist(Context& ctx, bool kiosk_default) {
  auto created = LessonOrPlaylist::create(ctx.options, ctx.state, kiosk_default);
  if (!created) {
    report_error(created.error().describe());
    return kExitBadInput;
  }
  ctx.lesson_or_playlist = std::move(*created);
  if (ctx.options.lesson) ctx.lesson_or_playlist_watcher.watch(*ctx.options.lesson);
  else if (ctx.lesson_or_playlist) ctx.lesson_or_playlist_watcher.watch(ctx.lesson_or_playlist->source());
  if (ctx.lesson_or_playlist && ctx.lesson_or_playlist->kiosk()) ctx.lesson_or_playlist_watcher.watch(ctx.paths.content / "locales");
  return kExitOk;
}

namespace {

int open_renderer(Context& ctx) {
  auto renderer = render::Renderer::create();
  if (!renderer) {
    report_error(renderer.error().describe());
    return kExitNoOpenGL;
  }
  ctx.renderer = std::move(*renderer);
  ctx.renderer->set_model(ctx.state.model);
  ctx.renderer->set_hands(ctx.state.hands);
  ctx.renderer->set_client(ctx.state.client_model);
  return kExitOk;
}

}  // namespace

int open_headless(Context& ctx, bool with_ui) {
  auto platform = HeadlessPlatform::open();
  if (!platform) {
    report_error(platform.error().describe());
    return kExitNoOpenGL;
  }
  HeadlessPlatform& headless = **platform;
  ctx.platform = std::move(*platform);
  if (const int status = open_renderer(ctx); status != kExitOk) return status;
  ctx.renderer->finish_levels_of_detail();  // screenshots and recordings the same on every run
  const bool recording = ctx.options.record || ctx.options.frames_dir;
  auto target = render::OffscreenTarget::create(
      ctx.options.size, ctx.options.antialias.value_or(recording ? render::Antialiasing::edge_filter
                                                                 : render::Antialiasing::multisample));
  if (!target) {
    report_error(target.error().describe());
    return kExitBadInput;
  }
  if (ctx.options.scene_scale && *ctx.options.scene_scale > 0.0f && !recording && !ctx.options.kiosk) {
    // --scene-scale S for a screenshot: the picture as a window drawing its scene at that scale
    // shows it. (Recordings and the kiosk's cross-fades read the scene's own frame back.)
    auto output = render::OffscreenTarget::create(ctx.options.size, render::Antialiasing::none);
    if (!output) {
      report_error(output.error().describe());
      return kExitBadInput;
    }
    auto scaled = std::make_unique<render::SmoothedWindowTarget>(std::move(*output), target->antialiasing());
    scaled->set_scene_scale(*ctx.options.scene_scale);
    headless.set_scaled_target(std::move(scaled));
  } else {
    headless.set_target(std::move(*target));
  }
  if (with_ui) headless.enable_ui(ctx.style.kiosk);
  return kExitOk;
}

int open_window(Context& ctx, const render::WindowOptions& window, const WindowLook& look) {
  WindowLook chosen = look;
  chosen.antialias = ctx.options.antialias;
  auto platform = WindowPlatform::open(window, chosen);
  if (!platform) {
    report_error(platform.error().describe());
    return kExitNoOpenGL;
  }
  // The edge filter runs only where the leg and the hands are, as in recordings.
  ctx.style.filter_subject = (*platform)->antialiasing() == render::Antialiasing::edge_filter;
  ctx.platform = std::move(*platform);
  ctx.panels.renderer_name = render::current_gl_info().renderer;
  return open_renderer(ctx);
}

double natural_seconds(const Context& ctx) {
  if (ctx.lesson_or_playlist) return ctx.lesson_or_playlist->natural_seconds();
  if (ctx.practice.playing()) return ctx.practice.script_seconds() + 2.0;  // the stroke, then its grade
  if (const auto* t = ctx.state.simulation.timeline()) return t->duration();
  return 10.0;
}

}  // namespace effleura::app
