#include "app/flow_history.hpp"

namespace effleura::app {

void FlowHistory::record(double t, float femoral_ml_s, float calf_ml, float ankle_mmhg, float femoral_cm_s) {
  if (t < last_t_) clear();  // time went back (a reset): start a new record
  if (t - last_t_ < kInterval - 1e-9) return;
  // On a 50 ms grid, so that 600 samples are 30 s at any frame rate (the plots' time axis): at
  // 30 fps taking the first frame 50 ms after the last sample took one every 67 ms, 15 a second,
  // and the plots' 30 s showed 40. A frame late by more than a step starts the grid afresh.
  last_t_ = t - last_t_ < 2.0 * kInterval ? last_t_ + kInterval : t;
  const float values[kSeries] = {femoral_ml_s, calf_ml, ankle_mmhg, femoral_cm_s};
  for (std::size_t i = 0; i < kSeries; ++i) data_[i][head_] = values[i];
  head_ = (head_ + 1) % kSamples;
  if (count_ < kSamples) ++count_;
}

void FlowHistory::clear() {
  head_ = count_ = 0;
  last_t_ = -1e9;
}

std::vector<float> FlowHistory::series(std::size_t which) const {
  std::vector<float> out;
  out.reserve(count_);
  const std::size_t start = (head_ + kSamples - count_) % kSamples;
  for (std::size_t i = 0; i < count_; ++i) out.push_back(data_[which][(start + i) % kSamples]);
  return out;
}

}  // namespace effleura::app
