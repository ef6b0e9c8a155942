#include "app/headless_stage.hpp"

#include "app/exit_codes.hpp"
#include "app/paths.hpp"
#include "app/runners.hpp"

namespace effleura::app {

std::expected<std::unique_ptr<HeadlessStage>, int> load_headless_scene(const Options& options) {
  auto stage = std::make_unique<HeadlessStage>();
  if (auto loaded = stage->scene.load(options, resolve_data_paths(options)); !loaded) {
    report_error(loaded.error().describe());
    return std::unexpected(kExitBadInput);
  }
  return stage;
}

int open_gl(HeadlessStage& stage, const Options& options) {
  auto gl = render::EglContext::create();
  if (!gl) {
    report_error(gl.error().describe());
    return kExitNoOpenGL;
  }
  stage.gl = std::move(*gl);
  auto renderer = render::Renderer::create();
  if (!renderer) {
    report_error(renderer.error().describe());
    return kExitNoOpenGL;
  }
  stage.renderer = std::move(*renderer);
  stage.renderer->set_model(stage.scene.model);
  stage.renderer->set_hands(stage.scene.hands);
  stage.renderer->set_client(stage.scene.client_model);
  const bool recording = options.record || options.frames_dir;
  auto target = render::OffscreenTarget::create(
      options.size, options.antialias.value_or(recording ? render::Antialiasing::edge_filter
                                                         : render::Antialiasing::multisample));
  if (!target) {
    report_error(target.error().describe());
    return kExitBadInput;
  }
  stage.target.emplace(std::move(*target));
  return kExitOk;
}

std::expected<std::unique_ptr<HeadlessStage>, int> open_headless_stage(const Options& options) {
  auto stage = load_headless_scene(options);
  if (!stage) return stage;
  if (const int status = open_gl(**stage, options); status != kExitOk) return std::unexpected(status);
  return stage;
}

}  // namespace effleura::app
