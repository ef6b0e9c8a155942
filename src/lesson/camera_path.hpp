#pragma once
// Where the kiosk or a lesson points the orbit camera over time: a list of keys, each a view
// preset or explicit yaw/pitch angles, reached one after the other with eased moves. Pure
// functions of time; the app turns the angles into Camera::orbit calls.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace effleura::lesson {

struct OrbitAngles {
  float yaw_deg = 0.0f;    // 0 front (camera on +Z), 90 lateral, 180 back, -90 medial
  float pitch_deg = 0.0f;  // above the horizontal
};

struct CameraKey {
  std::string view;             // a preset name, or empty when yaw/pitch are given
  OrbitAngles angles;           // resolved from the view when one is given
  double at_s = 0.0;            // when this key is reached, seconds from the scene start
};

struct CameraPath {
  std::vector<CameraKey> keys;  // sorted by at_s; empty: front view
};

// The angles of a view preset, matching render::Camera::set_preset (front 0, lateral 90,
// back 180, medial -90 degrees of yaw; top looks down from ~69 degrees; the others ~4.6).
OrbitAngles view_angles(std::string_view view);

// Angles at time t: holds the first key before it, the last after it, and eases (smoothstep)
// between neighbours, turning the short way round.
OrbitAngles evaluate(const CameraPath& path, double t);

// The preset closest in yaw and pitch to the given angles (for UIs that show a view name).
std::string_view nearest_view(OrbitAngles angles);

// Spreads keys without an explicit time evenly over `duration_s` (first at 0, last at the end).
void spread_keys(std::vector<CameraKey>& keys, const std::vector<bool>& has_time, double duration_s);

}  // namespace effleura::lesson
