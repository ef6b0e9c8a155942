#pragma once
// The named views of the leg as orbit angles: one definition for the camera (src/render) and
// for the camera paths of lessons and playlists (src/lesson, which cannot include render).
#include <string_view>

namespace effleura {

struct ViewAngles {
  float yaw = 0.0f;    // radians about +Y; 0 looks at the front (camera on +Z), pi/2 lateral
  float pitch = 0.0f;  // radians above the horizontal
};

// Slightly above the horizontal, as a person standing beside a treatment table sees the leg;
// "top" looks steeply down.
inline constexpr float kHomePitch = 0.08f;
inline constexpr float kTopPitch = 1.2f;

// The angles of "front", "back", "lateral", "medial" or "top"; any other name gives front.
constexpr ViewAngles view_angles(std::string_view name) {
  constexpr float kPi = 3.14159265358979f;
  if (name == "back") return {kPi, kHomePitch};
  if (name == "lateral") return {0.5f * kPi, kHomePitch};
  if (name == "medial") return {-0.5f * kPi, kHomePitch};
  if (name == "top") return {0.0f, kTopPitch};
  return {0.0f, kHomePitch};
}

}  // namespace effleura
