// A step with its own camera in content (technique/step_view.hpp: camera = { around, tilt,
// scale }) is seen from there: the step camera (render/step_camera.hpp) neither asks the view
// search (its judge) nor takes its answer, looks from the given angles about the leg, and frames
// the step's hands `scale` times wider; a step without one still takes the judge's view. Plain
// maths: a standing leg (the subject is the room), no client, no GL (here beside the app's
// other camera cases).
#include <doctest/doctest.h>

#include <cmath>
#include <filesystem>
#include <vector>

#include <glm/geometric.hpp>
#include <glm/trigonometric.hpp>

#include "anatomy/leg_surface.hpp"
#include "render/step_camera.hpp"
#include "technique/technique_loader.hpp"
#include "technique/timeline.hpp"
#include "../support/test_paths.hpp"

using namespace effleura;

namespace {

const std::filesystem::path kContent = std::filesystem::path(EFFLEURA_SOURCE_DIR) / "content";

// Friction (five steps, none pinned in its file) with its first step given `view`.
technique::Technique friction_with(const technique::PoseLibrary& poses, std::optional<technique::StepView> view) {
  auto library = technique::load_techniques(kContent / "techniques", poses);
  REQUIRE_MESSAGE(library.has_value(), (library ? "" : library.error().describe()));
  const technique::Technique* t = library->find("friction");
  REQUIRE(t != nullptr);
  REQUIRE(t->steps.size() >= 2);
  technique::Technique copy = *t;
  for (technique::Step& s : copy.steps) s.camera.reset(), s.sitting_camera.reset();
  copy.steps[0].camera = view;
  return copy;
}

struct Followed {
  render::OrbitPose pose;
  std::vector<std::size_t> asked;  // the steps the judge was asked about
};

// The camera at step 0 (jumped to), or after moving on to step 1 when `next`.
Followed follow(const technique::Timeline& timeline, bool next) {
  render::Camera camera;
  camera.set_subject(glm::mat4(1.0f));  // standing: the leg's frame is the room's
  camera.frame({{-0.2f, 0.0f, -0.2f}, {0.2f, 0.95f, 0.2f}});
  Followed out;
  render::StepCamera steps;
  steps.set_judge([&out](std::size_t step, const anatomy::Bounds&, ViewAngles) {
    out.asked.push_back(step);
    return ViewAngles{0.4f, 0.3f};  // not any pinned view below
  });
  steps.start(camera, timeline, 0.0, view_angles("back"), false);
  if (next) {
    steps.update(camera, &timeline, 1);
    camera.update(10.0f);  // the move between steps, done
  }
  out.pose = camera.pose();
  return out;
}

}  // namespace

TEST_CASE("a step's own camera: seen from its angles and scale, the search not asked, other steps searched") {
  auto poses = technique::load_poses(kContent / "poses.toml");
  REQUIRE_MESSAGE(poses.has_value(), (poses ? "" : poses.error().describe()));
  const anatomy::AnalyticLegSurface surface;
  // From behind the outer side and a little toward the foot: far from the judge's (0.4, 0.3)
  // rad. (Round the inner side, 180-360, the camera turns to the open side as it does for any
  // view, render/camera.cpp open_side: the other leg stands there.)
  const technique::Technique pinned = friction_with(*poses, technique::StepView{130.0f, -15.0f, 1.0f});
  const technique::Technique wider = friction_with(*poses, technique::StepView{130.0f, -15.0f, 2.0f});
  const technique::Technique searched = friction_with(*poses, std::nullopt);
  const technique::Timeline pinned_line(pinned, *poses, surface), wider_line(wider, *poses, surface),
      searched_line(searched, *poses, surface);
  REQUIRE(pinned_line.step_view(0).has_value());
  CHECK_FALSE(pinned_line.step_view(1).has_value());
  {
    // Sitting, a step's `camera` is not used: `sitting_camera` is (none here).
    technique::Timeline sitting(pinned, *poses, surface);
    sitting.set_client_sitting(true);
    CHECK_FALSE(sitting.step_view(0).has_value());
    technique::Technique both = pinned;
    both.steps[0].sitting_camera = technique::StepView{100.0f, 20.0f, 1.2f};
    technique::Timeline sitting_both(both, *poses, surface);
    sitting_both.set_client_sitting(true);
    REQUIRE(sitting_both.step_view(0).has_value());
    CHECK(sitting_both.step_view(0)->around_deg == 100.0f);
    const technique::Timeline lying_both(both, *poses, surface);
    REQUIRE(lying_both.step_view(0).has_value());
    CHECK(lying_both.step_view(0)->around_deg == 130.0f);
  }

  const Followed at_pinned = follow(pinned_line, false);
  CHECK(at_pinned.asked.empty());
  // The angles about the leg: the standing leg's frame is the room's.
  const float yaw = glm::radians(130.0f);
  CHECK(std::cos(at_pinned.pose.yaw - yaw) == doctest::Approx(1.0).epsilon(1e-4));
  CHECK(at_pinned.pose.pitch == doctest::Approx(glm::radians(-15.0f)).epsilon(1e-3));

  // Twice the box round the same hands: the camera stands back farther (1.3x for friction's
  // first step: the framing's own margin round a small box does not grow with it).
  const Followed at_wider = follow(wider_line, false);
  CHECK(at_wider.asked.empty());
  CHECK(std::cos(at_wider.pose.yaw - yaw) == doctest::Approx(1.0).epsilon(1e-4));
  CHECK(at_wider.pose.distance > 1.2f * at_pinned.pose.distance);
  CHECK(at_wider.pose.distance < 2.2f * at_pinned.pose.distance);

  // Unpinned, the same step takes the judge's view.
  const Followed at_searched = follow(searched_line, false);
  REQUIRE(at_searched.asked.size() == 1);
  CHECK(at_searched.asked[0] == 0);
  CHECK(at_searched.pose.yaw == doctest::Approx(0.4).epsilon(1e-3));

  // Moving on from the pinned step to an unpinned one asks the judge about that step only.
  const Followed moved = follow(pinned_line, true);
  REQUIRE(moved.asked.size() == 1);
  CHECK(moved.asked[0] == 1);
  CHECK(moved.pose.yaw == doctest::Approx(0.4).epsilon(1e-3));
  CHECK(moved.pose.pitch == doctest::Approx(0.3).epsilon(1e-3));
}
