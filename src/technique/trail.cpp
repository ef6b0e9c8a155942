#include "technique/trail.hpp"

#include <algorithm>

#include <glm/geometric.hpp>

namespace effleura::technique {

TrailBuffer::TrailBuffer(double lifetime_s, std::size_t capacity)
    : ring_(std::max<std::size_t>(capacity, 2)), lifetime_(std::max(lifetime_s, 1e-3)) {}

void TrailBuffer::push(const TrailPoint& p) {
  if (count_ > 0 && p.time < at(count_ - 1).time) clear();
  if (count_ == ring_.size()) {  // full: the oldest gives way
    head_ = (head_ + 1) % ring_.size();
    --count_;
  }
  ring_[(head_ + count_) % ring_.size()] = p;
  ++count_;
}

void TrailBuffer::push(const glm::vec3& position, const glm::vec3& velocity, float pressure_mmhg,
                       double time) {
  const float speed = glm::length(velocity);
  push(TrailPoint{position, speed > 1e-3f ? velocity / speed : glm::vec3(0.0f), pressure_mmhg, time});
}

void TrailBuffer::prune(double now) {
  while (count_ > 0 && now - ring_[head_].time > lifetime_) {
    head_ = (head_ + 1) % ring_.size();
    --count_;
  }
}

const TrailPoint& TrailBuffer::at(std::size_t i) const { return ring_[(head_ + i) % ring_.size()]; }

float TrailBuffer::fade(std::size_t i, double now) const {
  const double age = now - at(i).time;
  return static_cast<float>(std::clamp(1.0 - age / lifetime_, 0.0, 1.0));
}

}  // namespace effleura::technique
