// A step is seen from one view: the step camera's choice (render/step_camera.hpp, the view
// search of app/view_search.hpp) depends on the step, not on the moment the technique was
// started or scrubbed to. Session 12's headless stills of friction and tapotement at T and
// T + 0.25 s were read as alternating between two framings; this pins the camera (angles,
// distance and target) at moments spread over one step, started there as `--at` starts it.
// Drives the app's State without drawing (the camera is plain maths).
#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include <glm/geometric.hpp>
#include <glm/trigonometric.hpp>

#include "app/paths.hpp"
#include "app/state.hpp"
#include "render/hand_sight.hpp"
#include "render/sight.hpp"
#include "technique/hand_rig.hpp"
#include "scene_render_support.hpp"
#include "../support/sanitizer.hpp"

using namespace effleura;

namespace {

// The app's State with the technique loaded from the source tree, started at `at` as `--at`
// starts it; the calling test stops (REQUIRE) where it does not load or has no timeline.
const technique::Timeline& load(app::State& scene, const std::string& technique, double at = 0.0) {
  app::Options o = test::source_options();
  o.technique = technique;
  o.at_seconds = at;
  REQUIRE(scene.load(o, app::resolve_data_paths(o)).has_value());
  REQUIRE(scene.simulation.timeline() != nullptr);
  return *scene.simulation.timeline();
}

render::OrbitPose started_at(const std::string& technique, double at) {
  app::State scene;
  load(scene, technique, at);
  scene.update(0.0);  // one frame, as a headless still draws it
  return scene.camera.pose();
}

}  // namespace

TEST_CASE("friction and tapotement: a step is seen from one view at any moment it is started at") {
  struct Case {
    const char* technique;
    double moments[2];  // within one step
  };
  // Friction's first step circles 0-5 s (five 1 s circles), tapotement's first taps 0-13 s: the
  // moments of session 12's stills. Four loads of the app (~0.2 s each in Release).
  for (const Case& c : {Case{"friction", {2.0, 2.25}}, Case{"tapotement", {2.0, 2.25}}}) {
    const render::OrbitPose first = started_at(c.technique, c.moments[0]);
    for (std::size_t i = 1; i < 2; ++i) {
      const render::OrbitPose other = started_at(c.technique, c.moments[i]);
      const std::string what = std::string(c.technique) + " at " + std::to_string(c.moments[i]) + " s";
      // Angles to a hundredth of a degree, the target to a tenth of a millimetre: the same view.
      CHECK_MESSAGE(std::abs(other.yaw - first.yaw) < 2e-4f, what);
      CHECK_MESSAGE(std::abs(other.pitch - first.pitch) < 2e-4f, what);
      CHECK_MESSAGE(std::abs(other.distance - first.distance) < 1e-4f, what);
      CHECK_MESSAGE(glm::length(other.target - first.target) < 1e-4f, what);
    }
  }
}

