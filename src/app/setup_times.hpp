#pragma once
// How long each step of setting up took, in the order they ran, for `effleura --bench`'s
// start-up breakdown: wall time and the process's CPU time (all threads, llvmpipe's too), since
// on a shared machine the wall clock mostly measures the other programs. Two clock reads a
// step; nothing is judged here.
#include <time.h>

#include <chrono>
#include <string>
#include <utility>
#include <vector>

namespace effleura::app {

// The process's CPU time (user + system, all threads) in ms.
inline double process_cpu_ms() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) * 1e-6;
}

class SetupTimes {
 public:
  using Clock = std::chrono::steady_clock;
  struct Step {
    std::string name;
    double wall_ms = 0.0;
    double cpu_ms = 0.0;
  };
  // Starts the next step's clocks without recording (after a step timed elsewhere).
  void restart() {
    wall_ = Clock::now();
    cpu_ = process_cpu_ms();
  }
  // Records the time since the last mark (or restart, or construction) under `step`.
  void mark(std::string step) {
    const auto now = Clock::now();
    const double cpu = process_cpu_ms();
    steps_.push_back({std::move(step), std::chrono::duration<double, std::milli>(now - wall_).count(), cpu - cpu_});
    wall_ = now;
    cpu_ = cpu;
  }
  [[nodiscard]] const std::vector<Step>& steps() const { return steps_; }

 private:
  Clock::time_point wall_ = Clock::now();
  double cpu_ = process_cpu_ms();
  std::vector<Step> steps_;
};

}  // namespace effleura::app
