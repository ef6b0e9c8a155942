// A step is seen from one view: the step camera's choice (render/step_camera.hpp, the view
// search of app/view_search.hpp) depends on the step, not on the moment the technique was
// started or scrubbed to. Session 12's headless stills of friction and tapotement at T and
// T + 0.25 s were read as alternating between two framings; this pins the camera (angles,
// distance and target) at moments spread over one step, started there as `--at` starts it.
// Drives the app's State without drawing (the camera is plain maths).
#include <doctest/doctest.h>

#include <cmath>
#include <string>

#include <glm/geometric.hpp>

#include "app/paths.hpp"
#include "app/state.hpp"
#include "scene_render_support.hpp"

using namespace effleura;

namespace {

render::OrbitPose started_at(const std::string& technique, double at) {
  app::Options o = test::source_options();
  o.technique = technique;
  o.at_seconds = at;
  app::State scene;
  REQUIRE(scene.load(o, app::resolve_data_paths(o)).has_value());
  REQUIRE(scene.simulation.timeline() != nullptr);
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
