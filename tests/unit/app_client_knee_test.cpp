// A technique's bent knee is the knee drawn (app/client_stage.cpp with_knee): the pose every
// drawing, the hands' bend and the camera read carries the step's knee prone and sitting; lying
// supine the knee stays straight (the shank would go into the table without a bent hip), and
// rolling over it straightens as the client turns face up. Before session 19 keyframes could not
// carry a knee ("knee" was refused as an unknown hand) and the pose's knee was the posture's.
#include <doctest/doctest.h>

#include "anatomy/client_pose.hpp"
#include "anatomy/leg_surface.hpp"
#include "app/client_stage.hpp"
#include "technique/technique_loader.hpp"
#include "technique/timeline.hpp"
#include "technique_test_support.hpp"
#include "knee_technique_text.hpp"

using namespace effleura;

TEST_CASE("the client's knee bends as the technique's step asks, prone and sitting, not supine") {
  const technique::Technique& t = test::knee_technique();
  static const anatomy::AnalyticLegSurface leg;
  const technique::Timeline tl(t, test::real_poses(), leg);

  app::ClientStage prone;
  prone.choose(anatomy::ClientPosture::prone);
  prone.set_technique(&tl, t.views, 1.0);  // the back of the calf: the client lies prone
  CHECK(prone.pose().knee_flexion_deg == doctest::Approx(90.0f));
  prone.update(0.5, 1.5, 0.5);  // playing on: half way back down
  CHECK(prone.pose().knee_flexion_deg > 5.0f);
  CHECK(prone.pose().knee_flexion_deg < 85.0f);
  prone.update(4.0, 5.0, 3.5);  // the step without knee keyframes: the posture's straight knee
  CHECK(prone.pose().knee_flexion_deg == 0.0f);

  app::ClientStage sitting;
  sitting.choose(anatomy::ClientPosture::sitting);
  sitting.set_technique(&tl, t.views, 0.0);
  // Sitting a step's knee bends the hanging knee only further (session 21; before, the step's 0
  // replaced sitting's 90 and held the shank out level).
  CHECK(sitting.pose().knee_flexion_deg == doctest::Approx(90.0f));
  sitting.update(1.0, 1.0, 1.0);
  CHECK(sitting.pose().knee_flexion_deg == doctest::Approx(90.0f));
  sitting.update(4.0, 5.0, 4.0);
  CHECK(sitting.pose().knee_flexion_deg == doctest::Approx(90.0f));  // no keyframes: sitting's own 90

  // Supine (a technique worked from the front keeps the client face up) the knee stays straight.
  app::ClientStage supine;
  supine.choose(anatomy::ClientPosture::supine);
  supine.set_technique(&tl, {"front"}, 1.0);
  CHECK(supine.pose().knee_bolster);  // lying face up
  CHECK(supine.pose().knee_flexion_deg == 0.0f);
}

TEST_CASE("the pose a step is framed in carries that step's knee: its mean, whatever the time now") {
  // Before session 20 pose_for_step, which the step camera's view search reads, kept the knee
  // straight lying prone: it framed where a straight leg's hands would be.
  const technique::Technique& t = test::knee_technique();
  static const anatomy::AnalyticLegSurface leg;
  const technique::Timeline tl(t, test::real_poses(), leg);

  app::ClientStage prone;
  prone.choose(anatomy::ClientPosture::prone);
  prone.set_technique(&tl, t.views, 5.0);  // now in the second step, knee straight
  REQUIRE(prone.pose().knee_flexion_deg == 0.0f);
  // Step 1 bends 0 -> 90 -> 0 each 2 s: its mean lies well inside, not at either end.
  CHECK(prone.pose_for_step(0).knee_flexion_deg > 30.0f);
  CHECK(prone.pose_for_step(0).knee_flexion_deg < 60.0f);
  CHECK(prone.pose_for_step(1).knee_flexion_deg == 0.0f);

  app::ClientStage sitting;
  sitting.choose(anatomy::ClientPosture::sitting);
  sitting.set_technique(&tl, t.views, 1.0);  // now at the top of step 1's bend
  CHECK(sitting.pose_for_step(0).knee_flexion_deg == doctest::Approx(90.0f));  // its mean, 45, bends no further
  CHECK(sitting.pose_for_step(1).knee_flexion_deg == doctest::Approx(90.0f));  // no keys: sitting's own

  app::ClientStage supine;
  supine.choose(anatomy::ClientPosture::supine);
  supine.set_technique(&tl, {"front"}, 1.0);
  CHECK(supine.pose_for_step(0).knee_flexion_deg == 0.0f);
}