// Toe taps' left hand taps the sole with three fingertips (index, middle, ring: content/poses.toml
// tapping-fingers). The sole faces the table's end, so from the side the foot hides the tips even
// where the palm is seen (before session 13 the view search looked from the side: all three tips
// seen at 48.3 % of the moments they tap, the ring tip hidden). It looks from beyond the toes now:
// 96.7 % (96.9 every 20 ms, 92.3 every 320 ms); the old camera fails the 90 % asked.
TEST_CASE("toe taps: both steps show the three tapping fingertips on the sole from one view beyond the toes") {
  app::State scene;
  const technique::Timeline& timeline = load(scene, "toe-taps");
  REQUIRE(timeline.step_count() == 2);
  render::SightLines sight(scene.client_model, &scene.model);
  const double duration = timeline.duration();
  // Every 80 ms (every 320 ms under the sanitizers: support/sanitizer.hpp): 60 of 275 moments tap.
  const double dt = 0.08 * test::kSanitizedStride;
  // The tip is the pad's axis end, 6-8 mm from the sole while it taps: the last 10 mm before it
  // are not checked (the palms' 20 mm would let a line graze 2 cm of the foot's edge).
  constexpr float kTipMargin = 0.01f;
  std::array<int, 2> moments{}, seen{};
  std::array<glm::vec3, 2> back{};  // the camera's backward axis (room) at each step's last tapping moment
  for (double t = 0.0; t < duration - dt; t += dt) {
    scene.update(dt);
    // The moments the tips are down on the sole (between taps they lift 20 mm, in the air).
    const technique::TechniqueFrame& f = scene.simulation.frame();
    if (!f.hands[0].contact) continue;
    const render::FrameView v = scene.frame_view({1280, 720});
    REQUIRE(v.hands[0].visible);
    sight.set_pose(v.client, v.ankle_deg);
    const glm::mat4 vp = v.projection * v.view;
    const std::vector<render::Rod> arms = render::sleeve_rods(v);
    const std::size_t step = std::min<std::size_t>(f.step, 1);
    bool all = true;
    for (std::size_t finger = 1; finger <= 3; ++finger) {
      // The tip of the finger's last phalanx (its axis end, in the pad), in the room.
      const glm::vec3 tip = glm::vec3(v.leg_to_room * glm::vec4(v.hands[0].shape.parts[technique::hand_part(finger, 2)].tip, 1.0f));
      all = all && render::in_picture(vp, tip) && sight.clear(v.eye, tip, kTipMargin, arms);
    }
    ++moments[step];
    seen[step] += all ? 1 : 0;
    back[step] = glm::vec3(v.view[0][2], v.view[1][2], v.view[2][2]);
  }
  // Measured: step 1 93.5 % of 31 moments, step 2 100 % of 29 (both 96.7 %) every 80 ms; every
  // 320 ms 85.7 % of 7 and 100 % of 6 (92.3 %). Both together at least 90 % (48.3 % when the
  // side view hid the ring tip behind the foot's edge, session 13), each step at least 80 %.
  for (std::size_t step = 0; step < 2; ++step) {
    CAPTURE(step);
    REQUIRE(moments[step] > 20 / test::kSanitizedStride);  // about 30 tapping moments a step (6-7 under the sanitizers)
    const double share = static_cast<double>(seen[step]) / moments[step];
    std::printf("toe taps step %zu: the three tapping tips seen at %.1f %% of %d moments (every %.0f ms)\n", step + 1,
                100.0 * share, moments[step], dt * 1000.0);
    CHECK(share >= 0.8);
  }
  CHECK(static_cast<double>(seen[0] + seen[1]) / (moments[0] + moments[1]) >= 0.9);
  // The second step (ball of the foot and toes) is seen from the first one's side, beyond the toes
  // (app/view_search.cpp kTipPitch; each step frames its own region, so the target moves a few
  // centimetres): session 13 turned to a side view there (28.3 degrees apart), where the tips
  // passed for seen but the sole stood edge-on.
  const float turned = glm::degrees(std::acos(std::clamp(glm::dot(back[0], back[1]), -1.0f, 1.0f)));
  std::printf("toe taps: the camera looks %.1f degrees apart in the two steps\n", turned);
  CHECK(turned < 5.0f);
}

// Toe taps' heel hand (right) is worked from the foot end (technique/forearm.cpp kHeelOpenSide),
// and the step camera looks from beyond the toes: a forearm from the foot end along the leg's
// line points at the camera and reads as a stub beside the heel. Here, every 160 ms (640 ms under
// the sanitizers), the sine of the angle between the heel hand's sleeve and the eye's ray to it:
// 1 seen side-on at full length, 0 end-on.
TEST_CASE("toe taps: the heel hand's forearm is seen along its length from the step camera, not end-on") {
  app::State scene;
  const technique::Timeline& timeline = load(scene, "toe-taps");
  const double dt = 0.16 * test::kSanitizedStride;
  int moments = 0;
  double sum = 0.0;
  float least = 1.0f;
  for (double t = 0.0; t < timeline.duration() - dt; t += dt) {
    scene.update(dt);
    const render::FrameView v = scene.frame_view({1280, 720});
    const render::Rod sleeve = render::sleeve_rods(v)[1];
    const glm::vec3 along = glm::normalize(sleeve.b - sleeve.a);
    const glm::vec3 ray = glm::normalize(0.5f * (sleeve.a + sleeve.b) - v.eye);
    const float side_on = glm::length(glm::cross(along, ray));
    sum += side_on;
    least = std::min(least, side_on);
    ++moments;
  }
  const double mean = sum / moments;
  std::printf("toe taps: the heel sleeve seen side-on by %.2f on average (least %.2f) over %d moments\n", mean, least, moments);
  REQUIRE(moments > 100 / test::kSanitizedStride);
  CHECK(mean >= 0.4);
}
