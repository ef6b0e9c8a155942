#include "render/camera.hpp"

#include "anatomy/leg_bend.hpp"
#include "core/frame.hpp"
#include "core/view_angles.hpp"
#include "render/box_fit.hpp"
#include "render/posture_view.hpp"

#include <algorithm>
#include <cmath>

#include <glm/common.hpp>
#include <glm/ext/matrix_clip_space.hpp>
#include <glm/ext/matrix_transform.hpp>
#include <glm/geometric.hpp>

namespace effleura::render {
namespace {

constexpr float kPi = 3.14159265358979f;
constexpr float kMaxPitch = 1.55f;  // just short of straight down/up: the view never flips
// With the free area's shape known, a framed region's projected box takes at most this share of
// the area's width and height: a margin for the hands and forearms, which reach past the region.
constexpr float kBoxFill = 0.85f;

float wrap_angle(float a) {
  while (a > kPi) a -= 2.0f * kPi;
  while (a < -kPi) a += 2.0f * kPi;
  return a;
}

float ease(float t) { return t * t * (3.0f - 2.0f * t); }

}  // namespace

std::optional<ViewPreset> parse_view(std::string_view name) {
  if (name == "front") return ViewPreset::front;
  if (name == "back") return ViewPreset::back;
  if (name == "lateral") return ViewPreset::lateral;
  if (name == "medial") return ViewPreset::medial;
  if (name == "top") return ViewPreset::top;
  return std::nullopt;
}

std::string_view view_name(ViewPreset view) {
  switch (view) {
    case ViewPreset::front: return "front";
    case ViewPreset::back: return "back";
    case ViewPreset::lateral: return "lateral";
    case ViewPreset::medial: return "medial";
    case ViewPreset::top: return "top";
  }
  return "front";
}

namespace {

// The room box holding a box of the leg frame.
anatomy::Bounds room_box(const anatomy::Bounds& b, const glm::mat4& m) {
  anatomy::Bounds out{glm::vec3(1e9f), glm::vec3(-1e9f)};
  for (int c = 0; c < 8; ++c) {
    const glm::vec3 corner((c & 1) ? b.max.x : b.min.x, (c & 2) ? b.max.y : b.min.y, (c & 4) ? b.max.z : b.min.z);
    const glm::vec3 p(m * glm::vec4(corner, 1.0f));
    out.min = glm::min(out.min, p);
    out.max = glm::max(out.max, p);
  }
  return out;
}

}  // namespace

void Camera::frame(const anatomy::Bounds& bounds) {
  leg_bounds_ = bounds;
  focus_region_.reset();
  place();
  pose_ = home_;
  transition_ = 1.0f;
  framed_ = false;
}

void Camera::place() {
  const anatomy::Bounds bounds = room_box(leg_bounds_, subject_);
  bounds_ = bounds;
  const glm::vec3 size = bounds.size();
  const float radius = 0.5f * glm::length(size);
  // Closest approach: outside the cylinder round the model's longest axis (upright, the
  // vertical one: the bounding circle in the horizontal plane). The margins are for a leg
  // (about 1 m); a foreign model of 1 cm gets them scaled down with it, or it would stay a
  // speck 15 cm away.
  const float scale = std::clamp(radius / 0.5f, 1e-4f, 1.0f);
  float e[3] = {size.x, size.y, size.z};
  std::sort(e, e + 3);
  min_distance_ = std::max(0.5f * e[1] + 0.1f * scale, 0.15f * scale);
  max_distance_ = std::max(radius * 8.0f, 2.0f * scale);
  home_.target = bounds.centre();
  home_.distance = std::clamp(radius / std::tan(fov_y_ * 0.5f) * 1.05f, min_distance_, max_distance_);
  // Upright, from the front as always; lying or sitting, from the leg's outer side, looking
  // down as a therapist beside the table does.
  const ViewAngles home = room_angles(leg_direction(view_angles(upright(subject_) ? "front" : "lateral")), subject_, knee_deg_);
  home_.yaw = home.yaw;
  home_.pitch = home.pitch;
  focus_.reset();
  if (!focus_region_) return;
  const anatomy::Bounds region = room_box(*focus_region_, subject_);
  OrbitPose p = home_;
  p.target = glm::clamp(region.centre(), bounds_.min, bounds_.max);
  // A margin around the region (30 %), and never so close that a small region (a tap on
  // one spot) hides where on the leg it is.
  const float r = std::max(0.5f * glm::length(region.size()), 0.25f);
  p.distance = std::clamp(r / std::tan(fov_y_ * 0.5f) * 1.3f, min_distance_, home_.distance);
  focus_ = p;
}

OrbitPose Camera::framed_pose(float yaw, float pitch) const {
  OrbitPose p = focus_ ? *focus_ : home_;
  p.yaw = yaw;
  p.pitch = pitch;
  if (!focus_) {
    p.distance = home_.distance;
    return p;
  }
  if (!focus_region_ || free_aspect_ <= 0.0f) return p;
  // The free area's half-extents as tangents: fov_y_ spans its narrower side (projection_matrix).
  const float t = std::tan(0.5f * fov_y_);
  const float ty = free_aspect_ >= 1.0f ? t : t / free_aspect_, tx = ty * free_aspect_;
  const anatomy::Bounds& b = *focus_region_;
  glm::vec3 corners[8];
  for (int k = 0; k < 8; ++k)
    corners[k] = glm::vec3(subject_ * glm::vec4((k & 1) ? b.max.x : b.min.x, (k & 2) ? b.max.y : b.min.y,
                                                (k & 4) ? b.max.z : b.min.z, 1.0f));
  // As place(), never so close that a small region (a tap on one spot) hides where on the leg
  // it is: 0.65 m in view along the area's longer side (place() holds its narrower side to that,
  // which in a short wide area kept a whole leg to 63 % of the width); never farther than the
  // whole model's view.
  const float nearest = 0.25f * 1.3f / std::max(tx, ty);
  const float farthest = std::max(home_.distance, min_distance_);
  // Each corner of the region (as drawn in the room) within kBoxFill of the area; seen
  // obliquely the near end of the region is drawn larger, so the fit about the region's centre
  // left one side of the area empty (a whole leg spanned 73 % of the width, not 85 %): the
  // target slides until the box is centred (render/box_fit.hpp), held inside the model as
  // clamp() would hold it.
  fit_box(p, corners, view_axes(yaw, pitch), tx, ty, kBoxFill, std::max(nearest, min_distance_), farthest, bounds_);
  return p;
}

void Camera::set_subject(const glm::mat4& leg_to_room, float knee_deg, float hip_deg) {
  knee_deg_ = knee_deg;
  hip_deg_ = hip_deg;
  if (leg_to_room == subject_) return;
  const glm::vec3 before = focus_ ? focus_->target : home_.target;
  subject_ = leg_to_room;
  place();
  // The camera stays where it stands in the room and keeps looking at the same part of the
  // leg: its target (and a running transition's) moves with the leg.
  const glm::vec3 moved = (focus_ ? focus_->target : home_.target) - before;
  pose_.target += moved;
  from_.target += moved;
  to_.target += moved;
  clamp();
}

void Camera::start_transition(const OrbitPose& to) {
  transition_seconds_ = 0.6f;
  from_ = pose_;
  to_ = to;
  // Go the short way round.
  to_.yaw = from_.yaw + wrap_angle(to.yaw - from_.yaw);
  transition_ = 0.0f;
}

void Camera::set_focus(const std::optional<anatomy::Bounds>& region) {
  focus_region_.reset();
  if (region) {
    const glm::vec3 size = region->size();
    if (size.x >= 0.0f && size.y >= 0.0f && size.z >= 0.0f) focus_region_ = region;  // empty or NaN: the whole model
  }
  place();
}

namespace {

// Sitting (the knee bent 45 degrees or more), a region below the knee is on the shank: its views
// are the shank's, as the named views are (room_angles: the calf's back, which faces the table's
// end under the thighs, from its outer side a little below the table top).
bool on_bent_shank(const anatomy::Bounds& region, const glm::mat4& subject, float knee_deg) {
  return !upright(subject) && knee_deg >= kShankViewsFromDeg && region.centre().y < frame::kKneeCentre.y;
}

}  // namespace

glm::vec3 Camera::follow_direction(const anatomy::Bounds& region, float yaw, float pitch, const glm::mat4* settled) const {
  // The leg as it lies now, or as it will lie once the client has turned over.
  const glm::mat4& subject = settled ? *settled : subject_;
  if (on_bent_shank(region, subject, knee_deg_)) return leg_direction(room_angles(leg_direction({yaw, pitch}), subject, knee_deg_));
  glm::vec3 d = leg_direction({yaw, pitch});
  // Standing and walking the views are the leg frame's own (walking's subject is the body).
  // Lying or sitting, the direction turns as the leg is drawn at the region (the hip's blend).
  if (!upright(subject) && (knee_deg_ != 0.0f || hip_deg_ != 0.0f))
    d = glm::mat3(anatomy::knee_bend_at(region.centre(), frame::kKneeCentre, knee_deg_, hip_deg_)) * d;
  // Where the client lies the leg's direction is turned into the room's, exactly, but never from
  // under the table or through the other leg.
  return open_side(d, subject);
}

std::vector<float> Camera::framing_parameters() const {
  std::vector<float> v{fov_y_, free_aspect_, window_aspect_, min_distance_, max_distance_, knee_deg_, hip_deg_};
  for (const glm::vec4& a : {free_area_, free_goal_}) v.insert(v.end(), {a.x, a.y, a.z, a.w});
  for (const anatomy::Bounds& b : {bounds_, leg_bounds_}) v.insert(v.end(), {b.min.x, b.min.y, b.min.z, b.max.x, b.max.y, b.max.z});
  for (int c = 0; c < 4; ++c) v.insert(v.end(), {subject_[c].x, subject_[c].y, subject_[c].z, subject_[c].w});
  return v;
}

void Camera::follow(const anatomy::Bounds& region, float yaw, float pitch, float seconds, const glm::mat4* settled) {
  const glm::vec3 d = follow_direction(region, yaw, pitch, settled);
  const bool shank = on_bent_shank(region, settled ? *settled : subject_, knee_deg_);
  set_focus(upright(subject_) ? region : anatomy::bend_box(region, frame::kKneeCentre, knee_deg_, hip_deg_));
  // Never from under the table; the bent shank's back from a little below its top (room_angles).
  const float lowest = upright(subject_) ? -kMaxPitch : shank ? -0.2f : 0.05f;
  const OrbitPose p = framed_pose(std::atan2(d.x, d.z), std::clamp(std::asin(std::clamp(d.y, -1.0f, 1.0f)), lowest, kMaxPitch));
  if (seconds > 0.0f) {
    start_transition(p);
    transition_seconds_ = seconds;
  } else {
    pose_ = p;
    transition_ = 1.0f;
    clamp();
  }
  following_ = true;
  framed_ = focus_.has_value();
}

void Camera::look_at_focus(bool animate) {
  go_to(framed_pose(pose_.yaw, pose_.pitch), animate);
  framed_ = focus_.has_value();
}

void Camera::go_to(const OrbitPose& pose, bool animate) {
  following_ = false;
  framed_ = false;
  preset_.reset();
  // Within the camera's limits (a pose read from a file may be anything).
  const OrbitPose before = pose_;
  pose_ = pose;
  clamp();
  const OrbitPose to = pose_;
  if (animate) {
    pose_ = before;
    start_transition(to);
  } else {
    transition_ = 1.0f;
  }
}

void Camera::set_preset(ViewPreset view, bool animate) {
  preset_ = view;
  following_ = false;
  const ViewAngles angles = room_angles(leg_direction(view_angles(view_name(view))), subject_, knee_deg_);
  const OrbitPose p = framed_pose(angles.yaw, angles.pitch);
  framed_ = focus_.has_value();
  if (animate) {
    start_transition(p);
  } else {
    pose_ = p;
    transition_ = 1.0f;
  }
}

void Camera::orbit(float delta_yaw, float delta_pitch) {
  preset_.reset();
  following_ = false;
  framed_ = false;
  transition_ = 1.0f;  // the user takes over from any running transition
  pose_.yaw = wrap_angle(pose_.yaw + delta_yaw);
  pose_.pitch += delta_pitch;
  clamp();
}

void Camera::pan(glm::vec2 delta_fraction) {
  following_ = false;
  framed_ = false;
  transition_ = 1.0f;
  const glm::vec3 forward = glm::normalize(pose_.target - eye());
  const glm::vec3 right = glm::normalize(glm::cross(forward, glm::vec3(0, 1, 0)));
  const glm::vec3 up = glm::cross(right, forward);
  const float visible = 2.0f * pose_.distance * std::tan(fov_y_ * 0.5f);
  pose_.target += (-delta_fraction.x * right + delta_fraction.y * up) * visible;
  clamp();
}

void Camera::zoom(float steps) {
  following_ = false;
  framed_ = false;
  transition_ = 1.0f;
  pose_.distance *= std::pow(0.9f, steps);
  clamp();
}

void Camera::reset(bool animate) {
  preset_.reset();
  following_ = false;
  framed_ = false;
  if (animate) start_transition(home_);
  else { pose_ = home_; transition_ = 1.0f; }
}

void Camera::set_angles(float yaw, float pitch) {
  preset_.reset();
  following_ = false;
  framed_ = false;
  transition_ = 1.0f;
  const ViewAngles room = room_angles(leg_direction({yaw, pitch}), subject_, knee_deg_);
  pose_.yaw = wrap_angle(room.yaw);
  pose_.pitch = room.pitch;
  pose_.distance = home_.distance;
  pose_.target = home_.target;
  clamp();
}

void Camera::update(float dt) {
  if (free_ease_ < 1.0f && dt > 0.0f) {
    free_ease_ = std::min(1.0f, free_ease_ + dt / free_ease_s_);
    apply_free_area(glm::mix(free_from_, free_goal_, ease(free_ease_)), window_aspect_);
  }
  if (transition_ >= 1.0f) return;
  transition_ = std::min(1.0f, transition_ + std::max(dt, 0.0f) / transition_seconds_);
  const float t = ease(transition_);
  pose_.yaw = glm::mix(from_.yaw, to_.yaw, t);
  pose_.pitch = glm::mix(from_.pitch, to_.pitch, t);
  pose_.distance = glm::mix(from_.distance, to_.distance, t);
  pose_.target = glm::mix(from_.target, to_.target, t);
  if (transition_ >= 1.0f) pose_.yaw = wrap_angle(pose_.yaw);
  clamp();
}

void Camera::clamp() {
  if (!std::isfinite(pose_.yaw)) pose_.yaw = 0.0f;
  if (!std::isfinite(pose_.pitch)) pose_.pitch = 0.0f;
  if (!std::isfinite(pose_.distance)) pose_.distance = home_.distance;
  pose_.pitch = std::clamp(pose_.pitch, -kMaxPitch, kMaxPitch);
  pose_.distance = std::clamp(pose_.distance, min_distance_, max_distance_);
  // The target stays inside the model's box, so the model can never be lost off screen.
  for (int i = 0; i < 3; ++i)
    if (!std::isfinite(pose_.target[i])) pose_.target[i] = home_.target[i];
  pose_.target = glm::clamp(pose_.target, bounds_.min, bounds_.max);
}

glm::vec3 Camera::eye() const {
  const float c = std::cos(pose_.pitch);
  return pose_.target + pose_.distance * glm::vec3(std::sin(pose_.yaw) * c, std::sin(pose_.pitch),
                                                   std::cos(pose_.yaw) * c);
}

glm::mat4 Camera::view_matrix() const { return glm::lookAt(eye(), pose_.target, glm::vec3(0, 1, 0)); }

glm::mat4 Camera::projection_matrix(float aspect) const {
  // Near and far from the model's bounding sphere, so a 20 m model is not clipped and a 1 cm
  // one is not cut by the near plane; for the leg they stay at 2 cm and 50 m.
  const float radius = 0.5f * glm::length(bounds_.size());
  const float far = std::max(50.0f, 1.5f * (pose_.distance + 2.0f * radius));
  const float scale = std::clamp(radius / 0.5f, 1e-4f, 1.0f);  // 1 for anything leg-sized
  const float near = std::clamp(0.5f * (pose_.distance - 1.5f * radius), 0.02f * scale, 0.02f);
  aspect = std::max(aspect, 0.05f);
  const glm::vec4 a = free_area_;
  const float w = a.z - a.x, h = a.w - a.y;
  if (w >= 0.999f && h >= 0.999f) return glm::perspective(fov_y_, aspect, near, far);
  // Framed for the free area as for a window of its shape: fov_y_ across its narrower side
  // (home and follow fit a sphere to fov_y_, so it fits both ways)...
  const float free_aspect = std::max(aspect * w / h, 0.05f);
  const float fov = free_aspect >= 1.0f ? fov_y_ : 2.0f * std::atan(std::tan(0.5f * fov_y_) / free_aspect);
  const glm::mat4 inner = glm::perspective(fov, free_aspect, near, far);
  // ...then that picture's -1..1 squeezed onto the area's part of the window's -1..1 (y up).
  glm::mat4 shift(1.0f);
  shift[0][0] = w;
  shift[1][1] = h;
  shift[3][0] = a.x + a.z - 1.0f;
  shift[3][1] = 1.0f - (a.y + a.w);
  return shift * inner;
}

void Camera::set_free_area(const glm::vec4& area, float window_aspect, float ease_s) {
  const glm::vec4 a = glm::clamp(area, glm::vec4(0.0f), glm::vec4(1.0f));
  const bool finite = std::isfinite(area.x) && std::isfinite(area.y) && std::isfinite(area.z) && std::isfinite(area.w);
  const glm::vec4 goal = finite && a.z - a.x >= 0.1f && a.w - a.y >= 0.1f ? a : glm::vec4(0.0f, 0.0f, 1.0f, 1.0f);
  const bool same_window = window_aspect_ > 0.0f && window_aspect == window_aspect_;
  if (ease_s > 0.0f && same_window && std::isfinite(ease_s)) {
    if (goal != free_goal_) {  // a new goal: from where the area is now
      free_from_ = free_area_;
      free_goal_ = goal;
      free_ease_ = 0.0f;
      free_ease_s_ = ease_s;
    }
    return;
  }
  free_goal_ = goal;
  free_ease_ = 1.0f;
  window_aspect_ = std::isfinite(window_aspect) && window_aspect > 0.0f ? window_aspect : 0.0f;
  apply_free_area(goal, window_aspect);
}

void Camera::apply_free_area(const glm::vec4& area, float window_aspect) {
  free_area_ = area;
  // The whole window keeps the sphere fit (every picture without docked panels as before).
  const float w = free_area_.z - free_area_.x, h = free_area_.w - free_area_.y;
  const bool whole = w >= 0.999f && h >= 0.999f;
  const float before = free_aspect_;
  free_aspect_ = !whole && std::isfinite(window_aspect) && window_aspect > 0.0f ? std::max(window_aspect * w / h, 0.05f) : 0.0f;
  // A new shape (the first frame with panels, a column shown or hidden, a new window size): the
  // region the camera framed is fitted to it again, where it stands or where it is going.
  if (free_aspect_ == before || !framed_ || !focus_) return;
  OrbitPose& goal = transitioning() ? to_ : pose_;
  const OrbitPose fitted = framed_pose(goal.yaw, goal.pitch);
  goal.target = fitted.target;
  goal.distance = fitted.distance;
  if (!transitioning()) clamp();
}

}  // namespace effleura::render
