#pragma once
// Burn-in care for screens that show the same loop all day (OLED and plasma panels keep a
// ghost of anything static): the caption moves between a few places, wobbles slowly within
// its place, and the camera drifts. All pure functions of time so tests can check that nothing
// stays still for long.
#include <cstdint>

namespace effleura::lesson {

struct BurnInSettings {
  int caption_slots = 4;          // places the caption takes in turn
  double caption_move_s = 120.0;  // a caption also moves on within a long scene
  double wobble = 0.012;          // slow circular offset of the caption, fraction of the screen
  double wobble_period_s = 97.0;  // not a divisor of typical scene lengths, so it never lines up
  double drift_deg = 6.0;         // camera yaw sway each way
  double drift_period_s = 80.0;
};

enum class CaptionAnchor { bottom_centre, top_centre, bottom_left, top_right };

struct CaptionPlacement {
  CaptionAnchor anchor = CaptionAnchor::bottom_centre;
  float x = 0.5f;  // centre of the caption box, 0..1 from the left edge
  float y = 0.85f; // 0..1 from the top edge
};

// Slot index: moves on with every scene started and every caption_move_s within a scene.
int caption_slot(const BurnInSettings& s, std::uint64_t scenes_started, double scene_time_s);
// Where the caption goes for a slot at time t (total running time, for the wobble).
CaptionPlacement caption_placement(const BurnInSettings& s, int slot, double t);
// Camera yaw offset in degrees: a slow sine sway, never still for more than a moment.
double camera_drift_deg(const BurnInSettings& s, double t);

}  // namespace effleura::lesson
