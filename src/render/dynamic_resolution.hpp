#pragma once
// Dynamic resolution: the scale at which the 3D scene is drawn, chosen from the frame times so
// a software renderer keeps its frame rate. On llvmpipe only part of a frame's cost is per
// pixel (README, "Dynamic resolution": half the width and height brings a frame to 0.65-0.8x of
// its CPU; vertex work does not shrink), and the frame is stretched to the window before the
// panels go on top (their text stays sharp). When nothing moves the scene is drawn at full size again, so a still
// picture (a lesson step being explained, a screenshot) is sharp. No GL here: the controller
// is plain arithmetic on frame times, tested directly.
#include <cstddef>
#include <vector>

namespace effleura::render {

struct DynamicResolutionSettings {
  double target_ms = 1000.0 / 60.0;  // the frame time to keep (60 frames a second)
  float min_scale = 0.5f;            // below half the width the leg's outline turns to mush
  float step = 0.05f;                // scales are multiples of this: a new size remakes the framebuffers
  int window = 15;                   // frames whose median is judged (a single slow frame is not a trend)
  double raise_below = 0.7;          // grow only when the median is under this share of the target,
  double lower_above = 1.05;         // and shrink only above this one: the band between keeps it steady
  double still_after_s = 0.3;        // nothing has moved this long: draw at full size
};

class DynamicResolution {
 public:
  explicit DynamicResolution(DynamicResolutionSettings settings = {});
  // One finished frame: how long it took (ms, the whole frame as the user waits for it) and
  // whether anything on screen moved in it (the camera, a playing technique). Returns the
  // scale to draw the next frame at.
  float update(double frame_ms, bool moving, double dt_s);
  [[nodiscard]] float scale() const { return still_ ? 1.0f : moving_scale_; }
  // The scale frames take while things move (what update() learns); 1 when the frames fit.
  [[nodiscard]] float moving_scale() const { return moving_scale_; }
  [[nodiscard]] bool still() const { return still_; }

 private:
  DynamicResolutionSettings settings_;
  float moving_scale_ = 1.0f;
  bool still_ = false;
  double still_for_s_ = 0.0;
  std::vector<double> recent_ms_;  // frames drawn at moving_scale_ since it last changed
  float snap(float scale) const;
};

}  // namespace effleura::render
