#pragma once
// A fading trail of where a hand has pressed: the last few seconds of contact points with
// their time and stroke direction, oldest first. Fixed capacity (a ring), so recording every
// frame never allocates.
#include <cstddef>
#include <vector>

#include <glm/vec3.hpp>

namespace effleura::technique {

struct TrailPoint {
  glm::vec3 position{0.0f};
  glm::vec3 direction{0.0f};  // unit stroke direction, zero when the hand was still
  float pressure_mmhg = 0.0f;
  double time = 0.0;
};

class TrailBuffer {
 public:
  explicit TrailBuffer(double lifetime_s = 3.0, std::size_t capacity = 1024);

  // Appends a point. A time earlier than the newest point (a seek or a loop) starts afresh.
  void push(const TrailPoint& p);
  // Convenience: direction from a velocity (normalised; zero below 1 mm/s).
  void push(const glm::vec3& position, const glm::vec3& velocity, float pressure_mmhg, double time);
  // Drops points older than the lifetime at time `now`.
  void prune(double now);
  void clear() { count_ = 0; head_ = 0; }

  [[nodiscard]] std::size_t size() const { return count_; }
  [[nodiscard]] bool empty() const { return count_ == 0; }
  [[nodiscard]] const TrailPoint& at(std::size_t i) const;  // 0 = oldest
  // 1 for a point made now, falling linearly to 0 at the lifetime.
  [[nodiscard]] float fade(std::size_t i, double now) const;
  [[nodiscard]] double lifetime() const { return lifetime_; }

 private:
  std::vector<TrailPoint> ring_;
  std::size_t head_ = 0;   // index of the oldest point
  std::size_t count_ = 0;
  double lifetime_;
};

}  // namespace effleura::technique
