#include "lesson/burn_in.hpp"

#include <algorithm>
#include <array>
#include <cmath>

namespace effleura::lesson {
namespace {
constexpr double kTwoPi = 6.283185307179586;
}

int caption_slot(const BurnInSettings& s, std::uint64_t scenes_started, double scene_time_s) {
  const int slots = std::max(s.caption_slots, 1);
  std::uint64_t moves = 0;
  if (s.caption_move_s > 0.0 && scene_time_s > 0.0)
    moves = static_cast<std::uint64_t>(scene_time_s / s.caption_move_s);
  return static_cast<int>((scenes_started + moves) % static_cast<std::uint64_t>(slots));
}

CaptionPlacement caption_placement(const BurnInSettings& s, int slot, double t) {
  // Bottom and top alternate so the two most-used places are far apart.
  static constexpr std::array<CaptionPlacement, 4> kPlaces{{
      {CaptionAnchor::bottom_centre, 0.5f, 0.86f},
      {CaptionAnchor::top_centre, 0.5f, 0.12f},
      {CaptionAnchor::bottom_left, 0.32f, 0.84f},
      {CaptionAnchor::top_right, 0.68f, 0.14f},
  }};
  const int slots = std::clamp(s.caption_slots, 1, static_cast<int>(kPlaces.size()));
  const int i = ((slot % slots) + slots) % slots;
  CaptionPlacement p = kPlaces[static_cast<std::size_t>(i)];
  if (s.wobble_period_s > 0.0) {
    const double phase = kTwoPi * t / s.wobble_period_s;
    p.x += static_cast<float>(s.wobble * std::cos(phase));
    p.y += static_cast<float>(s.wobble * std::sin(phase));
  }
  return p;
}

double camera_drift_deg(const BurnInSettings& s, double t) {
  if (s.drift_period_s <= 0.0) return 0.0;
  return s.drift_deg * std::sin(kTwoPi * t / s.drift_period_s);
}

}  // namespace effleura::lesson
