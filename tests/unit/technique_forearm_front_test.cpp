// Sitting, a therapist may reach the inner side of the hanging leg from in front of the client
// (content: sitting_stance = "front" per step; TechniqueFrame::in_front; technique/forearm.cpp
// kInnerFrom), not from beside the table on the leg's outer side: from there a hand on the inner
// side of the calf or thigh took its forearm across the front of the leg, the sleeve over the
// worked calf or knee and the hand behind it (tapotement's crossing over the knee; session 22).
// The forearms placed as app/state.cpp places them: the palms on the bent leg, the stance the
// frame's. The knee and hip bends turn about the leg frame's X axis, so a point's side of the
// leg (x against the leg axis's) is the same bent or straight.
#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <string>

#include <glm/geometric.hpp>
#include <glm/matrix.hpp>

#include "anatomy/client_pose.hpp"
#include "anatomy/leg_bend.hpp"
#include "anatomy/leg_surface.hpp"
#include "core/frame.hpp"
#include "technique/forearm.hpp"
#include "technique/timeline.hpp"
#include "technique_test_support.hpp"
#include "../support/sanitizer.hpp"

using namespace effleura;
using namespace effleura::technique;

namespace {

// Further than this to either side of the leg's axis counts as on that side (metres).
constexpr float kOffAxis = 0.03f;

struct Crossing {
  int moments = 0;    // sampled moments with a hand on the leg (either hand counts once)
  int crossed = 0;    // hand-moments whose elbow lies on the other side of the leg from the wrist
  double first_at = -1.0;
};

// Every 40 ms (160 ms under the sanitizers) of technique `id` played sitting.
Crossing crossings(const std::string& id) {
  const anatomy::LegSurface& surface = test::shipped_surface();
  Timeline tl(test::shipped_technique(id), test::real_poses(), surface);
  tl.set_client_sitting(true);
  const auto pose = anatomy::client_pose(anatomy::ClientPosture::sitting);
  const anatomy::LegBend bend{frame::kKneeCentre, pose.knee_flexion_deg, pose.hip_flexion_deg};
  Stance stance = stance_beside_table(pose.left_leg, anatomy::Table::kTopY);
  TechniqueFrame f;
  Crossing c;
  const double every = 0.04 * test::kSanitizedStride;
  for (double s = 0.0; s <= tl.duration(); s += every) {
    tl.evaluate(s, f);
    stance.in_front = f.in_front;  // as the app's: the step's place
    std::array<glm::mat4, 2> palms{};
    for (std::size_t h = 0; h < 2; ++h) palms[h] = anatomy::bend_palm(f.hands[h].transform, bend.knee, bend.knee_deg, bend.hip_deg);
    const auto arms = place_forearms(palms, &surface, &stance, &bend, finger_pads(f));
    for (std::size_t h = 0; h < 2; ++h) {
      if (f.hands[h].on_sole || !f.hands[h].contact) continue;
      ++c.moments;
      const float axis_x = anatomy::LegSurface::axis(f.hands[h].along).x;
      const float wrist = arms[h].wrist.x - axis_x, elbow = arms[h].elbow.x - axis_x;
      if ((wrist < -kOffAxis && elbow > kOffAxis) || (wrist > kOffAxis && elbow < -kOffAxis)) {
        if (c.crossed == 0) c.first_at = s;
        ++c.crossed;
      }
    }
  }
  MESSAGE(id << " sitting: a forearm across the leg at " << c.crossed << " of " << c.moments << " hand-moments on the leg (first at "
             << c.first_at << " s)");
  return c;
}

}  // namespace

