#pragma once
// Everything a running Effleura shows, without GL: the model and hands, the area notes, the
// simulation (whose clock is the program's one clock), the camera, the view settings, the
// caption and the flow panel's history. The app's Context owns one; tests drive it directly.
#include <array>

#include <glm/vec2.hpp>

#include "anatomy/area_content.hpp"
#include "anatomy/model.hpp"
#include "app/atlas.hpp"
#include "app/options.hpp"
#include "app/paths.hpp"
#include "app/setup_times.hpp"
#include "app/client_stage.hpp"
#include "app/flow_history.hpp"
#include "app/flow_indices.hpp"
#include "app/simulation.hpp"
#include "core/file_watcher.hpp"
#include "core/error.hpp"
#include "render/camera.hpp"
#include "render/step_camera.hpp"
#include "render/frame_view.hpp"
#include "anatomy/picking.hpp"
#include "technique/hand_model.hpp"
#include "technique/working_region.hpp"
#include "ui/overlay.hpp"

namespace effleura::app {

struct ViewSettings {
  render::LayerVisibility layers{};
  float skin_opacity = 1.0f;
  std::array<bool, anatomy::kAreaCount> selected{};
  AtlasSettings atlas;  // shown / hidden / faded structures, the selected one, labels, the cut
};

class State {
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
  // --look-at head: frames the client's head (app/client_view.hpp) from `view`, the posture and
  // side as they are (a prone client stays prone when seen from below).
  void frame_client_head(render::ViewPreset view);
  // The camera's matrices and eye for a view of this size, and nothing else (cheap).
  [[nodiscard]] render::FrameView camera_view(glm::ivec2 size) const;
  // Everything the renderer reads for one frame: the camera's view plus layers, highlights,
  // hands, dents, trails, valves and the visible particles (a pass over every particle, so
  // the frame computes it once).
  [[nodiscard]] render::FrameView frame_view(glm::ivec2 framebuffer) const;
  // Labels for the selected areas and the caption, in pixels of a view of this size, seen
  // through `view` (the frame's view, so labels follow the camera of the frame they are on).
  [[nodiscard]] ui::Overlay overlay(const render::FrameView& view, glm::ivec2 size) const;
  // Where the hands work and the lit areas lie on screen (min x, min y, max x, max y in
  // pixels from the top-left; zero when nothing is shown there).
  [[nodiscard]] glm::vec4 working_area(const render::FrameView& view, const glm::mat4& vp, glm::ivec2 size) const;
  // The ray under a pixel (from the top-left) of a view of this size.
  [[nodiscard]] anatomy::Ray ray_through(glm::vec2 pixel, glm::ivec2 size) const;
  // "Calves - soleus" for what lies under the pixel, or empty.
  [[nodiscard]] std::string describe_at(glm::vec2 pixel, glm::ivec2 size) const;
  // Toggles the area under the pixel; false if there is none.
  bool toggle_area_at(glm::vec2 pixel, glm::ivec2 size);

  anatomy::Model model;
  // assets/client.glb: the body, drapes and table around the leg; empty with --model.
  anatomy::Model client_model;
  ClientStage client;
  technique::HandModel hands;  // assets/hands.glb, skinned to the hand skeleton
  std::optional<anatomy::AreaContent> areas;  // content/areas.toml: names, descriptions, cautions
  Simulation simulation;
  render::Camera camera;
  render::StepCamera step_camera;  // moves `camera` with the technique's steps until the user takes over
  ViewSettings settings;
  // Set by kiosk scenes and lesson steps: shown instead of the technique's own caption.
  std::string fixed_caption;
  FlowHistory history;
  FlowIndices flow_indices;  // the clinic's indices of this leg, for the Blood flow panel
  std::vector<std::string> valve_veins;    // veins that have valves, for the flow panel
  std::vector<bool> incompetent;           // parallel to valve_veins
  std::string reload_error;                // last hot-reload error; empty after a good reload
  float stocking_mmhg = 0.0f;
  // Polls content files and reloads techniques when they change (window and kiosk).
  void poll_hot_reload(double dt);
  // The leg's frame -> room (identity for a foreign --model, which has no client around it).
  [[nodiscard]] glm::mat4 leg_to_room() const;
  // What the camera follows: the leg, but the body while walking (app/client_gait.hpp).
  [[nodiscard]] glm::mat4 camera_subject() const;
  // The model's box in its own frame, found once when it loads (the overlay and the edge
  // filter's region need it every frame; a pass over every vertex each time was waste).
  [[nodiscard]] const anatomy::Bounds& model_bounds() const { return model_bounds_; }
  // The knee's flexion drawn now (sitting: 90 degrees; 0 with a foreign --model, never bent).
  [[nodiscard]] float knee_flexion() const;
  // Lying, which way is up in the leg's frame as the client is drawn (face up with no client):
  // the flow model's heights (flow/posture.hpp lying_up).
  [[nodiscard]] glm::vec3 lying_up() const;
  [[nodiscard]] float hip_flexion() const;  // the massaged hip (the hip blend, anatomy::blend_hip)
  // The leg as drawn: `model` bent at the knee while the client sits (anatomy/leg_bend.hpp), so
  // hover, picking and labels find what is on screen; `model` itself while the knee is straight.
  [[nodiscard]] const anatomy::Model& drawn_model() const;
  // The drawn leg's box (the bent skin's while sitting), in the leg frame: what the camera frames.
  [[nodiscard]] anatomy::Bounds drawn_bounds() const;
  // The box the camera frames with no technique, in the leg frame: drawn_bounds(); walking, the
  // leg's own box standing straight, the same at every moment of the stride.
  [[nodiscard]] anatomy::Bounds camera_bounds() const;
  // When set, the loads record each set-up step's cost in it (effleura --bench).
  SetupTimes* setup_times = nullptr;
  // Tells the camera where the leg (or, walking, the body) now lies and how it is bent (a lesson
  // step that turns the client calls it before naming a view).
  void place_camera_subject();

 private:
  // The atlas's hidden, faded and cut structures into the frame (the skin's into its layer).
  void apply_atlas(render::FrameView& v) const;
  // Labels on every visible structure (atlas "Label all") and on the selected one.
  void structure_labels(const render::FrameView& v, const glm::mat4& vp, glm::ivec2 size, ui::Overlay& o) const;
  [[nodiscard]] std::size_t skin_mesh() const;  // the leg's skin mesh (meshes.size() when none)
  [[nodiscard]] bool any_vein_shown(const render::FrameView& v) const;
  // Tells the client which technique plays and the camera where the leg now lies.
  void sync_client();
  const technique::Timeline* client_timeline_ = nullptr;
  bool flow_framed_ = false;  // the camera last framed the technique for the flow view
  // The hands' box per step of the current timeline, for working_area (computed once a
  // technique, on first use).
  mutable const technique::Timeline* framed_timeline_ = nullptr;
  mutable std::vector<technique::StepFraming> step_regions_;
  anatomy::Bounds model_bounds_;
  // drawn_model()'s bent copy, for the flexion and the model (its meshes' storage) it was made from.
  mutable anatomy::Model bent_;
  mutable anatomy::Bounds bent_bounds_;
  mutable float bent_deg_ = 0.0f;
  mutable float bent_hip_deg_ = 0.0f;
  mutable const anatomy::Mesh* bent_from_ = nullptr;
  bool own_leg_ = false;  // assets/leg.glb rather than a --model: the client surrounds it
  DataPaths paths_;
  FileWatcher watcher_;
};

}  // namespace effleura::app
