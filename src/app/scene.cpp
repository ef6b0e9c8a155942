#include "app/scene.hpp"

#include "anatomy/model_loader.hpp"
#include "render/highlight.hpp"

namespace effleura::app {

Expected<void> Scene::load(const Options& options, const DataPaths& paths) {
  const auto path = options.model ? *options.model : paths.assets / "leg.glb";
  auto loaded = anatomy::load_model(path);
  if (!loaded) return std::unexpected(loaded.error());
  model = std::move(*loaded);
  camera.frame(model.bounds());
  if (options.view) camera.set_preset(*options.view, false);
  if (options.layers) settings.layers = *options.layers;
  if (options.xray) settings.skin_opacity = *options.xray;
  for (const auto& id : options.areas)
    if (auto i = anatomy::area_index(id)) settings.selected[*i] = true;
  return {};
}

void Scene::update(double dt) {
  time += dt;
  camera.update(static_cast<float>(dt));
}

render::FrameView Scene::frame_view(glm::ivec2 framebuffer) const {
  render::FrameView v;
  const float aspect = framebuffer.y > 0 ? float(framebuffer.x) / float(framebuffer.y) : 1.0f;
  v.view = camera.view_matrix();
  v.projection = camera.projection_matrix(aspect);
  v.eye = camera.eye();
  v.layers = settings.layers;
  v.skin_opacity = settings.skin_opacity;
  const float pulse = render::highlight_pulse(time);
  for (std::size_t i = 0; i < anatomy::kAreaCount; ++i) v.highlight[i] = settings.selected[i] ? pulse : 0.0f;
  return v;
}

}  // namespace effleura::app
