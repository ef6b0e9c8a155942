// PracticeMode's camera (app/practice_camera.hpp): the demonstration's stroke framed where the
// panels leave room, and "Show me" turned toward the side of the leg its path runs on.
#include <algorithm>
#include <cmath>
#include <vector>

#include <glm/geometric.hpp>
#include <glm/mat3x3.hpp>

#include "anatomy/leg_bend.hpp"
#include "app/practice_mode.hpp"
#include "app/state.hpp"
#include "core/frame.hpp"
#include "core/view_angles.hpp"
#include "render/posture_view.hpp"

namespace effleura::app {
namespace {

constexpr float kStrokePadM = 0.06f;  // around the stroke: the hands' width, and the leg beyond it
constexpr float kGhostPadM = 0.04f;
constexpr float kPi = 3.14159265358979f;
// "Show me" looks at the ghost's side of the leg, never straight down (the orbit camera's
// picture has no up there) nor from under the table.
constexpr float kHighestPitch = 1.45f;

anatomy::Bounds box_around(const std::vector<glm::vec3>& points, float pad) {
  anatomy::Bounds b{glm::vec3(1e9f), glm::vec3(-1e9f)};
  for (const glm::vec3& p : points) {
    b.min = glm::min(b.min, p - glm::vec3(pad));
    b.max = glm::max(b.max, p + glm::vec3(pad));
  }
  return b;
}

float wrap(float a) { return std::remainder(a, 2.0f * kPi); }

bool same_pose(const render::OrbitPose& a, const render::OrbitPose& b) {
  return std::abs(wrap(a.yaw - b.yaw)) < 1e-3f && std::abs(a.pitch - b.pitch) < 1e-3f &&
         std::abs(a.distance - b.distance) < 1e-3f && glm::distance(a.target, b.target) < 1e-3f;
}

// Moves the camera to `pose` as the camera's limits allow, and says where that is.
render::OrbitPose go_to(render::Camera& camera, const render::OrbitPose& pose, bool animate) {
  const render::OrbitPose before = camera.pose();
  camera.go_to(pose, false);
  const render::OrbitPose reached = camera.pose();
  if (animate) {
    camera.go_to(before, false);
    camera.go_to(reached, true);
  }
  return reached;
}

}  // namespace

void PracticeMode::set_clear_band(State& state, const ClearBand& band) {
  band_ = band;
  if (active() && !framed_in_band_ && band_.known()) frame_stroke(state, false);
}

void PracticeMode::frame_stroke(State& state, bool animate) {
  const technique::Technique* t = state.simulation.technique();
  const auto& demo = reference_.demo.samples;
  if (!t || demo.size() < 2) return;
  std::vector<glm::vec3> points;
  for (const auto& s : demo) points.push_back(s.point);
  const anatomy::Bounds region =
      anatomy::bend_box(box_around(points, kStrokePadM), frame::kKneeCentre, state.knee_flexion(), state.hip_flexion());
  render::Camera& camera = state.camera;
  // The technique's first view, as its preset would look from, for the posture the leg is in.
  const std::string view = t->views.empty() ? "back" : t->views.front();
  const ViewAngles a = render::room_angles(render::leg_direction(view_angles(view)), camera.subject(), camera.knee_deg());
  (void)go_to(camera, fit_region(camera, region, a.yaw, a.pitch, band_), animate);
  framed_in_band_ = band_.known();
  framed_subject_ = camera.subject();
  show_pose_.reset();
  back_pose_.reset();
}

void PracticeMode::turn_to_ghost(State& state) {
  if (ghost_path_.size() < 2) return;
  render::Camera& camera = state.camera;
  std::vector<glm::vec3> points;
  glm::vec3 facing(0.0f);
  for (const auto& g : ghost_path_) {
    points.push_back(g.point);
    facing += g.normal;
  }
  if (glm::length(facing) < 1e-3f) return;
  // Face on to the path: along its mean outward normal, in the room; standing, never from the
  // inner side (the other leg stands there).
  const bool upright = render::upright(camera.subject());
  const glm::vec3 d = upright ? render::open_side(facing, camera.subject())
                              : glm::normalize(glm::mat3(camera.subject()) * facing);
  const float yaw = std::atan2(d.x, d.z);
  float pitch = std::asin(std::clamp(d.y, -1.0f, 1.0f));
  // Often from the other side of the table (effleurage's path runs up the inner calf, which
  // the back view sees edge on), as a teacher walks round to show it: the picture turns
  // round with the camera, and turns back when the stroke is over.
  pitch = std::clamp(pitch, upright ? -kHighestPitch : 0.05f, kHighestPitch);
  const anatomy::Bounds region =
      anatomy::bend_box(box_around(points, kGhostPadM), frame::kKneeCentre, state.knee_flexion(), state.hip_flexion());
  if (!back_pose_) back_pose_ = camera.pose();  // pressed again while showing: back to where it was first
  show_pose_ = go_to(camera, fit_region(camera, region, yaw, pitch, band_), true);
}

void PracticeMode::turn_back(State& state) {
  if (back_pose_ && show_pose_ && !state.camera.transitioning() && same_pose(state.camera.pose(), *show_pose_))
    (void)go_to(state.camera, *back_pose_, true);
  back_pose_.reset();
  show_pose_.reset();
}

}  // namespace effleura::app
