#pragma once
// The state of what is shown, without GL: the model, the camera, the view settings and the
// clock. The window and the headless runner both drive this, so they show the same thing.
#include <array>

#include <glm/vec2.hpp>

#include "anatomy/area_content.hpp"
#include "anatomy/model.hpp"
#include "app/options.hpp"
#include "app/paths.hpp"
#include "app/flow_history.hpp"
#include "app/simulation.hpp"
#include "core/file_watcher.hpp"
#include "core/error.hpp"
#include "render/camera.hpp"
#include "render/step_camera.hpp"
#include "render/frame_view.hpp"
#include "anatomy/picking.hpp"
#include "technique/hand_model.hpp"
#include "ui/overlay.hpp"

namespace effleura::app {

struct ViewSettings {
  render::LayerVisibility layers{};
  float skin_opacity = 1.0f;
  std::array<bool, anatomy::kAreaCount> selected{};
};

class Scene {
 public:
  // Loads the model (the leg, or --model), the hands (assets/hands.glb), then the content and
  // simulation, and applies the view flags. The parts are public so the benchmark can time
  // them apart.
  Expected<void> load(const Options& options, const DataPaths& paths);
  Expected<void> load_model(const Options& options, const DataPaths& paths);
  Expected<void> load_hands(const DataPaths& paths);
  Expected<void> load_content(const Options& options, const DataPaths& paths);
  void update(double dt);
  // Points the camera at where the current technique's hands work, from the technique's first
  // view (or `view` when given; without one the camera then follows the work, step by step:
  // render/step_camera.hpp); with no technique, back to the whole leg.
  void frame_technique(std::optional<render::ViewPreset> view, bool animate);
  [[nodiscard]] render::FrameView frame_view(glm::ivec2 framebuffer) const;
  // Labels for the selected areas and the caption, in pixels of a view of this size.
  [[nodiscard]] ui::Overlay overlay(glm::ivec2 size) const;
  // The ray under a pixel (from the top-left) of a view of this size.
  [[nodiscard]] anatomy::Ray ray_through(glm::vec2 pixel, glm::ivec2 size) const;
  // "Calves - soleus" for what lies under the pixel, or empty.
  [[nodiscard]] std::string describe_at(glm::vec2 pixel, glm::ivec2 size) const;
  // Toggles the area under the pixel; false if there is none.
  bool toggle_area_at(glm::vec2 pixel, glm::ivec2 size);

  anatomy::Model model;
  technique::HandModel hands;  // assets/hands.glb, skinned to the hand skeleton
  std::optional<anatomy::AreaContent> areas;  // content/areas.toml: names, descriptions, cautions
  Simulation simulation;
  render::Camera camera;
  render::StepCamera step_camera;  // moves `camera` with the technique's steps until the user takes over
  ViewSettings settings;
  double time = 0.0;
  std::string caption;
  // Set by kiosk scenes and lesson steps: shown instead of the technique's own caption.
  std::string fixed_caption;
  FlowHistory history;
  std::vector<std::string> valve_veins;    // veins that have valves, for the flow panel
  std::vector<bool> incompetent;           // parallel to valve_veins
  std::string reload_error;                // last hot-reload error; empty after a good reload
  float stocking_mmhg = 0.0f;
  // Polls content files and reloads techniques when they change (window and kiosk).
  void poll_hot_reload(double dt);

 private:
  DataPaths paths_;
  FileWatcher watcher_;
};

}  // namespace effleura::app
