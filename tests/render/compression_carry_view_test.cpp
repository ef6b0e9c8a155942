// Compression's lift over the knee (step 4, the client rolling face up under the hands): the right
// hand, lower on the calf, goes out over the outer side and comes down across the front of the
// thigh for the thigh presses. Lifted, it is keyed palm toward the leg (a keyed hand lies parallel
// to the skin under it, technique/timeline.cpp) and 10-35 mm over it; how a student reads the
// carry is the step camera's doing. Watched at 14.1 s (sessions 26-28), seen from straight above
// the outer front (camera = { around = 15, tilt = 1 }) the flat hand showed its whole back, the
// fingers pointing up the picture toward the far side of the table: a hand held up, not one
// carried over the leg (issue 12). Seen from the knee's end, as the thigh presses that follow are
// (compression_thigh_view_test), it lies over the thigh.
// Every 50 ms (200 ms under the sanitizers) from 1.0 s into the step (the hand past the knee, over
// the thigh's outer front) to its landing at 1.5 s, as the app plays it from the start: the angle
// between the back of the right hand (its palm frame's +Y) and the line from the palm to the eye
// (0 face-on, 90 edge-on).
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include <glm/geometric.hpp>
#include <glm/trigonometric.hpp>

#include "app/paths.hpp"
#include "app/state.hpp"
#include "render/hand_sight.hpp"
#include "scene_render_support.hpp"
#include "../support/sanitizer.hpp"

using namespace effleura;

TEST_CASE("compression's right hand carried over the knee is seen lying over the thigh, not held up") {
  app::Options o = test::source_options();
  o.technique = "compression";
  app::State scene;
  REQUIRE(scene.load(o, app::resolve_data_paths(o)).has_value());
  const technique::Timeline* timeline = scene.simulation.timeline();
  REQUIRE(timeline != nullptr);
  constexpr std::size_t kStep = 3;  // "Lift over the knee"
  REQUIRE(timeline->step_count() > kStep);
  const double from = timeline->step_start(kStep) + 1.0, to = timeline->step_start(kStep) + 1.5;
  test::play_to(scene, from);
  double t = from;
  const double dt = 0.05 * test::kSanitizedStride;
  constexpr std::size_t kRight = 1;
  int moments = 0;
  double back_sum = 0.0, least_back = 180.0;
  for (; t < to - 1e-6; t += dt) {
    const render::FrameView v = scene.frame_view({1280, 720});
    const glm::vec3 p = render::palm_centre(v, kRight);
    const glm::vec3 back = glm::normalize(glm::vec3(v.leg_to_room * v.hands[kRight].shape.parts[0].frame[1]));
    const double from_eye = glm::degrees(std::acos(std::clamp(glm::dot(back, glm::normalize(v.eye - p)), -1.0f, 1.0f)));
    back_sum += from_eye;
    least_back = std::min(least_back, from_eye);
    ++moments;
    scene.update(dt);
  }
  const double back = back_sum / moments;
  std::printf("compression carry over the knee: the back of the right hand %.1f degrees from the eye on average "
              "(least %.1f), %d moments\n",
              back, least_back, moments);
  // 0.5 s: 10 moments, 3 under the sanitizers.
  REQUIRE(moments >= 10 / test::kSanitizedStride);
  // Pinned at 15 / 1 (sessions 26-28): 13.1 degrees on average, 0.4 at 14.05 s, the back of the
  // hand square to the eye. At 45 / -20 (session 29): 47.8, at least 35.4. 30 as for the thigh
  // presses: oblique enough that the hand reads as over the thigh, not held up before the eye.
  CHECK(back >= 30.0);
}
