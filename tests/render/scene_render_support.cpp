#include "../support/test_paths.hpp"
#include "scene_render_support.hpp"

#include <doctest/doctest.h>

#include "app/paths.hpp"

namespace effleura::test {

SceneRig& scene_rig() {
  static SceneRig rig = [] {
    SceneRig r;
    auto gl = render::EglContext::create();
    REQUIRE_MESSAGE(gl.has_value(), (gl ? "" : gl.error().describe()));
    r.gl = std::move(*gl);
    auto renderer = render::Renderer::create();
    REQUIRE_MESSAGE(renderer.has_value(), (renderer ? "" : renderer.error().describe()));
    r.renderer = std::move(*renderer);
    return r;
  }();
  // Another case may have made its own context current since (app runs, context tests).
  REQUIRE(rig.gl->make_current());
  return rig;
}

app::Options source_options() {
  app::Options o;
  o.content_dir = std::filesystem::path(EFFLEURA_SOURCE_DIR) / "content";
  o.assets_dir = std::filesystem::path(EFFLEURA_SOURCE_DIR) / "assets";
  o.headless = true;
  return o;
}

void play_to(app::State& scene, double seconds) {
  double t = 0.0;
  for (; t + 0.1 < seconds; t += 0.1) scene.update(0.1);
  scene.update(seconds - t);
}

namespace {
std::unique_ptr<app::State> load(const app::Options& options) {
  auto scene = std::make_unique<app::State>();
  auto loaded = scene->load(options, app::resolve_data_paths(options));
  REQUIRE_MESSAGE(loaded.has_value(), (loaded ? "" : loaded.error().describe()));
  scene_rig().renderer->set_model(scene->model);
  scene_rig().renderer->set_hands(scene->hands);
  scene_rig().renderer->set_client(scene->client_model);
  scene_rig().renderer->finish_levels_of_detail();  // as the app's headless runs draw
  return scene;
}
}  // namespace

render::Image render_scene(const app::Options& options, int frames, glm::ivec2 size, double fps) {
  auto scene = load(options);
  auto target = render::OffscreenTarget::create(size);
  REQUIRE_MESSAGE(target.has_value(), (target ? "" : target.error().describe()));
  for (int i = 0; i < frames; ++i) {
    if (i > 0) scene->update(1.0 / fps);
  }
  scene_rig().renderer->draw(*target, scene->frame_view(size));
  return target->capture();
}

std::vector<render::Image> render_sequence(const app::Options& options, double seconds, glm::ivec2 size, double fps) {
  auto scene = load(options);
  auto target = render::OffscreenTarget::create(size);
  REQUIRE_MESSAGE(target.has_value(), (target ? "" : target.error().describe()));
  std::vector<render::Image> frames;
  const int n = static_cast<int>(seconds * fps);
  for (int i = 0; i < n; ++i) {
    scene->update(1.0 / fps);
    scene_rig().renderer->draw(*target, scene->frame_view(size));
    frames.push_back(target->capture());
  }
  return frames;
}

}  // namespace effleura::test
