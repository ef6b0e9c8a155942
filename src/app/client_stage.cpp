#include "app/client_stage.hpp"

#include <algorithm>
#include <cmath>

#include "app/client_gait.hpp"

namespace effleura::app {
namespace {

constexpr float kTurnSeconds = 1.6f;  // rolling over on a table, unhurried

float ease(float t) { return t * t * (3.0f - 2.0f * t); }

}  // namespace

Expected<anatomy::ClientPosture> parse_posture_option(const std::string& name) {
  if (auto p = anatomy::parse_client_posture(name)) return *p;
  return fail("invalid value '" + name + "' for --posture: expected " + std::string(anatomy::kClientPostureNames));
}

flow::Posture flow_posture(anatomy::ClientPosture p) {
  switch (p) {
    case anatomy::ClientPosture::supine:
    case anatomy::ClientPosture::prone: return flow::Posture::supine;
    case anatomy::ClientPosture::raised: return flow::Posture::raised;
    case anatomy::ClientPosture::sitting: return flow::Posture::sitting;
    case anatomy::ClientPosture::standing:
    case anatomy::ClientPosture::walking: return flow::Posture::standing;  // the model's walking is a scenario
  }
  return flow::Posture::supine;
}

anatomy::ClientPosture drawn_posture(flow::Posture p) {
  switch (p) {
    case flow::Posture::supine: return anatomy::ClientPosture::supine;
    case flow::Posture::raised: return anatomy::ClientPosture::raised;
    case flow::Posture::sitting: return anatomy::ClientPosture::sitting;
    case flow::Posture::standing: return anatomy::ClientPosture::standing;
  }
  return anatomy::ClientPosture::supine;
}

bool ClientStage::lying() const {
  return posture_ == anatomy::ClientPosture::supine || posture_ == anatomy::ClientPosture::prone;
}

void ClientStage::choose(anatomy::ClientPosture posture) {
  posture_ = posture;
  if (lying()) turn_ = target_ = posture == anatomy::ClientPosture::prone ? 0.0f : 1.0f;
}

bool ClientStage::follow_flow(flow::Posture posture) {
  if (flow_posture(posture_) == posture) return false;
  choose(drawn_posture(posture));
  if (lying()) set_technique(nullptr), update(0.0, std::nullopt);
  return true;
}

void ClientStage::set_technique(const technique::Timeline* timeline, const std::vector<std::string>& views, double at,
                                const std::vector<technique::WorkingSide>* sides) {
  timeline_ = timeline;
  last_time_ = at;
  knee_deg_ = timeline ? timeline->knee_at(at) : std::nullopt;
  outer_up_ = false;
  if (!timeline) sides_.clear();
  else if (sides && sides->size() == timeline->step_count()) sides_ = *sides;
  else sides_ = technique::step_sides(*timeline);
  step_knees_.assign(timeline ? timeline->step_count() : 0, std::nullopt);
  for (std::size_t i = 0; i < step_knees_.size(); ++i) {
    // 32 samples: a step's knee keys are a few smooth segments (calf work at a steady 45-90).
    constexpr int kSamples = 32;
    const double start = timeline->step_start(i), end = timeline->step_end(i);
    float sum = 0.0f;
    int n = 0;
    for (int k = 0; k < kSamples; ++k)
      if (const auto knee = timeline->knee_at(start + (end - start) * (k + 0.5) / kSamples)) sum += *knee, ++n;
    if (n > 0) step_knees_[i] = sum / static_cast<float>(n);
  }
  const auto shows = [&views](const char* v) { return views.empty() || std::find(views.begin(), views.end(), v) != views.end(); };
  for (auto& side : sides_)
    if ((side == technique::WorkingSide::back && !shows("back")) || (side == technique::WorkingSide::front && !shows("front")))
      side = technique::WorkingSide::either;
  if (!timeline || !lying()) return;
  if (const auto side = side_at(timeline->step_at(at))) turn_ = target_ = *side;
}

std::optional<float> ClientStage::side_at(std::size_t step) const {
  const auto turn_of = [](technique::WorkingSide s) { return s == technique::WorkingSide::back ? 0.0f : 1.0f; };
  for (std::size_t i = std::min(step + 1, sides_.size()); i-- > 0;)
    if (sides_[i] != technique::WorkingSide::either) return turn_of(sides_[i]);
  for (std::size_t i = step; i < sides_.size(); ++i)
    if (sides_[i] != technique::WorkingSide::either) return turn_of(sides_[i]);
  return std::nullopt;
}

void ClientStage::face(technique::WorkingSide side) {
  if (!lying() || side == technique::WorkingSide::either) return;
  target_ = side == technique::WorkingSide::back ? 0.0f : 1.0f;
}

void ClientStage::update(double dt, std::optional<std::size_t> step) {
  if (step && *step < sides_.size()) {
    if (sides_[*step] == technique::WorkingSide::back) target_ = 0.0f;
    if (sides_[*step] == technique::WorkingSide::front) target_ = 1.0f;
    // The way the client rolls into a sided step is that step's (Step::client_turn_outer_up).
    if (sides_[*step] != technique::WorkingSide::either && timeline_ && *step < timeline_->step_count())
      outer_up_ = timeline_->step_client_turn_outer_up(*step);
  }
  if (posture_ == anatomy::ClientPosture::walking) walk_time_ += std::max(dt, 0.0);
  const float delta = static_cast<float>(std::max(dt, 0.0)) / kTurnSeconds;
  turn_ = turn_ < target_ ? std::min(target_, turn_ + delta) : std::max(target_, turn_ - delta);
}

void ClientStage::update(double dt, double time, double advanced) {
  double off = time - (last_time_ + advanced);
  last_time_ = time;
  knee_deg_ = timeline_ ? timeline_->knee_at(time) : std::nullopt;
  // Looping from the end back to the start is playing on.
  const double duration = timeline_ ? timeline_->duration() : 0.0;
  if (duration > 0.0 && off < -0.5 * duration) off += duration;
  constexpr double kJumpS = 0.25;  // more than a slow frame's worth: the user moved the time
  if (timeline_ && std::abs(off) > kJumpS && lying()) {
    if (const auto side = side_at(timeline_->step_at(time))) turn_ = target_ = *side;
  }
  update(dt, timeline_ ? std::optional(timeline_->step_at(time)) : std::nullopt);
}

anatomy::ClientPose ClientStage::pose_for_step(std::size_t step) const {
  const std::optional<float> knee = step < step_knees_.size() ? step_knees_[step] : std::nullopt;
  if (posture_ == anatomy::ClientPosture::walking) return pose();
  if (!lying()) return bent(anatomy::client_pose(posture_), 1.0f, knee);
  // Before session 20 the knee stayed straight here: with calf squeezes bent to 30 degrees the
  // step camera framed where the straight leg's hands would be (both hands seen 100 -> 10 %).
  const float side = side_at(step).value_or(target_);
  return bent(anatomy::client_pose(anatomy::ClientPosture::supine, side), 1.0f - side, knee);
}

bool ClientStage::rolls_into(std::size_t step) const {
  if (!lying() || !timeline_ || step == 0 || step >= sides_.size()) return false;
  const auto from = side_at(step - 1), to = side_at(step);
  return from && to && *from != *to;
}

anatomy::ClientPose ClientStage::pose_in_step(std::size_t step, double into) const {
  if (!rolls_into(step)) return pose_for_step(step);
  const float from = *side_at(step - 1), to = *side_at(step);
  const float share = std::clamp(static_cast<float>(into) / kTurnSeconds, 0.0f, 1.0f);
  return anatomy::client_pose(anatomy::ClientPosture::supine, ease(from + (to - from) * share),
                              timeline_->step_client_turn_outer_up(step));
}

anatomy::ClientPose ClientStage::pose() const {
  if (posture_ == anatomy::ClientPosture::walking) {
    // Stepping on the flow model's gait phase: the left leg from heel strike, the other half a stride on.
    const GaitAngles l = gait_angles(walk_time_), r = other_leg_gait_angles(walk_time_);
    return anatomy::walking_pose({l.hip_deg, l.knee_deg, l.ankle_deg}, {r.hip_deg, r.knee_deg, r.ankle_deg});
  }
  if (!lying()) return with_knee(anatomy::client_pose(posture_), 1.0f);
  // Lying, only prone does the knee bend (technique::Step::knee): supine the shank would go
  // into the table unless the hip bent too. While the client rolls over it straightens as the
  // client turns face up, and bends as it turns face down.
  return with_knee(anatomy::client_pose(anatomy::ClientPosture::supine, ease(turn_), outer_up_), 1.0f - ease(turn_));
}

anatomy::ClientPose ClientStage::with_knee(anatomy::ClientPose pose, float share) const {
  return bent(pose, share, knee_deg_);
}

anatomy::ClientPose ClientStage::bent(anatomy::ClientPose pose, float share, std::optional<float> knee) const {
  // Sitting the technique's knee replaces the posture's 90 degrees; raised (the legs along the
  // wedge) and standing it does not apply.
  const bool bends = posture_ == anatomy::ClientPosture::sitting || lying();
  if (!bends || share <= 0.0f) return pose;
  // Sitting a step's knee only bends the hanging knee further (session 21): the knees the shipped
  // content asks for are for a client lying prone (calf squeezes at 30 degrees, the shank raised
  // off the table); replacing sitting's 90 with them held the sitting shank out nearly level, the
  // hands under the calf and the forearms hanging below it.
  if (knee && posture_ == anatomy::ClientPosture::sitting) knee = std::max(*knee, pose.knee_flexion_deg);
  // Prone the ankle bolster stays: the other leg's shin still rests on it.
  if (knee) pose.knee_flexion_deg += share * (*knee - pose.knee_flexion_deg);
  return pose;
}

}  // namespace effleura::app
