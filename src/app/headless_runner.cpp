#include <cstdio>

#include "app/exit_codes.hpp"
#include "app/headless_stage.hpp"
#include "app/paths.hpp"
#include "app/runners.hpp"
#include "app/scene.hpp"
#include "render/gl_context.hpp"
#include "render/renderer.hpp"
#include "ui/headless_imgui.hpp"

namespace effleura::app {

void report_error(const std::string& message) { std::fprintf(stderr, "effleura: %s\n", message.c_str()); }

int run_headless(const Options& options) {
  auto opened = open_headless_stage(options);
  if (!opened) return opened.error();
  HeadlessStage& stage = **opened;
  const double dt = 1.0 / options.fps;
  ui::HeadlessImGui overlay_ui;
  for (int frame = 0; frame < options.frames; ++frame) {
    if (frame > 0) stage.scene.update(dt);
    stage.renderer->draw(*stage.target, stage.scene.frame_view(stage.target->size()));
    stage.target->finish_scene();
    overlay_ui.begin(stage.target->size(), static_cast<float>(dt));
    ui::draw_overlay(stage.scene.overlay(stage.target->size()), overlay_ui.scale());
    overlay_ui.end();
    stage.target->end_frame();
  }
  if (options.screenshot) {
    auto written = render::write_png(stage.target->capture(), *options.screenshot);
    if (!written) {
      report_error(written.error().describe());
      return kExitBadInput;
    }
    std::printf("wrote %s (%dx%d)\n", options.screenshot->string().c_str(), options.size.x, options.size.y);
  }
  return kExitOk;
}

}  // namespace effleura::app
