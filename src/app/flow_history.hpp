#pragma once
// The last 30 s of the three figures the flow panel plots, and the groin's velocity (the common
// femoral vein where it leaves the leg) that the groin plot's header reads beside its flow,
// sampled at 20 Hz.
#include <array>
#include <cstddef>
#include <vector>

namespace effleura::app {

class FlowHistory {
 public:
  static constexpr std::size_t kSamples = 600;   // 30 s at 20 Hz
  static constexpr double kInterval = 0.05;

  // Records a sample whenever at least kInterval has passed since the last one.
  void record(double t, float femoral_ml_s, float calf_ml, float ankle_mmhg, float femoral_cm_s = 0.0f);
  void clear();
  // Oldest first, for plotting; `which` 0 femoral outflow, 1 calf volume, 2 ankle pressure,
  // 3 the groin's mean velocity (cm/s; until session 23 the mid femoral vein's).
  static constexpr std::size_t kSeries = 4;
  [[nodiscard]] std::vector<float> series(std::size_t which) const;
  [[nodiscard]] std::size_t size() const { return count_; }

 private:
  std::array<std::array<float, kSamples>, kSeries> data_{};
  std::size_t head_ = 0, count_ = 0;
  double last_t_ = -1e9;
};

}  // namespace effleura::app