TEST_CASE("sitting, no forearm reaches across the leg: inner-side hands are worked from in front of the client") {
  // Measured (Release, every 40 ms), hand-moments with the elbow across the leg from the wrist,
  // with the therapist only beside the table (session 22's main): effleurage 122 of 1422 (from
  // 1.12 s), friction 40 of 1016 (11.56 s), tapotement 85 of 287 (14.2 s: its crossing over the
  // knee onto the inner thigh), the other seven 0. Tapotement's steps are worked from in front
  // (sitting_stance = "front"): 0. Effleurage from in front would cross at 53, but its hands
  // are seen less from its step cameras (--hand-report sitting 0.65 / 0.82 / 0.79 -> 0.51 /
  // 0.75 / 0.76), so it keeps the side for now. Bounds: those, as ratchets (the sanitizers'
  // sparser sampling can only count fewer).
  for (const Technique& t : test::real_library().all()) {
    CAPTURE(t.id);
    const Crossing c = crossings(t.id);
    int bound = 0;
    if (t.id == "effleurage") bound = 122;
    if (t.id == "friction") bound = 40;
    CHECK(c.crossed <= bound);
  }
}

TEST_CASE("sitting, the therapist moves in front of the client over the last 0.8 s before a step worked from there") {
  // Tapotement's two steps, the first marked "front" here and the second not: in front through
  // the first, moving back to the side over its last kStanceMove, beside the table in the second
  // until its own last kStanceMove, where the technique comes round to the first again. Lying it
  // is always 0, whatever the content says.
  Technique t = test::shipped_technique("tapotement");
  REQUIRE(t.steps.size() == 2);
  t.steps[0].sitting_in_front = true;
  t.steps[1].sitting_in_front = false;
  Timeline tl(t, test::real_poses(), test::shipped_surface());
  const double end0 = tl.step_end(0), end1 = tl.step_end(1);
  REQUIRE(end0 > 2.0 * Timeline::kStanceMove);
  REQUIRE(end1 - end0 > 2.0 * Timeline::kStanceMove);
  TechniqueFrame f;
  for (const double s : {0.0, 1.0, end0 - Timeline::kStanceMove - 0.01, end0 + 0.5, end1 - Timeline::kStanceMove - 0.01}) {
    tl.evaluate(s, f);
    CHECK(f.in_front == 0.0f);  // lying
  }
  tl.set_client_sitting(true);
  tl.evaluate(1.0, f);
  CHECK(f.in_front == 1.0f);
  tl.evaluate(end0 - Timeline::kStanceMove - 0.01, f);
  CHECK(f.in_front == 1.0f);
  tl.evaluate(end0 - 0.5 * Timeline::kStanceMove, f);
  CHECK(f.in_front == doctest::Approx(0.5f));
  tl.evaluate(end0 + 0.5, f);
  CHECK(f.in_front == 0.0f);
  tl.evaluate(end1 - Timeline::kStanceMove - 0.01, f);
  CHECK(f.in_front == 0.0f);
  tl.evaluate(end1 - 0.25 * Timeline::kStanceMove, f);
  CHECK(f.in_front > 0.5f);
  CHECK(f.in_front < 1.0f);
  // Smooth: no jump over 20 ms through either move.
  float before = 1.0f, worst = 0.0f;
  for (double s = 0.0; s <= tl.duration(); s += 0.02) {
    tl.evaluate(s, f);
    worst = std::max(worst, std::abs(f.in_front - before));
    before = f.in_front;
  }
  CHECK(worst < 0.05f);  // 20 ms of a 0.8 s smooth step: at most 1.5 x 0.025
}

