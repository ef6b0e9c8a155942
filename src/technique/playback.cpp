#include "technique/playback.hpp"

#include <algorithm>
#include <cmath>

namespace effleura::technique {

Playback::Playback(std::vector<double> step_starts, double duration)
    : starts_(std::move(step_starts)), duration_(std::max(duration, 0.0)) {
  if (starts_.empty() || starts_.front() != 0.0) starts_.insert(starts_.begin(), 0.0);
}

void Playback::set_speed(double speed) {
  speed_ = std::isfinite(speed) ? std::clamp(speed, kMinSpeed, kMaxSpeed) : 1.0;
}

bool Playback::advance(double dt) {
  if (!playing_ || !(dt > 0.0) || duration_ <= 0.0) return false;
  time_ += dt * speed_;
  if (time_ < duration_) return false;
  if (looping_) {
    rounds_ += static_cast<long>(std::floor(time_ / duration_));
    time_ = std::fmod(time_, duration_);
    return true;
  }
  time_ = duration_;
  playing_ = false;
  return false;
}

void Playback::seek(double t) {
  rounds_ = 0;
  if (!std::isfinite(t)) t = 0.0;
  if (looping_ && duration_ > 0.0 && t > duration_) {
    rounds_ = static_cast<long>(std::floor(t / duration_));
    t = std::fmod(t, duration_);  // (the end itself stays the end: seeking there from the slider)
  }
  time_ = std::clamp(t, 0.0, duration_);
}

std::size_t Playback::step() const {
  std::size_t i = 0;
  while (i + 1 < starts_.size() && starts_[i + 1] <= time_) ++i;
  return i;
}

void Playback::step_forward() {
  const std::size_t i = step();
  time_ = i + 1 < starts_.size() ? starts_[i + 1] : duration_;
}

void Playback::step_back() {
  const std::size_t i = step();
  if (time_ - starts_[i] > kBackGrace || i == 0)
    time_ = starts_[i];
  else
    time_ = starts_[i - 1];
}

}  // namespace effleura::technique
