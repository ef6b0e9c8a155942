#include <cstdio>

#include "app/exit_codes.hpp"
#include "app/paths.hpp"
#include "app/runners.hpp"
#include "app/scene.hpp"
#include "render/gl_context.hpp"
#include "render/renderer.hpp"
#include "ui/headless_imgui.hpp"

namespace effleura::app {

void report_error(const std::string& message) { std::fprintf(stderr, "effleura: %s\n", message.c_str()); }

int run_headless(const Options& options) {
  // Content and model first: a bad file is exit 2 even on a machine without OpenGL.
  Scene scene;
  if (auto loaded = scene.load(options, resolve_data_paths(options)); !loaded) {
    report_error(loaded.error().describe());
    return kExitBadInput;
  }
  auto gl = render::EglContext::create();
  if (!gl) {
    report_error(gl.error().describe());
    return kExitNoOpenGL;
  }
  auto renderer = render::Renderer::create();
  if (!renderer) {
    report_error(renderer.error().describe());
    return kExitNoOpenGL;
  }
  (*renderer)->set_model(scene.model);
  auto target = render::OffscreenTarget::create(options.size);
  if (!target) {
    report_error(target.error().describe());
    return kExitBadInput;
  }
  const double dt = 1.0 / options.fps;
  ui::HeadlessImGui overlay_ui;
  for (int frame = 0; frame < options.frames; ++frame) {
    if (frame > 0) scene.update(dt);
    (*renderer)->draw(*target, scene.frame_view(target->size()));
    overlay_ui.begin(target->size(), static_cast<float>(dt));
    ui::draw_overlay(scene.overlay(target->size()), overlay_ui.scale());
    overlay_ui.end();
    target->end_frame();
  }
  if (options.screenshot) {
    auto written = render::write_png(target->capture(), *options.screenshot);
    if (!written) {
      report_error(written.error().describe());
      return kExitBadInput;
    }
    std::printf("wrote %s (%dx%d)\n", options.screenshot->string().c_str(), options.size.x, options.size.y);
  }
  return kExitOk;
}

}  // namespace effleura::app
