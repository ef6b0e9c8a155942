#pragma once
// Orbit camera around the model: yaw/pitch/distance about a target, with view presets reached
// by a smooth transition. Plain math (no GL) so tests drive it directly. Limits keep the
// camera outside the model and the model on screen, whatever the input.
#include <optional>
#include <string_view>
#include <vector>

#include <glm/mat4x4.hpp>
#include <glm/vec2.hpp>
#include <glm/vec3.hpp>
#include <glm/vec4.hpp>

#include "anatomy/model.hpp"

namespace effleura::render {

enum class ViewPreset { front, back, lateral, medial, top };

std::optional<ViewPreset> parse_view(std::string_view name);
std::string_view view_name(ViewPreset view);

struct OrbitPose {
  float yaw = 0.0f;       // radians about +Y; 0 looks at the front (camera on +Z)
  float pitch = 0.1f;     // radians above the horizontal
  float distance = 2.5f;  // metres from the target
  glm::vec3 target{0.0f, 0.5f, 0.0f};
};

class Camera {
 public:
  // Frames the model: the target at its centre, limits from its size. `bounds` is in the leg's
  // frame; the camera works in the room, through the subject transform below.
  void frame(const anatomy::Bounds& bounds);
  // Where the leg lies in the room (anatomy/client_pose.hpp). Views and framing follow it; when
  // it moves (the client turning over), the camera's target moves with the leg.
  // `knee_deg`: the knee's flexion as drawn; bent (sitting) the named views are the shank's
  // (render/posture_view.hpp room_angles). `hip_deg`: the hip's, for follow() below.
  void set_subject(const glm::mat4& leg_to_room, float knee_deg = 0.0f, float hip_deg = 0.0f);
  [[nodiscard]] const glm::mat4& subject() const { return subject_; }
  [[nodiscard]] float knee_deg() const { return knee_deg_; }

  // Presets look at this region (e.g. where a technique's hands work), close enough that it
  // fills most of the frame; without one they show the whole model. reset() always shows
  // the whole model.
  void set_focus(const std::optional<anatomy::Bounds>& region);
  void set_preset(ViewPreset view, bool animate);
  // The atlas: look at the focus region (set_focus) from where the camera now looks, and go to
  // a saved pose (room frame). Both end following, as a user's move does.
  void look_at_focus(bool animate);
  void go_to(const OrbitPose& pose, bool animate);
  void orbit(float delta_yaw, float delta_pitch);
  // Pan in the view plane by a fraction of the visible height.
  void pan(glm::vec2 delta_fraction);
  // Positive steps zoom in; each step changes distance by ~10 %.
  void zoom(float steps);
  void reset(bool animate);
  // Sets the orbit angles (radians, as the named views' angles: about the leg) directly, e.g.
  // from a kiosk camera path; no transition.
  void set_angles(float yaw, float pitch);
  // Follows the work (render/step_camera.hpp): frames `region` from these angles, moving there
  // over `seconds` (eased; 0 jumps). Any user move (orbit, pan, zoom, a preset, reset, set
  // angles) ends following until follow() is called again. `region` and the angles are the
  // straight leg's (a step's framing, the atlas's cut): lying or sitting with the knee or hip
  // bent, the region is bent as the leg is drawn (anatomy::bend_box) and the direction turned
  // as the leg is at the region's centre (a calf step sitting: the shank's, not the thigh's).
  // `settled`, when given, is where the leg will lie once the client has turned over (the
  // subject after the turn): the angles are turned into the room through it, so the camera goes
  // to the new side while the client rolls instead of swinging round after.
  void follow(const anatomy::Bounds& region, float yaw, float pitch, float seconds, const glm::mat4* settled = nullptr);
  // The room direction (from the target toward the eye) follow() looks along.
  [[nodiscard]] glm::vec3 follow_direction(const anatomy::Bounds& region, float yaw, float pitch,
                                           const glm::mat4* settled = nullptr) const;
  [[nodiscard]] bool following() const { return following_; }
  // Advances the preset transition (eased, ~0.6 s) by dt seconds.
  void update(float dt);
  [[nodiscard]] bool transitioning() const { return transition_ < 1.0f; }
  // The named view last chosen, until the user orbits away from it or resets.
  [[nodiscard]] std::optional<ViewPreset> preset() const { return preset_; }

