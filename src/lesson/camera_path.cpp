#include "lesson/camera_path.hpp"

#include <algorithm>
#include <cmath>

#include "core/view_angles.hpp"
#include "lesson/vocabulary.hpp"

namespace effleura::lesson {
namespace {

constexpr float kRadToDeg = 57.29577951f;

float wrap_deg(float a) {
  a = std::fmod(a + 180.0f, 360.0f);
  if (a < 0.0f) a += 360.0f;
  return a - 180.0f;
}

}  // namespace

OrbitAngles view_angles(std::string_view view) {
  const ViewAngles a = effleura::view_angles(view);  // the camera's own presets (core)
  return {a.yaw * kRadToDeg, a.pitch * kRadToDeg};
}

OrbitAngles evaluate(const CameraPath& path, double t) {
  const auto& k = path.keys;
  if (k.empty()) return view_angles("front");
  if (t <= k.front().at_s) return k.front().angles;
  if (t >= k.back().at_s) return k.back().angles;
  const auto next = std::upper_bound(k.begin(), k.end(), t,
                                     [](double time, const CameraKey& key) { return time < key.at_s; });
  const CameraKey& b = *next;
  const CameraKey& a = *(next - 1);
  const double span = b.at_s - a.at_s;
  double u = span > 0.0 ? (t - a.at_s) / span : 1.0;
  u = u * u * (3.0 - 2.0 * u);
  const float uf = static_cast<float>(u);
  const float dyaw = wrap_deg(b.angles.yaw_deg - a.angles.yaw_deg);
  return {wrap_deg(a.angles.yaw_deg + dyaw * uf),
          a.angles.pitch_deg + (b.angles.pitch_deg - a.angles.pitch_deg) * uf};
}

std::string_view nearest_view(OrbitAngles angles) {
  std::string_view best = "front";
  float best_d = 1e9f;
  for (auto v : kViewIds) {
    const OrbitAngles p = view_angles(v);
    const float dy = std::abs(wrap_deg(angles.yaw_deg - p.yaw_deg));
    const float dp = std::abs(angles.pitch_deg - p.pitch_deg);
    // Looking down from high up is "top" whatever the yaw.
    const float d = v == "top" ? dp : dy + dp;
    if (d < best_d) {
      best_d = d;
      best = v;
    }
  }
  return best;
}

void spread_keys(std::vector<CameraKey>& keys, const std::vector<bool>& has_time, double duration_s) {
  const std::size_t n = keys.size();
  for (std::size_t i = 0; i < n; ++i) {
    if (i < has_time.size() && has_time[i]) continue;
    keys[i].at_s = n > 1 ? duration_s * static_cast<double>(i) / static_cast<double>(n - 1) : 0.0;
  }
  std::stable_sort(keys.begin(), keys.end(),
                   [](const CameraKey& a, const CameraKey& b) { return a.at_s < b.at_s; });
}

}  // namespace effleura::lesson