TEST_CASE("sitting, a stance with no share in front places the forearms as beside the table") {
  // The front share only ever blends in (Stance::in_front): at 0 the forearms are the side
  // stance's to the last bit, so steps left at "side" (compression's) are as they were.
  const anatomy::LegSurface& surface = test::shipped_surface();
  Timeline tl(test::shipped_technique("tapotement"), test::real_poses(), surface);
  tl.set_client_sitting(true);
  const auto pose = anatomy::client_pose(anatomy::ClientPosture::sitting);
  const anatomy::LegBend bend{frame::kKneeCentre, pose.knee_flexion_deg, pose.hip_flexion_deg};
  const Stance side = stance_beside_table(pose.left_leg, anatomy::Table::kTopY);
  Stance front = side;
  front.in_front = 1.0f;
  TechniqueFrame f;
  int moved = 0, inner = 0;
  for (double s = 0.0; s <= tl.duration(); s += 0.2 * test::kSanitizedStride) {
    tl.evaluate(s, f);
    std::array<glm::mat4, 2> palms{};
    for (std::size_t h = 0; h < 2; ++h) palms[h] = anatomy::bend_palm(f.hands[h].transform, bend.knee, bend.knee_deg, bend.hip_deg);
    const auto a = place_forearms(palms, &surface, &side, &bend, finger_pads(f));
    Stance zero = front;
    zero.in_front = 0.0f;
    const auto b = place_forearms(palms, &surface, &zero, &bend, finger_pads(f));
    const auto c = place_forearms(palms, &surface, &front, &bend, finger_pads(f));
    for (std::size_t h = 0; h < 2; ++h) {
      CHECK(a[h].elbow == b[h].elbow);
      const bool inside = glm::vec3(palms[h][3]).x < anatomy::LegSurface::axis(f.hands[h].along).x - 0.02f;
      inner += inside ? 1 : 0;
      if (inside && glm::distance(a[h].elbow, c[h].elbow) > 0.02f) ++moved;
    }
  }
  // Tapotement's inner hand works 2 cm or more inside the leg's axis at some moments, and from in
  // front its elbow moves (the mechanism is live, not a no-op).
  CHECK(inner > 0);
  CHECK(moved > 0);
}

namespace {
// Plays ankle pumps sitting every 40 ms (times the sanitizers' stride), places the forearms as the
// app does (the stance in front where the step says so), and calls visit(time, frame, forearms,
// front) with `front` the way the client faces (the room's +X, anatomy/client_pose.cpp) in the
// leg's frame.
template <class Visit>
void play_ankle_pumps_sitting(Visit visit) {
  const anatomy::LegSurface& surface = test::shipped_surface();
  Timeline tl(test::shipped_technique("ankle-pumps"), test::real_poses(), surface);
  tl.set_client_sitting(true);
  const auto pose = anatomy::client_pose(anatomy::ClientPosture::sitting);
  const anatomy::LegBend bend{frame::kKneeCentre, pose.knee_flexion_deg, pose.hip_flexion_deg};
  Stance stance = stance_beside_table(pose.left_leg, anatomy::Table::kTopY);
  const glm::vec3 front = glm::normalize(glm::vec3(glm::inverse(stance.to_room) * glm::vec4(1.0f, 0.0f, 0.0f, 0.0f)));
  TechniqueFrame f;
  for (double s = 0.0; s <= tl.duration(); s += 0.04 * test::kSanitizedStride) {
    tl.evaluate(s, f);
    stance.in_front = f.in_front;  // as the app's
    std::array<glm::mat4, 2> palms{};
    for (std::size_t h = 0; h < 2; ++h) palms[h] = anatomy::bend_palm(f.hands[h].transform, bend.knee, bend.knee_deg, bend.hip_deg);
    visit(s, f, place_forearms(palms, &surface, &stance, &bend, finger_pads(f)), front);
  }
}
}  // namespace

