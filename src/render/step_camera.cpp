#include "render/step_camera.hpp"

#include <algorithm>
#include <cmath>

#include <glm/common.hpp>
#include <glm/geometric.hpp>
#include <glm/trigonometric.hpp>

namespace effleura::render {

namespace {
constexpr float kSideways = 0.70f;  // radians
}  // namespace

ViewAngles facing_angles(const glm::vec3& facing, ViewAngles fallback, float turn) {
  ViewAngles a = fallback;
  const float horizontal = std::sqrt(facing.x * facing.x + facing.z * facing.z);
  // Below ~0.35 the hands face opposite ways round the limb (or up and down): no one side shows
  // both better than the technique's own view.
  // Not straight along it but 40 degrees round to one side: straight on, the camera looks over
  // the therapist's shoulder and the forearms come at it, hiding the hands.
  // The turn goes toward the leg's outer side (+X): the inner side faces the other leg, which
  // would stand between the camera and the hands. A step may ask to turn further that way
  // (`turn`, Step::camera_turn_deg).
  if (horizontal > 0.35f) {
    const float yaw = std::atan2(facing.x, facing.z);
    a.yaw = yaw + (std::cos(yaw) >= 0.0f ? kSideways + turn : -kSideways - turn);
  }
  const float length = glm::length(facing);
  if (length > 0.35f) {
    // Tilt toward where the hands face, three quarters of the way: on the sole (facing down)
    // from below the foot, looking up at it; never straight down or up.
    const float tilt = std::asin(std::clamp(facing.y / length, -1.0f, 1.0f));
    a.pitch = std::clamp(kHomePitch + 0.75f * tilt, -0.9f, 1.0f);
  }
  return a;
}

void StepCamera::start(Camera& camera, const technique::Timeline& timeline, double t, ViewAngles fallback,
                       bool animate, std::vector<technique::StepFraming> framings) {
  timeline_ = &timeline;
  fallback_ = fallback;
  framings_ = framings.size() == timeline.step_count() ? std::move(framings) : technique::step_framings(timeline);
  chosen_.assign(framings_.size(), std::nullopt);
  step_ = timeline.step_at(t);
  frame_step(camera, step_, animate ? kMoveSeconds : 0.0f);
}

void StepCamera::update(Camera& camera, const technique::Timeline* timeline, std::size_t step) {
  if (!timeline_ || !timeline || !camera.following()) return;
  if (timeline != timeline_) {
    // Rebuilt (hot reload): frame its steps afresh.
    timeline_ = timeline;
    framings_ = technique::step_framings(*timeline);
    chosen_.assign(framings_.size(), std::nullopt);
    step_ = framings_.size();
  }
  if (step == step_ || step >= framings_.size()) return;
  step_ = step;
  frame_step(camera, step, kMoveSeconds);
}

anatomy::Bounds scaled_about_centre(const anatomy::Bounds& box, float scale) {
  const glm::vec3 c = box.centre();
  const glm::vec3 half = 0.5f * scale * box.size();
  return {c - half, c + half};
}

void StepCamera::frame_step(Camera& camera, std::size_t step, float seconds) {
  if (step >= framings_.size()) return;
  const technique::StepFraming& f = framings_[step];
  anatomy::Bounds region = f.region;
  ViewAngles a = facing_angles(f.facing, fallback_, f.turn);
  if (step < extra_.size() && extra_[step]) {
    region = region.united(*extra_[step]);
    a = extra_from_;
  }
  // A step with its own camera in content (technique/step_view.hpp) is seen from there: no
  // search, so no judge and nothing cached. Its angles are the leg's, as the search's are.
  const std::optional<technique::StepView> pinned =
      timeline_ && step < timeline_->step_count() ? timeline_->step_view(step) : std::nullopt;
  if (pinned) {
    a = {glm::radians(pinned->around_deg), glm::radians(pinned->tilt_deg)};
    region = scaled_about_centre(region, pinned->scale);
  } else if (judge_) {
    if (chosen_.size() != framings_.size()) chosen_.assign(framings_.size(), std::nullopt);
    if (!chosen_[step]) chosen_[step] = judge_(step, region, a);
    a = *chosen_[step];
  }
  if (settled_) {
    const glm::mat4 leg = settled_(step);
    camera.follow(region, a.yaw, a.pitch, seconds, &leg);
  } else {
    camera.follow(region, a.yaw, a.pitch, seconds);
  }
}

}  // namespace effleura::render
