#include "lesson/kiosk_scheduler.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace effleura::lesson {

KioskScheduler::KioskScheduler(Playlist playlist) : playlist_(std::move(playlist)) {
  if (playlist_.scenes.empty()) {
    // Defensive: a hand-built empty playlist still yields a valid (blank) frame.
    playlist_.scenes.push_back(PlaylistScene{});
  }
}

void KioskScheduler::start_scene(std::size_t index) {
  previous_ = playlist_.scenes[index_];
  if (pending_) {
    playlist_ = std::move(*pending_);
    pending_.reset();
    if (playlist_.scenes.empty()) playlist_.scenes.push_back(PlaylistScene{});
  }
  if (index >= playlist_.scenes.size()) {
    index = 0;
    ++loops_;
  }
  index_ = index;
  scene_time_ = 0.0;
  ++started_;
  if (playlist_.crossfade_s <= 0.0) previous_.reset();
}

void KioskScheduler::advance(double dt) {
  if (!std::isfinite(dt) || dt <= 0.0) return;
  running_ += dt;
  if (mode_ == KioskMode::explore) {
    idle_ += dt;
    if (idle_ < playlist_.idle_timeout_s) return;
    // Back to the loop with the scene after the one the visitor interrupted; the time past
    // the timeout counts toward the new scene.
    const double over = idle_ - playlist_.idle_timeout_s;
    mode_ = KioskMode::loop;
    idle_ = 0.0;
    start_scene(index_ + 1);
    dt = over;
  }
  scene_time_ += dt;
  for (;;) {
    const double length = playlist_.scenes[index_].duration_s;
    if (!(length > 0.0) || scene_time_ < length) break;
    const double over = scene_time_ - length;
    start_scene(index_ + 1);
    scene_time_ = over;
  }
  if (previous_ && scene_time_ >= playlist_.crossfade_s) previous_.reset();
}

void KioskScheduler::input() {
  mode_ = KioskMode::explore;
  idle_ = 0.0;
  // The visitor takes over from what is on screen; no half-faded scene stays behind.
  previous_.reset();
}

void KioskScheduler::replace_playlist(Playlist playlist) { pending_ = std::move(playlist); }

double KioskScheduler::until_next_fade_s() const {
  // start_scene() keeps the old scene to fade from only when the playlist playing after the
  // boundary (a replacement takes over there) has a cross-fade.
  const double crossfade = pending_ ? pending_->crossfade_s : playlist_.crossfade_s;
  constexpr double kNever = std::numeric_limits<double>::infinity();
  if (!(crossfade > 0.0)) return kNever;
  if (mode_ == KioskMode::explore) return std::max(playlist_.idle_timeout_s - idle_, 0.0);
  const double length = playlist_.scenes[index_].duration_s;
  if (!(length > 0.0)) return kNever;
  return std::max(length - scene_time_, 0.0);
}

KioskFrame KioskScheduler::frame() const {
  KioskFrame f;
  f.mode = mode_;
  f.scene_index = index_;
  f.scene = &playlist_.scenes[index_];
  f.scene_time_s = scene_time_;
  f.running_time_s = running_;
  f.scenes_started = started_;
  f.loops_completed = loops_;
  f.idle_s = idle_;
  if (previous_ && mode_ == KioskMode::loop && playlist_.crossfade_s > 0.0) {
    f.previous = &*previous_;
    f.fade = std::clamp(scene_time_ / playlist_.crossfade_s, 0.0, 1.0);
  }
  const auto& burn = playlist_.burn_in;
  f.caption = caption_placement(burn, caption_slot(burn, started_, scene_time_), running_);
  f.camera = evaluate(f.scene->camera, scene_time_);
  f.camera.yaw_deg += static_cast<float>(camera_drift_deg(burn, running_));
  return f;
}

}  // namespace effleura::lesson