TEST_CASE("sitting, ankle pumps' heel hand takes its forearm from in front of the client, not from the table's end") {
  // Ankle pumps are worked from in front (sitting_stance = "front"): the therapist kneels before
  // the hanging foot, one hand on the sole, the other cupping the heel. Until session 26 the heel
  // hand's forearm ran back from the heel toward the table's end (its run toward the front at
  // most 0.3 of its length at 0 of 901 moments, as low as -0.11 at 1.28 s; Release, every 40 ms),
  // and session 25's heel cup (the hand turned with the foot) then put its sleeve through the
  // table top there. Now it comes from below the heel, toward the front: 0.70 at all 901. The
  // sole hand's forearm is not this case's (it keeps the table's side).
  int moments = 0, from_front = 0;
  float least = 1.0f;
  double least_at = 0.0;
  play_ankle_pumps_sitting([&](double s, const TechniqueFrame& f, const auto& arms, const glm::vec3& front) {
    for (std::size_t h = 0; h < 2; ++h) {
      if (f.hands[h].on_sole) continue;
      ++moments;
      const float run = glm::dot(arms[h].elbow - arms[h].wrist, front) / kForearmLength;
      if (run < least) least = run, least_at = s;
      from_front += run > 0.3f ? 1 : 0;
    }
  });
  MESSAGE("ankle pumps sitting: the heel hand's forearm runs toward the front by more than 0.3 of its length at "
          << from_front << " of " << moments << " moments (least " << least << " at " << least_at << " s)");
  REQUIRE(moments > 100 / test::kSanitizedStride);
  CHECK(from_front == moments);
}

TEST_CASE("sitting, ankle pumps' two forearms come from one therapist kneeling in front of the foot") {
  // Ankle pumps sitting are worked from in front (sitting_stance = "front"): the heel hand's
  // forearm comes from below the heel toward the front (above). Until session 27 the sole hand,
  // its fingers toward the toes as keyed for the foot end lying, could only take its forearm back
  // toward the chair (the wrist's range keeps a forearm behind the wrist), so below the foot the
  // two sleeves parted in a V as if from two people: its run toward the front as low as -1.00 of
  // its length (3.64 s), never above -0.35, and the two forearms up to 151 degrees apart (14.4 s,
  // the elbows 525 mm apart; Release, every 40 ms). Sitting in a front step the sole hand now lies
  // end for end on the ball of the foot (technique/timeline.cpp) and its forearm comes from below
  // the sole toward the front: run 0.70 at all 901 moments, the two forearms at most 24.8 degrees
  // apart (2.04 s). (Mirrored about the foot's middle instead, the palm on the arch, the pointed
  // foot stood it nearer upright: 0.24 at 14.4 s.)
  // The sole hand's forearm runs toward the front by more than this share of its length, and the
  // two forearms lie within kMostApartDeg of each other (one therapist's two arms reaching
  // forward to the foot), at every moment.
  constexpr float kLeastRun = 0.3f;
  constexpr float kMostApartDeg = 60.0f;
  int moments = 0;
  float least = 1.0f, widest = 0.0f, elbows = 0.0f;
  double least_at = 0.0, widest_at = 0.0;
  play_ankle_pumps_sitting([&](double s, const TechniqueFrame& f, const auto& arms, const glm::vec3& front) {
    const std::size_t sole = f.hands[0].on_sole ? 0 : 1;
    REQUIRE(f.hands[sole].on_sole);
    REQUIRE_FALSE(f.hands[1 - sole].on_sole);
    ++moments;
    const float run = glm::dot(arms[sole].elbow - arms[sole].wrist, front) / kForearmLength;
    if (run < least) least = run, least_at = s;
    const float apart = 57.29578f * std::acos(std::clamp(glm::dot(glm::normalize(arms[0].elbow - arms[0].wrist),
                                                                    glm::normalize(arms[1].elbow - arms[1].wrist)), -1.0f, 1.0f));
    if (apart > widest) widest = apart, widest_at = s, elbows = glm::length(arms[0].elbow - arms[1].elbow);
  });
  MESSAGE("ankle pumps sitting, " << moments << " moments: the sole hand's forearm runs toward the front by at least "
          << least << " of its length (" << least_at << " s); the two forearms at most " << widest << " degrees apart ("
          << widest_at << " s, elbows " << 1000.0f * elbows << " mm apart)");
  REQUIRE(moments > 100 / test::kSanitizedStride);
  CHECK(least > kLeastRun);
  CHECK(widest < kMostApartDeg);
}
