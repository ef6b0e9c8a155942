// Every step of every technique played sitting keeps both hands seen from its own step camera at
// a floor share of its moments. The other sight cases (camera_sight_test, client_sitting_test)
// count whole techniques or a few chosen steps, so one short step could fall to nothing unseen:
// in session 23 the sitting forearms taken from in front of the client left compression's first
// step with both hands seen at 0.03 of its moments (--hand-report; 0.70 before), and every bound
// still held. Drives the app's State without drawing (the camera and the sight lines are maths).
#include <doctest/doctest.h>

#include <array>
#include <cstdio>
#include <string>
#include <vector>

#include <glm/matrix.hpp>

#include "app/paths.hpp"
#include "app/state.hpp"
#include "render/hand_sight.hpp"
#include "render/sight.hpp"
#include "scene_render_support.hpp"
#include "../support/sanitizer.hpp"

using namespace effleura;

namespace {

constexpr glm::ivec2 kSize{1280, 720};

// Both hands seen (each palm's centre in the picture and the line from the eye to it clear of
// the leg, the client, the table and the sleeves) at this share of a step's moments at least.
// A student who cannot see the two hands at half the moments of a step cannot follow it.
constexpr double kFloor = 0.5;

// Steps known to stay under the floor (technique id, step from 0): the least share measured on
// this branch every 0.1 s, minus a little, and why. A step may leave this list, never join it
// without a picture looked at and a reason written here.
struct Exception {
  const char* id;
  std::size_t step;
  double least;
  const char* why;
};
// Empty since session 27: compression's slide up the calf and its presses along the upper calf
// (steps 2 and 3) were listed at 0 (0 of 7 and 0 of 46 moments) from session 23 to 26: sitting,
// sitting_reach moved each hand to the side of the calf on its own half, and both hands' keys lie
// past the back line on the inner half (around 190 and 210, as the prone wrap needs), so they held
// the inner side of the upper calf, facing the other leg, the forearms down between the knees,
// and no pinned view (thirteen tried) saw both. The steps now name the outer half for sitting
// (content: sitting_side, technique_compression_sitting_test).
constexpr std::array<Exception, 0> kExceptions{};

double floor_for(const std::string& id, std::size_t step) {
  for (const Exception& e : kExceptions)
    if (id == e.id && step == e.step) return e.least;
  return kFloor;
}

// Every `dt` seconds from the start, played as the app plays it: both hands seen per step.
struct StepShare {
  int moments = 0, seen = 0;
};

std::vector<StepShare> shares_sitting(const std::string& id, double dt) {
  app::Options o = test::source_options();
  o.technique = id;
  o.posture = "sitting";
  app::State scene;
  auto loaded = scene.load(o, app::resolve_data_paths(o));
  REQUIRE_MESSAGE(loaded.has_value(), (loaded ? "" : loaded.error().describe()));
  render::SightLines sight(scene.client_model, &scene.model);
  const technique::Timeline* timeline = scene.simulation.timeline();
  REQUIRE(timeline != nullptr);
  std::vector<StepShare> steps(timeline->step_count());
  for (double t = 0.0; t < timeline->duration() - 1e-6; t += dt) {
    const render::FrameView v = scene.frame_view(kSize);
    sight.set_pose(v.client, v.ankle_deg);
    const glm::mat4 vp = v.projection * v.view;
    const std::vector<render::Rod> arms = render::sleeve_rods(v);  // render/hand_sight.hpp
    bool both = true;
    for (std::size_t h = 0; h < 2; ++h) {
      const glm::vec3 p = render::palm_centre(v, h);
      both = both && render::in_picture(vp, p) && sight.clear(v.eye, p, 0.02f, arms);
    }
    StepShare& s = steps[scene.simulation.frame().step];
    ++s.moments;
    s.seen += both ? 1 : 0;
    scene.update(dt);
  }
  return steps;
}

}  // namespace

TEST_CASE("sitting, every step of every technique keeps both hands seen from its step camera") {
  app::Options probe = test::source_options();
  app::State library;
  REQUIRE(library.load(probe, app::resolve_data_paths(probe)).has_value());
  const auto ids = library.simulation.techniques().ids();
  REQUIRE(ids.size() >= 10);
  // Every 0.2 s (0.8 s under the sanitizers, where the render tests do not run today): a 0.7 s
  // step still gets 3 moments. The ten techniques cost 8.5 s of CPU in Release, 2.8 of it loading
  // the eleven scenes (every 0.1 s: 14.4 s).
  const double dt = 0.2 * test::kSanitizedStride;
  for (const std::string& id : ids) {
    CAPTURE(id);
    const std::vector<StepShare> steps = shares_sitting(id, dt);
    std::string line;
    for (std::size_t s = 0; s < steps.size(); ++s) {
      CAPTURE(s);
      const StepShare& st = steps[s];
      const double share = st.moments > 0 ? static_cast<double>(st.seen) / st.moments : 0.0;
      char part[48];
      std::snprintf(part, sizeof part, " %zu: %d/%d", s + 1, st.seen, st.moments);
      line += part;
      CHECK(st.moments >= 1);
      CHECK(share >= floor_for(id, s));
    }
    std::printf("sitting %-14s both hands seen per step:%s\n", id.c_str(), line.c_str());
  }
}
