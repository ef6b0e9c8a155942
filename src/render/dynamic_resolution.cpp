#include "render/dynamic_resolution.hpp"

#include <algorithm>
#include <cmath>

namespace effleura::render {

DynamicResolution::DynamicResolution(DynamicResolutionSettings settings) : settings_(settings) {
  settings_.min_scale = std::clamp(settings_.min_scale, settings_.step, 1.0f);
  settings_.window = std::max(settings_.window, 1);
  recent_ms_.reserve(static_cast<std::size_t>(settings_.window));
}

float DynamicResolution::snap(float scale) const {
  // Down to a whole number of steps (the small epsilon keeps 0.7 from becoming 0.65).
  const float snapped = std::floor(scale / settings_.step + 1e-3f) * settings_.step;
  return std::clamp(snapped, settings_.min_scale, 1.0f);
}

float DynamicResolution::update(double frame_ms, bool moving, double dt_s) {
  if (!moving) {
    still_for_s_ += dt_s;
    if (!still_ && still_for_s_ >= settings_.still_after_s) {
      still_ = true;
      recent_ms_.clear();  // full-size frames say nothing about the moving scale's cost
    }
  } else {
    still_for_s_ = 0.0;
    if (still_) {
      still_ = false;
      recent_ms_.clear();  // this frame was drawn at full size: not counted
      return scale();
    }
  }
  if (still_ || !std::isfinite(frame_ms) || frame_ms < 0.0) return scale();

  recent_ms_.push_back(frame_ms);
  if (recent_ms_.size() < static_cast<std::size_t>(settings_.window)) return scale();
  std::vector<double> sorted = recent_ms_;
  std::nth_element(sorted.begin(), sorted.begin() + static_cast<std::ptrdiff_t>(sorted.size() / 2), sorted.end());
  const double median = sorted[sorted.size() / 2];
  const double target = settings_.target_ms;

  float next = moving_scale_;
  if (median > target * settings_.lower_above && moving_scale_ > settings_.min_scale) {
    // A frame's cost is mostly per pixel, so its time goes with the square of the scale; the
    // rest (simulation, panels) does not shrink, so a frame still long shrinks again next time.
    const auto wanted = static_cast<float>(moving_scale_ * std::sqrt(target / median));
    next = std::min(snap(wanted), snap(moving_scale_ - settings_.step));
  } else if (median < target * settings_.raise_below && moving_scale_ < 1.0f) {
    next = snap(moving_scale_ + settings_.step);  // one step up at a time: no overshoot
  }
  if (next != moving_scale_) {
    moving_scale_ = next;
    recent_ms_.clear();  // judge the new scale by its own frames
  } else {
    recent_ms_.erase(recent_ms_.begin());  // a sliding window over the latest frames
  }
  return scale();
}

}  // namespace effleura::render
