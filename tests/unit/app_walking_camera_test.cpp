// Walking with no technique, the default camera frames both feet at every moment of the stride.
// It framed the massaged leg as drawn at the moment asked for (State::camera.frame on the bent
// leg's box), so the frame's bottom rose and fell with that leg's swing: at 0.7 s, the leg lifted,
// the other foot on the floor was cut off at the frame's bottom (notes/s28 client-shots/
// defaults-standing-walking-0.1-0.4-0.7.png; notes/s29 client-shots/walking-default-*). No GL.
#include "../support/test_paths.hpp"
#include <doctest/doctest.h>

#include <algorithm>
#include <vector>

#include <glm/mat4x4.hpp>
#include <glm/vec4.hpp>

#include "anatomy/client_pose.hpp"
#include "app/paths.hpp"
#include "app/state.hpp"
#include "core/frame.hpp"
#include "../support/sanitizer.hpp"

using namespace effleura;

namespace {

// The lowest and the widest of both feet's vertices on the screen (normalised device
// coordinates, -1 to 1), as the default 16:9 headless picture draws them: each foot's vertices
// (below 12 cm in its own leg) bent at its knee and turned with its leg. The ankle's own turn
// is left out: it moves the toes by at most 2 cm, under 0.04 of the frame's height.
struct FeetOnScreen {
  float lowest = 1.0f, widest = 0.0f;
};
FeetOnScreen feet_on_screen(const app::State& scene) {
  const glm::mat4 to_screen = scene.camera.projection_matrix(16.0f / 9.0f) * scene.camera.view_matrix();
  const anatomy::ClientPose pose = scene.client.pose();
  FeetOnScreen out;
  const auto add = [&](const glm::mat4& leg_to_room, const glm::vec3& p) {
    const glm::vec4 c = to_screen * leg_to_room * glm::vec4(p, 1.0f);
    out.lowest = std::min(out.lowest, c.y / c.w);
    out.widest = std::max(out.widest, std::abs(c.x / c.w));
  };
  for (const anatomy::Mesh& m : scene.model.meshes)
    if (m.name == "skin")
      for (const glm::vec3& p : m.positions)
        if (p.y < 0.12f) add(pose.left_leg, anatomy::bend_knee(p, frame::kKneeCentre, pose.knee_flexion_deg));
  const anatomy::Mesh* right = scene.client_model.find("client.leg-right");
  REQUIRE(right != nullptr);
  for (const glm::vec3& p : right->positions)
    if (p.y < 0.12f) add(pose.right_leg, anatomy::bend_knee(p, anatomy::kRightKneeCentre, pose.right_knee_flexion_deg));
  return out;
}

}  // namespace

TEST_CASE("walking, the default camera keeps both feet in the picture through the stride") {
  app::Options options;
  options.content_dir = std::filesystem::path(EFFLEURA_SOURCE_DIR) / "content";
  options.assets_dir = std::filesystem::path(EFFLEURA_SOURCE_DIR) / "assets";
  options.posture = "walking";
  // 0.7 s cut the other foot off; under the sanitizers (a load each) the first three moments.
  constexpr double kMoments[] = {0.7, 0.3, 1.2, 0.5, 0.9, 2.0};
  for (int i = 0; i < (test::kSanitized ? 3 : 6); ++i) {
    const double t = kMoments[i];
    CAPTURE(t);
    options.at_seconds = t;  // --at: the moment of the stride the camera is framed at
    app::State scene;
    auto loaded = scene.load(options, app::resolve_data_paths(options));
    REQUIRE_MESSAGE(loaded.has_value(), (loaded ? "" : loaded.error().describe()));
    const FeetOnScreen feet = feet_on_screen(scene);
    MESSAGE("t ", t, " s: the feet's lowest point at ", feet.lowest, ", the widest at ", feet.widest, " (the frame's edges at -1 and 1)");
    // A margin of 5 % of the frame's half-height under the soles. Main: -0.95 to -1.23 (0.7 s).
    CHECK(feet.lowest > -0.95f);
    CHECK(feet.widest < 0.95f);
  }
}
