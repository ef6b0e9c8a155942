// DynamicResolution: the scale the window's 3D scene is drawn at, from its frame times.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <vector>

#include "render/dynamic_resolution.hpp"

using effleura::render::DynamicResolution;

namespace {

constexpr double kDt = 1.0 / 60.0;

// A frame on the software floor: a fixed part (simulation, panels) plus a part per pixel,
// which goes with the square of the scale (README, "Benchmark").
struct FrameCost {
  double fixed_ms, per_pixel_ms;
  [[nodiscard]] double at(float scale) const { return fixed_ms + per_pixel_ms * double(scale) * double(scale); }
};

// Runs `frames` moving frames drawn at the controller's scale; returns the scales used.
std::vector<float> run(DynamicResolution& dr, const FrameCost& cost, int frames, bool moving = true) {
  std::vector<float> used;
  for (int i = 0; i < frames; ++i) {
    const float s = dr.scale();
    used.push_back(s);
    dr.update(cost.at(s), moving, kDt);
  }
  return used;
}

}  // namespace

TEST_CASE("dynamic resolution: frames that fit stay at full size") {
  DynamicResolution dr;
  const auto used = run(dr, {2.0, 10.0}, 300);
  CHECK(std::all_of(used.begin(), used.end(), [](float s) { return s == 1.0f; }));
}

TEST_CASE("dynamic resolution: slow frames shrink the scene until they fit, then it holds steady") {
  DynamicResolution dr;
  const FrameCost xray{3.0, 32.0};  // 35 ms at full size, as the X-ray view on two cores
  const auto used = run(dr, xray, 600);
  const float settled = dr.moving_scale();
  CHECK(settled < 1.0f);
  CHECK(settled >= 0.5f);
  // Settled where the frame fits: at most 5 % over the target, and one step larger would not.
  CHECK(xray.at(settled) <= 1000.0 / 60.0 * 1.05);
  CHECK(xray.at(settled + 0.05f) > 1000.0 / 60.0 * 0.7);
  // It got there within a second or two and did not change again (no hunting up and down).
  const auto last_change = std::find_if(used.rbegin(), used.rend(), [&](float s) { return s != settled; });
  const auto frames_to_settle = used.rend() - last_change;
  CHECK(frames_to_settle < 120);
  // It never went below where the frames fit (each shrink is judged on the new scale's frames).
  CHECK(*std::min_element(used.begin(), used.end()) == doctest::Approx(settled));
}

TEST_CASE("dynamic resolution: when the load goes away it grows back to full size") {
  DynamicResolution dr;
  run(dr, {3.0, 60.0}, 400);
  const float low = dr.moving_scale();
  CHECK(low <= 0.55f);
  run(dr, {2.0, 8.0}, 400);  // the other program on the machine has stopped
  CHECK(dr.moving_scale() == 1.0f);
}

TEST_CASE("dynamic resolution: it never goes below the smallest scale and ignores nonsense times") {
  DynamicResolution dr;
  run(dr, {1000.0, 1000.0}, 400);
  CHECK(dr.moving_scale() == doctest::Approx(0.5f));
  const float before = dr.moving_scale();
  for (int i = 0; i < 100; ++i) dr.update(std::numeric_limits<double>::quiet_NaN(), true, kDt);
  for (int i = 0; i < 100; ++i) dr.update(-5.0, true, kDt);
  CHECK(dr.moving_scale() == before);
}

TEST_CASE("dynamic resolution: one slow frame among quick ones changes nothing") {
  DynamicResolution dr;
  for (int i = 0; i < 300; ++i) dr.update(i % 20 == 10 ? 200.0 : 9.0, true, kDt);
  CHECK(dr.moving_scale() == 1.0f);
}

TEST_CASE("dynamic resolution: still pictures are drawn sharp, moving ones at the learned scale") {
  DynamicResolution dr;
  const FrameCost xray{3.0, 32.0};
  run(dr, xray, 300);
  const float moving = dr.moving_scale();
  REQUIRE(moving < 1.0f);
  // The camera stops: for a moment the scale holds (a pause between two drags), then full size.
  dr.update(xray.at(moving), false, 0.1);
  CHECK(dr.scale() == moving);
  CHECK_FALSE(dr.still());
  dr.update(xray.at(moving), false, 0.25);
  CHECK(dr.still());
  CHECK(dr.scale() == 1.0f);
  // Full-size still frames are slow, but they do not teach it anything about moving frames.
  run(dr, xray, 200, false);
  CHECK(dr.scale() == 1.0f);
  CHECK(dr.moving_scale() == moving);
  // It moves again: straight back to the learned scale, not a second of slow frames first.
  dr.update(xray.at(1.0f), true, kDt);
  CHECK(dr.scale() == moving);
  CHECK_FALSE(dr.still());
}

TEST_CASE("dynamic resolution: a frame held to the display's refresh is judged by its work, not its interval") {
  // With vsync the swap waits, so every frame's interval reads 1/60 s (or more) however little
  // work it took. The window feeds the controller the work (until the drawing finished, before
  // the swap) and the interval only as the clock's step.
  const FrameCost light{2.0, 8.0};  // 10 ms of work at full size, shown every 16.7 ms
  DynamicResolution fed_work;
  DynamicResolution fed_interval;
  for (DynamicResolution* dr : {&fed_work, &fed_interval}) {
    run(*dr, {3.0, 60.0}, 120);  // a heavy view first lowers the scale
    REQUIRE(dr->moving_scale() < 1.0f);
  }
  for (int i = 0; i < 300; ++i) {
    fed_work.update(light.at(fed_work.scale()), true, kDt);
    fed_interval.update(std::max(light.at(fed_interval.scale()), 1000.0 * kDt), true, kDt);
  }
  CHECK(fed_work.moving_scale() == 1.0f);      // the light view is drawn sharp again
  CHECK(fed_interval.moving_scale() < 1.0f);   // an interval held at 1/60 s never lets it grow
}
