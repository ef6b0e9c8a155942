// The camera follows the work (render/step_camera.hpp): played from its default camera, at
// every moment of every technique both working hands are on screen, and mostly not hidden
// behind the leg. Drives the app's Scene without drawing (the camera is plain maths), sampled
// every 20 ms as the technique plays (every 80 ms under the sanitizers: support/sanitizer.hpp).
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include <glm/geometric.hpp>
#include <glm/matrix.hpp>
#include <glm/trigonometric.hpp>

#include "anatomy/picking.hpp"
#include "app/paths.hpp"
#include "app/state.hpp"
#include "render/step_camera.hpp"
#include "technique/working_region.hpp"
#include "scene_render_support.hpp"
#include "../support/sanitizer.hpp"

using namespace effleura;

namespace {

constexpr glm::ivec2 kSize{1280, 720};

// The points that show a hand: the palm's middle and the five fingertips.
std::array<glm::vec3, 6> hand_points(const technique::HandShape& shape) {
  std::array<glm::vec3, 6> p{};
  const auto& palm = shape.parts[0];
  p[0] = glm::vec3(palm.frame * glm::vec4(0.0f, 0.0f, 0.5f * palm.length, 1.0f));
  for (std::size_t f = 0; f < technique::kFingerCount; ++f) p[1 + f] = shape.parts[technique::hand_part(f, 2)].tip;
  return p;
}

bool on_screen(const glm::mat4& view_proj, const glm::vec3& p) {
  const glm::vec4 c = view_proj * glm::vec4(p, 1.0f);
  if (c.w <= 1e-4f) return false;
  return std::abs(c.x / c.w) <= 1.0f && std::abs(c.y / c.w) <= 1.0f;
}

// Seen if the skin does not cross the line of sight to the point (a little short of it, so a
// point resting on the skin counts).
bool seen(const anatomy::Model& model, const glm::vec3& eye, const glm::vec3& p) {
  const auto hit = anatomy::pick(model, {eye, p - eye});
  return !hit.skin || hit.skin->distance > 1.0f - 0.03f / glm::length(p - eye);
}

}  // namespace

TEST_CASE("from its default camera, both hands stay on screen through every technique") {
  app::Options probe = test::source_options();
  app::State library;
  REQUIRE(library.load(probe, app::resolve_data_paths(probe)).has_value());
  const auto ids = library.simulation.techniques().ids();
  REQUIRE(ids.size() >= 10);
  for (std::size_t k = 0; k < ids.size(); ++k) {
    // Under the sanitizers every other technique (the figures of those run are the same).
    if (k % 2 == 1 && test::kSanitized) continue;
    const std::string& id = ids[k];
    CAPTURE(id);
    app::Options o = test::source_options();
    o.technique = id;
    app::State scene;
    auto loaded = scene.load(o, app::resolve_data_paths(o));
    REQUIRE_MESSAGE(loaded.has_value(), (loaded ? "" : loaded.error().describe()));
    const double duration = scene.simulation.timeline()->duration();
    constexpr double dt = 0.02;
    int steps = 0, samples = 0, off_screen = 0, looked = 0, hidden = 0;
    double worst_at = -1.0;
    for (double t = 0.0; t < duration - dt; t += dt) {
      scene.update(dt);  // every 20 ms, as the window steps
      ++steps;
      // Twice a second the hidden check (the same moments in both passes, so its share is too).
      const bool look = steps % 25 == 0;
      if (steps % test::kSanitizedStride != 0 && !look) continue;
      const render::FrameView v = scene.frame_view(kSize);
      // The hands and the leg are in the leg's frame; the camera stands in the room.
      const glm::mat4 vp = v.projection * v.view * v.leg_to_room;
      const glm::vec3 leg_eye(glm::inverse(v.leg_to_room) * glm::vec4(v.eye, 1.0f));
      bool all = true;
      for (const auto& hand : v.hands)
        for (const glm::vec3& p : hand_points(hand.shape)) all = all && on_screen(vp, p);
      ++samples;
      if (!all) {
        ++off_screen;
        if (worst_at < 0.0) worst_at = t;
      }
      // Hidden behind the leg, twice a second: a hand counts as seen when its palm's back or
      // any fingertip is.
      if (look) {
        for (std::size_t h = 0; h < 2; ++h) {
          const auto pts = hand_points(v.hands[h].shape);
          const glm::vec3 back(scene.simulation.frame().hands[h].transform[1]);
          bool any = seen(scene.model, leg_eye, pts[0] + 0.03f * back);
          for (std::size_t i = 1; i < pts.size() && !any; ++i) any = seen(scene.model, leg_eye, pts[i]);
          ++looked;
          if (!any) ++hidden;
        }
      }
    }
    std::printf("camera follows %-14s: %d samples, both hands on screen in %.1f %%, hands seen %.1f %% (of %d)\n",
                id.c_str(), samples, 100.0 * (samples - off_screen) / samples, 100.0 * (looked - hidden) / looked, looked);
    CHECK(samples * test::kSanitizedStride > 100);
    CHECK_MESSAGE(off_screen == 0, "a hand left the screen first at t = " << worst_at << " s");
    // A hand wrapped round the far side of the limb (a squeeze) is behind it from any one
    // side for a moment; more than 1 in 10 would mean the camera watches the wrong side.
    // (Compression had its own 15 % while its calf steps held a supine client's calf from the
    // sides, 12 % hidden; since session 18 they work the back, prone, and it meets the 10 %.)
    CHECK(hidden * 10 <= looked);
  }
}

