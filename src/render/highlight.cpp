#include "render/highlight.hpp"

#include <cmath>

namespace effleura::render {

float highlight_pulse(double t_seconds) {
  const double phase = 2.0 * 3.14159265358979 * kPulseHz * t_seconds;
  return static_cast<float>(0.775 + 0.225 * std::sin(phase));
}

}  // namespace effleura::render
