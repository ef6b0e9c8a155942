#pragma once
// The state of what is shown, without GL: the model, the camera, the view settings and the
// clock. The window and the headless runner both drive this, so they show the same thing.
#include <array>

#include <glm/vec2.hpp>

#include "anatomy/model.hpp"
#include "app/options.hpp"
#include "app/paths.hpp"
#include "core/error.hpp"
#include "render/camera.hpp"
#include "render/frame_view.hpp"

namespace effleura::app {

struct ViewSettings {
  render::LayerVisibility layers{};
  float skin_opacity = 1.0f;
  std::array<bool, anatomy::kAreaCount> selected{};
};

class Scene {
 public:
  // Loads the model (the leg, or --model) and applies the view flags.
  Expected<void> load(const Options& options, const DataPaths& paths);
  void update(double dt);
  [[nodiscard]] render::FrameView frame_view(glm::ivec2 framebuffer) const;

  anatomy::Model model;
  render::Camera camera;
  ViewSettings settings;
  double time = 0.0;
};

}  // namespace effleura::app