TEST_CASE("the camera turns with the steps, smoothly, until the user takes it over") {
  app::Options o = test::source_options();
  o.technique = "effleurage";
  app::State scene;
  REQUIRE(scene.load(o, app::resolve_data_paths(o)).has_value());
  const technique::Timeline& tl = *scene.simulation.timeline();
  REQUIRE(tl.step_count() >= 2);
  REQUIRE(scene.camera.following());
  // Play across the first change of step: the camera moves, and by no more than a small
  // turn a frame (no cut). Measured as the angle between successive directions from the target
  // to the eye: lying prone, "back" looks down from the ceiling, where the yaw alone says little.
  const float yaw0 = scene.camera.pose().yaw;
  auto eye_dir = [&] { return glm::normalize(scene.camera.eye() - scene.camera.pose().target); };
  float biggest_step = 0.0f, last = yaw0;
  glm::vec3 last_dir = eye_dir();
  const double change = tl.step_start(1);
  for (double t = 0.0; t < change + 2.0; t += 1.0 / 30.0) {
    scene.update(1.0 / 30.0);
    const glm::vec3 dir = eye_dir();
    const float turn = std::acos(std::clamp(glm::dot(dir, last_dir), -1.0f, 1.0f));
    biggest_step = std::max(biggest_step, turn);
    last_dir = dir;
    last = scene.camera.pose().yaw;
  }
  const technique::Timeline& timeline = *scene.simulation.timeline();
  const auto framings = technique::step_framings(timeline);
  const bool turns = render::facing_angles(framings[0].facing, {}).yaw != render::facing_angles(framings[1].facing, {}).yaw;
  if (turns) CHECK(std::abs(last - yaw0) > 0.05f);
  CHECK(biggest_step < 0.15f);  // radians a frame at 30 fps

  // The user orbits: the next change of step leaves the camera where they put it.
  scene.camera.orbit(0.4f, 0.1f);
  CHECK_FALSE(scene.camera.following());
  const render::OrbitPose mine = scene.camera.pose();
  const double next = tl.step_count() > 2 ? tl.step_start(2) : tl.duration();
  for (double t = scene.simulation.frame().time; t < next + 1.0; t += 1.0 / 30.0) scene.update(1.0 / 30.0);
  CHECK(scene.camera.pose().yaw == doctest::Approx(mine.yaw));
  CHECK(scene.camera.pose().distance == doctest::Approx(mine.distance));
}

TEST_CASE("a step on the other side of the leg: the camera goes round while the client rolls over") {
  // Effleurage's second step works the front: the client rolls from prone to supine (1.6 s).
  // The camera goes to the new step's side during the roll, as the leg will lie once turned,
  // so when the roll ends it is already nearly there. Before, it stayed on the old side until
  // the roll ended and then swung half round the table (through the foot end, the hands hidden
  // behind the feet for ~1.5 s): 0.75 of effleurage's front step with both hands seen, 0.96 now
  // (`effleura --hand-report`).
  app::Options o = test::source_options();
  o.technique = "effleurage";
  o.at_seconds = 15.0;
  app::State scene;
  REQUIRE(scene.load(o, app::resolve_data_paths(o)).has_value());
  const double change = scene.simulation.timeline()->step_start(1);
  auto eye_dir = [&] { return glm::normalize(scene.camera.eye() - scene.camera.pose().target); };
  bool was_turning = false;
  glm::vec3 at_roll_end{0.0f};
  for (double t = 15.0; t < change + 4.0; t += 1.0 / 30.0) {
    scene.update(1.0 / 30.0);
    if (scene.client.turning()) was_turning = true;
    else if (was_turning && at_roll_end == glm::vec3(0.0f)) at_roll_end = eye_dir();
  }
  REQUIRE(was_turning);
  REQUIRE(at_roll_end != glm::vec3(0.0f));
  const float left = std::acos(std::clamp(glm::dot(at_roll_end, eye_dir()), -1.0f, 1.0f));
  CHECK(scene.camera.following());
  CHECK(left < 0.35f);  // radians still to go when the roll ends (before: ~2.5, half round the table)
}

TEST_CASE("a step's camera_turn turns the following camera further toward the leg's outer side") {
  // Hands facing straight back (-Z in the leg's frame): the camera comes 40 degrees round
  // toward the outer side (+X, lateral at yaw pi/2); tapotement's calf step asks 30 more, to see its cupped
  // hands in profile. Facing straight front, the same turn goes the other way round, still
  // toward +X.
  const float back = render::facing_angles({0.0f, 0.0f, -1.0f}, {}).yaw;
  const float turned = render::facing_angles({0.0f, 0.0f, -1.0f}, {}, glm::radians(35.0f)).yaw;
  CHECK(std::sin(back) > 0.0f);
  CHECK(std::sin(turned) > std::sin(back));
  CHECK(std::abs(back - turned) == doctest::Approx(glm::radians(35.0f)).epsilon(1e-4));
  const float front = render::facing_angles({0.0f, 0.0f, 1.0f}, {}).yaw;
  const float front_turned = render::facing_angles({0.0f, 0.0f, 1.0f}, {}, glm::radians(35.0f)).yaw;
  CHECK(std::sin(front_turned) > std::sin(front));
}