  [[nodiscard]] const OrbitPose& pose() const { return pose_; }
  [[nodiscard]] glm::vec3 eye() const;
  [[nodiscard]] glm::mat4 view_matrix() const;
  // The window's projection (`aspect`: the window's width over its height). With a free area
  // set, the view is centred in it and framed for it (a lens shift, see set_free_area).
  [[nodiscard]] glm::mat4 projection_matrix(float aspect) const;
  // The part of the window the docked panels leave free: fractions of the window (min x, min y,
  // max x, max y, from its top-left; (0,0,1,1) the whole window, the default). The camera frames
  // the subject there as if that part were the whole window: its centre is the view's centre,
  // and its narrower side spans the field of view, so a leg lying across a tall gap between the
  // panels still fits side to side. What lies beyond it is drawn too, under the panels. An area
  // under a tenth of the window either way (or not finite) is ignored.
  // `window_aspect` (the window's width over its height), when given, lets the camera fit a
  // framed region's projected box to the free area's shape, not a sphere to its narrower side:
  // in a short, wide area between the panels a leg lying across it fills the width instead of
  // a circle the height. Given, a region framed by follow(), a preset or look_at_focus() is
  // fitted again when the area's shape changes (not once the user has zoomed or moved).
  // `ease_s` > 0: a change of the area in the same window (a lesson panel grown by a question's
  // feedback, a panel opened) is eased over that many seconds of update(), so the leg glides to
  // its new place rather than jumping there in one frame; the first area set and a new window
  // shape still take effect at once.
  void set_free_area(const glm::vec4& area, float window_aspect = 0.0f, float ease_s = 0.0f);
  [[nodiscard]] const glm::vec4& free_area() const { return free_area_; }
  // The area set_free_area was last given (free_area() reaches it once an ease has run).
  [[nodiscard]] const glm::vec4& free_area_goal() const { return free_goal_; }
  [[nodiscard]] bool easing_free_area() const { return free_ease_ < 1.0f; }
  // The region presets and follow() frame (leg frame, bent as drawn), if any.
  [[nodiscard]] const std::optional<anatomy::Bounds>& focus_region() const { return focus_region_; }
  [[nodiscard]] float fov_y() const { return fov_y_; }
  [[nodiscard]] float min_distance() const { return min_distance_; }
  [[nodiscard]] float max_distance() const { return max_distance_; }
  // Every setting a framing computed from this camera reads, as numbers (not the pose it is
  // at or moving to): the view search's answers are kept in the start-up cache under them
  // (app/step_view_cache.hpp).
  [[nodiscard]] std::vector<float> framing_parameters() const;

 private:
  void clamp();
  void start_transition(const OrbitPose& to);
  // Takes `area` as the free area now (refitting a framed region to a new shape).
  void apply_free_area(const glm::vec4& area, float window_aspect);
  // Room box, limits, home and focus from the leg's box, the subject and the focus region.
  void place();
  // Where the camera stands to see the focus region from `yaw` and `pitch`: with a free area
  // and the window's aspect known, its projected box centred in the area and filling at most
  // kBoxFill of the area's width and height (the target moved off the region's centre by what
  // perspective shifts the box); else focus_'s sphere fit (home without a focus).
  [[nodiscard]] OrbitPose framed_pose(float yaw, float pitch) const;

  OrbitPose pose_{};
  OrbitPose from_{}, to_{};
  float transition_ = 1.0f;
  float transition_seconds_ = 0.6f;
  bool following_ = false;
  float fov_y_ = 0.6f;  // ~34 degrees: little perspective distortion on a tall subject
  glm::vec4 free_area_{0.0f, 0.0f, 1.0f, 1.0f};
  float free_aspect_ = 0.0f;  // the free area's width over its height; 0: not known (sphere fit)
  // An eased change of the free area: from `free_from_` to `free_goal_`, `free_ease_` of the way
  // (1: done) in `free_ease_s_` seconds, in a window of `window_aspect_` (0: none set yet).
  glm::vec4 free_from_{0.0f, 0.0f, 1.0f, 1.0f}, free_goal_{0.0f, 0.0f, 1.0f, 1.0f};
  float free_ease_ = 1.0f, free_ease_s_ = 0.3f, window_aspect_ = 0.0f;
  bool framed_ = false;       // the pose's distance is the camera's fit of the focus region
  anatomy::Bounds bounds_{{-0.2f, 0.0f, -0.2f}, {0.2f, 1.0f, 0.2f}};
  float min_distance_ = 0.3f;
  float max_distance_ = 6.0f;
  OrbitPose home_{};
  std::optional<OrbitPose> focus_;
  glm::mat4 subject_{1.0f};
  float knee_deg_ = 0.0f;
  float hip_deg_ = 0.0f;
  anatomy::Bounds leg_bounds_ = bounds_;
  std::optional<anatomy::Bounds> focus_region_;  // leg frame
  std::optional<ViewPreset> preset_;
};

}  // namespace effleura::render
