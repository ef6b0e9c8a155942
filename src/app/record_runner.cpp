// `effleura --headless --record FILE.mp4` / `--frames-dir DIR`: renders a technique, a
// playlist or a lesson at a fixed frame rate (deterministic: the simulation's clock, not the
// wall clock) and hands each frame to ffmpeg through a pipe, or writes PNGs.
#include <chrono>
#include <cstdlib>
#include <cstdio>
#include <optional>

#include "app/exit_codes.hpp"
#include "app/headless_stage.hpp"
#include "app/paths.hpp"
#include "app/runners.hpp"
#include "app/scene.hpp"
#include "app/show.hpp"
#include "core/progress_bar.hpp"
#include "core/video_encoder.hpp"
#include "render/gl_context.hpp"
#include "render/renderer.hpp"
#include "render/screen_region.hpp"
#include "ui/headless_imgui.hpp"

namespace effleura::app {

void draw_show_overlay(Scene& scene, const Show& show, glm::ivec2 size, float ui_scale, bool kiosk_style) {
  ui::Overlay overlay = scene.overlay(size);
  if (auto at = show.caption_position(); at && kiosk_style) {
    overlay.caption_placed = true;
    overlay.caption_at = *at;
  }
  overlay.large_caption = kiosk_style;
  ui::draw_overlay(overlay, ui_scale);
}

void crossfade(render::Renderer& renderer, render::RenderTarget& target, float fade) {
  // While a scene is steady, keep its latest frame; while the next one fades in, lay that
  // last frame of the old scene over it, fading out.
  if (fade >= 1.0f) renderer.snapshot(target);
  else renderer.draw_snapshot(target, 1.0f - fade);
}

int run_record(const Options& options) {
  auto opened = load_headless_scene(options);
  if (!opened) return opened.error();
  HeadlessStage& stage = **opened;
  Scene& scene = stage.scene;
  auto show = Show::create(options, scene, false);
  if (!show) { report_error(show.error().describe()); return kExitBadInput; }
  (*show)->play_by_itself();  // a recorded lesson goes through all its steps
  const double seconds = options.seconds_set ? options.seconds : (*show)->natural_seconds();
  const int total = std::max(1, static_cast<int>(std::lround(seconds * options.fps)));
  if (options.record && (options.size.x % 2 || options.size.y % 2)) {
    report_error("invalid value for --size: video needs an even width and height, e.g. 1280x720");
    return kExitBadInput;
  }

  if (const int status = open_gl(stage, options); status != kExitOk) return status;
  render::Renderer* renderer = stage.renderer.get();
  render::OffscreenTarget* target = &*stage.target;

  std::optional<VideoEncoder> video;
  std::optional<FrameSequenceWriter> frames;
  if (options.record) {
    VideoSettings settings{*options.record, options.size.x, options.size.y, options.fps};
    settings.bottom_up = true;  // frames go to ffmpeg as GL reads them (capture_gl_order)
    if (const char* preset = std::getenv("EFFLEURA_X264_PRESET")) settings.x264_preset = preset;
    auto v = VideoEncoder::start(settings);
    if (!v) { report_error(v.error().describe()); return kExitBadInput; }
    video.emplace(std::move(*v));
  } else {
    auto f = FrameSequenceWriter::open(*options.frames_dir, options.size.x, options.size.y);
    if (!f) { report_error(f.error().describe()); return kExitBadInput; }
    frames.emplace(std::move(*f));
  }

  const bool kiosk_style = (*show)->kiosk() != nullptr;
  ui::HeadlessImGui overlay_ui;
  const auto start = std::chrono::steady_clock::now();
  auto elapsed = [&] { return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(); };
  ProgressBar progress = ProgressBar::for_stderr(
      "Recording " + (options.record ? options.record->string() : options.frames_dir->string()), total);
  const double dt = 1.0 / options.fps;
  std::vector<std::uint8_t> pixels;
  const anatomy::Bounds bounds = scene.model.bounds();
  constexpr float kHandReach = 0.2f;  // m: a hand on the skin reaches no further than this
  for (int i = 0; i < total; ++i) {
    if (i > 0) {
      (*show)->advance(dt);
      scene.update(dt);
    }
    const render::FrameView view = scene.frame_view(target->size());
    renderer->draw(*target, view);
    const bool fading = kiosk_style && (*show)->fade() < 1.0f;
    if (kiosk_style) crossfade(*renderer, *target, (*show)->fade());  // only playlists change scene
    if (!fading) {
      // The leg, the hands on it and everything drawn on the skin lie within the model's box
      // grown by a hand's length; outside it there are no edges to smooth. (While scenes
      // cross-fade the old frame may have edges anywhere, so the whole frame is filtered.)
      target->set_filter_region(render::screen_rect(bounds.min - glm::vec3(kHandReach), bounds.max + glm::vec3(kHandReach),
                                                    view.projection * view.view * view.leg_to_room, target->size(), 4));
    }
    target->finish_scene();
    overlay_ui.begin(target->size(), static_cast<float>(dt));
    draw_show_overlay(scene, **show, target->size(), overlay_ui.scale(), kiosk_style);
    overlay_ui.end();
    if (video) {
      target->capture_gl_order(pixels);
    } else {
      pixels = target->capture().rgba;  // PNGs: top row first, opaque
    }
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
