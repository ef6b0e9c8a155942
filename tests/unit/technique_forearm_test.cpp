// place_forearms: where the therapist's forearms go, for every moment of every technique. The
// elbow trails the wrist, rises off the skin, and the forearm never passes through the leg.
#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <optional>
#include <string>
#include <vector>

#include <glm/geometric.hpp>
#include <glm/matrix.hpp>

#include "anatomy/client_pose.hpp"
#include "anatomy/leg_bend.hpp"
#include "anatomy/leg_surface.hpp"
#include "core/frame.hpp"
#include "technique/forearm.hpp"
#include "technique/timeline.hpp"
#include "technique/working_side.hpp"
#include "technique_lying_sides.hpp"
#include "technique_test_support.hpp"
#include "../support/sanitizer.hpp"

using namespace effleura;
using namespace effleura::technique;

namespace {

const anatomy::LegSurface& leg() {
  if (const auto* a = test::leg_asset(); a && a->surface) return *a->surface;
  static const anatomy::AnalyticLegSurface surface;
  return surface;
}

}  // namespace

TEST_CASE("at the bind pose the forearm frame is the wrist, straight on, for either hand") {
  for (Hand h : {Hand::left, Hand::right}) {
    const glm::mat4 b = forearm_bind(h);
    CHECK(glm::length(glm::vec3(b[3]) - kWristInPalm) < 1e-6f);
    CHECK(glm::determinant(glm::mat3(b)) == doctest::Approx(1.0f).epsilon(1e-5));
    CHECK(glm::dot(glm::vec3(b[2]), glm::vec3(0, 0, 1)) == doctest::Approx(1.0f).epsilon(1e-5));
  }
}

TEST_CASE("a palm flat on a table: the elbows trail the wrists, up off the skin, toward one torso") {
  // Palms down on the floor plane, fingers along +Z, the hands 10 cm apart.
  std::array<glm::mat4, 2> palms{glm::mat4(1.0f), glm::mat4(1.0f)};
  palms[0][3] = glm::vec4(-0.05f, 0.0f, 0.0f, 1.0f);
  palms[1][3] = glm::vec4(0.05f, 0.0f, 0.0f, 1.0f);
  const auto arms = place_forearms(palms);
  for (const Forearm& a : arms) {
    const glm::vec3 d = a.elbow - a.wrist;
    CHECK(glm::length(d) == doctest::Approx(kForearmLength).epsilon(1e-3));
    CHECK(d.y > 0.3f * kForearmLength);   // up off the skin
    CHECK(d.z < -0.3f * kForearmLength);  // behind the wrist
    CHECK(glm::determinant(glm::mat3(a.frame)) == doctest::Approx(1.0f).epsilon(1e-4));
  }
  // Both lean toward the same torso between them: the elbows are no further apart than the hands.
  CHECK(glm::distance(arms[0].elbow, arms[1].elbow) <= glm::distance(arms[0].wrist, arms[1].wrist) + 1e-4f);
}

TEST_CASE("in every technique the forearms stay out of the leg and rise off it") {
  const anatomy::LegSurface& surface = leg();
  for (const Technique& t : test::real_library().all()) {
    CAPTURE(t.id);
    const Timeline tl(t, test::real_poses(), surface);
    TechniqueFrame f;
    float worst = 1.0f;
    int low_wrists = 0, samples = 0;
    for (double s = 0.0; s <= tl.duration(); s += 0.1) {
      tl.evaluate(s, f);
      // As drawn: a hand on its finger pads (friction) may keep its wrist straight.
      const std::array<bool, 2> pads = finger_pads(f);
      const auto arms = place_forearms({f.hands[0].transform, f.hands[1].transform}, &surface, nullptr, nullptr, pads);
      for (std::size_t h = 0; h < 2; ++h) {
        const Forearm& a = arms[h];
        ++samples;
        const glm::vec3 back(f.hands[h].transform[1]);
        // A flat hand's forearm rises at least ~15 degrees off the back of the hand; a hand on its
        // pads' no more than ~6 degrees below it (technique/forearm.cpp kPadsLeastY).
        const float least = pads[h] ? -0.11f : 0.25f;
        if (glm::dot(a.elbow - a.wrist, back) < least * kForearmLength) ++low_wrists;
        for (int k = 2; k <= 6; ++k) {
          // From a third of the way up: the wrist end sits just above the skin by design.
          const glm::vec3 p = a.wrist + (a.elbow - a.wrist) * (static_cast<float>(k) / 6.0f);
          if (p.y > surface.min_along()) worst = std::min(worst, surface.radial_outside(p));
        }
      }
    }
    // The forearm's axis keeps at least its own radius (~3 cm) clear of the skin.
    CHECK(worst > 0.025f);
    CHECK(low_wrists == 0);
    CHECK(samples > 0);
  }
}

TEST_CASE("sitting, the forearms are tested against the bent leg as it is drawn") {
  // Hip and knee at 90 degrees (anatomy::client_pose sitting), the therapist beside the table:
  // the palms sit on the bent leg (bend_palm) and the forearms are tested against it through
  // unbend_leg. Checked here against the drawn skin itself: points of the straight surface,
  // bent as shaders/model.vert bends them. Without the bend the forearms were tested against the
  // straight shank, which sitting is not there (and the drawn one was not seen).
  const anatomy::LegSurface& surface = leg();
  const auto pose = anatomy::client_pose(anatomy::ClientPosture::sitting);
  const anatomy::LegBend bend{frame::kKneeCentre, pose.knee_flexion_deg, pose.hip_flexion_deg};
  Stance stance = stance_beside_table(pose.left_leg, anatomy::Table::kTopY);
  std::vector<glm::vec3> skin;
  for (float along = surface.min_along(); along < 0.85f; along += 0.01f)
    for (int k = 0; k < 48; ++k)
      skin.push_back(anatomy::bend_leg(surface.position(along, 6.2831853f * static_cast<float>(k) / 48.0f),
                                       bend.knee, bend.knee_deg, bend.hip_deg));
  const double step = test::kSanitized ? 2.0 : 0.5;
  // A forearm touches when a point of it from half-way up (the wrist end sits just above the
  // skin by design) comes within 2.5 cm of the drawn skin (the forearm's radius is ~3 cm; the
  // skin samples are ~1 cm apart).
  const auto touching = [&](const std::array<Forearm, 2>& arms, std::size_t h) {
    const Forearm& a = arms[h];
    for (int k = 3; k <= 6; ++k) {
      const glm::vec3 p = a.wrist + (a.elbow - a.wrist) * (static_cast<float>(k) / 6.0f);
      for (const glm::vec3& q : skin)
        if (glm::distance(p, q) < 0.025f) return true;
    }
    return false;
  };
  int samples = 0, touch_bent = 0, touch_straight = 0;
  for (const Technique& t : test::real_library().all()) {
    // As the app plays it sitting: contacts behind the leg move where a sitting leg can be
    // reached (technique/sitting_reach.hpp); left behind, hands under the thigh lifted their
    // forearms through it to clear the table top (place_forearms' floor).
    Timeline tl(t, test::real_poses(), surface);
    tl.set_client_sitting(true);
    TechniqueFrame f;
    for (double s = 0.0; s <= tl.duration(); s += step) {
      tl.evaluate(s, f);
      const std::array<glm::mat4, 2> palms{anatomy::bend_palm(f.hands[0].transform, bend.knee, bend.knee_deg, bend.hip_deg),
                                           anatomy::bend_palm(f.hands[1].transform, bend.knee, bend.knee_deg, bend.hip_deg)};
      stance.in_front = f.in_front;  // beside the table or in front of the client, as the step says
      const auto bent = place_forearms(palms, &surface, &stance, &bend);
      const auto straight = place_forearms(palms, &surface, &stance);  // as before: the straight leg
      for (std::size_t h = 0; h < 2; ++h) {
        ++samples;
        touch_bent += touching(bent, h) ? 1 : 0;
        touch_straight += touching(straight, h) ? 1 : 0;
      }
    }
  }
  // Measured (Release, every 0.5 s of the ten techniques, played sitting as the app plays them:
  // technique/sitting_reach.hpp, and with the table-top floor): 2 of 1212 forearms touch with the
  // bend (10 tested against the straight leg). Before the lift followed the drawn skin's
  // outward direction (technique/forearm.cpp), 76 of them did (89 before tapotement's thigh
  // step ended lower): on the sitting thigh and beside the bent knee the room's up runs along
  // the skin, and the forearm ran out of tries inside it.
  MESSAGE("sitting forearms within 2.5 cm of the drawn skin: " << touch_bent << " of " << samples
                                                                  << " (tested against the straight leg: " << touch_straight << ")");
  CHECK(samples > 0);
  CHECK(touch_bent <= touch_straight);
  CHECK(touch_bent * 100 <= samples);  // at most 1 %
}

TEST_CASE("unbend_leg finds the straight points the bend draws, in the bend zones and past them") {
  const anatomy::LegBend bend{frame::kKneeCentre, 90.0f, 90.0f};
  for (float y : {0.1f, 0.44f, 0.49f, 0.53f, 0.7f, 0.85f, 0.92f, 1.0f})
    for (float z : {-0.3f, -0.08f, 0.0f, 0.06f, 0.25f}) {
      const glm::vec3 p(0.03f, y, z);
      CAPTURE(y);
      CAPTURE(z);
      const glm::vec3 drawn = anatomy::bend_leg(p, bend.knee, bend.knee_deg, bend.hip_deg);
      float nearest = 1.0f;
      for (const glm::vec3& q : anatomy::unbend_leg(drawn, bend)) {
        nearest = std::min(nearest, glm::distance(q, p));
        CHECK(glm::distance(anatomy::bend_leg(q, bend.knee, bend.knee_deg, bend.hip_deg), drawn) < 1e-4f);
      }
      CHECK(nearest < 1e-4f);
    }
  // Near the leg's axis a point is drawn from one straight point only; no bend: the point itself.
  CHECK(anatomy::unbend_leg(anatomy::bend_leg({0.0f, 0.47f, 0.03f}, bend.knee, 90.0f, 90.0f), bend).size() == 1);
  CHECK(anatomy::unbend_leg({0.1f, 0.5f, 0.2f}, {}) == std::vector<glm::vec3>{{0.1f, 0.5f, 0.2f}});
}

TEST_CASE("a hand on the sole takes its forearm from the foot end of the table") {
  // Client supine, the therapist at the table: a palm on the sole faces the client's head, so
  // the forearm comes level from beyond the foot (a student sees the push toward the head), not
  // from beside the table over the shin, as a hand on the leg's skin does.
  const anatomy::LegSurface& surface = leg();
  const auto pose = anatomy::client_pose(anatomy::ClientPosture::supine);
  const Stance stance = stance_beside_table(pose.left_leg, anatomy::Table::kTopY);
  // The foot end seen level from the room: down the standing leg (-Y), less the room's up.
  const glm::vec3 down_leg(0.0f, -1.0f, 0.0f);
  const glm::vec3 foot_end = glm::normalize(down_leg - stance.up * glm::dot(down_leg, stance.up));
  int sole_samples = 0, from_feet = 0;
  const double every = test::kSanitized ? 0.75 : 0.25;  // seconds between samples
  for (const char* id : {"toe-taps", "ankle-pumps"}) {
    const Timeline tl(*test::real_library().find(id), test::real_poses(), surface);
    TechniqueFrame f;
    for (double s = 0.0; s <= tl.duration(); s += every) {
      tl.evaluate(s, f);
      const auto arms = place_forearms({f.hands[0].transform, f.hands[1].transform}, &surface, &stance);
      for (std::size_t h = 0; h < 2; ++h) {
        // Ankle pumps turn the foot up to ~30 degrees: the wrist's range and the lift off the
        // skin then take over (the elbow drops below the raised sole), so only moments near
        // neutral are held to it.
        if (!f.hands[h].on_sole || std::abs(f.ankle_deg) > 10.0f) continue;
        ++sole_samples;
        glm::vec3 run = arms[h].elbow - arms[h].wrist;
        run -= stance.up * glm::dot(run, stance.up);
        // Level, the forearm runs toward the foot end, within 66 degrees (a hand laid across the
        // sole trails its fingers: elbows out); beside the table it ran sideways.
        if (glm::length(run) > 0.05f && glm::dot(glm::normalize(run), foot_end) > 0.4f) ++from_feet;
      }
    }
  }
  // The case tests something: hands on the sole near neutral for over 12.5 s of the two
  // techniques, counted as sampled (sparser under the sanitizers; since session 9 only one
  // toe-taps hand is on the sole).
  CHECK(sole_samples * every > 12.5);
  CHECK(from_feet == sole_samples);
}

TEST_CASE("ankle pumps: the hand cradling the heel trails its forearm toward the foot end, not the head") {
  // The therapist works ankle pumps from near the foot end: the sole hand's forearm comes from
  // beyond the foot (the case above); the hand under the heel, its fingers up the back of the
  // ankle (roll 0), has its forearm beside the table trailing toward the foot end (measured:
  // level run (0.24, -0.09) m across and down the leg, 20 degrees toward the feet). With the
  // fingers curled round the heel toward the toes (roll 180, before session 8) it trailed
  // 24 degrees toward the client's head along the calf, as if from a second therapist.
  const anatomy::LegSurface& surface = leg();
  const auto pose = anatomy::client_pose(anatomy::ClientPosture::supine);
  const Stance stance = stance_beside_table(pose.left_leg, anatomy::Table::kTopY);
  const glm::vec3 down_leg(0.0f, -1.0f, 0.0f);
  const glm::vec3 foot_end = glm::normalize(down_leg - stance.up * glm::dot(down_leg, stance.up));
  const Timeline tl(*test::real_library().find("ankle-pumps"), test::real_poses(), surface);
  TechniqueFrame f;
  int heel_samples = 0, toward_feet = 0;
  for (double s = 0.0; s <= tl.duration(); s += test::kSanitized ? 0.75 : 0.25) {
    tl.evaluate(s, f);
    const auto arms = place_forearms({f.hands[0].transform, f.hands[1].transform}, &surface, &stance);
    for (std::size_t h = 0; h < 2; ++h) {
      if (f.hands[h].on_sole) continue;
      ++heel_samples;
      glm::vec3 run = arms[h].elbow - arms[h].wrist;
      run -= stance.up * glm::dot(run, stance.up);
      // At least 10 degrees toward the feet (sin 10 = 0.17).
      if (glm::length(run) > 0.05f && glm::dot(glm::normalize(run), foot_end) > 0.17f) ++toward_feet;
    }
  }
  MESSAGE("ankle pumps: the heel hand's forearm trails toward the feet at " << toward_feet << " of " << heel_samples
                                                                            << " moments");
  CHECK(heel_samples > 20);
  CHECK(toward_feet == heel_samples);
}

TEST_CASE("in every technique the therapist's two forearms keep clear of each other") {
  // Every 20 ms, lying as the app turns the client, the forearms placed as app/state.cpp places
  // them: the bare forearm and the sleeve of one never pass into the other's.
  const anatomy::LegSurface& surface = leg();
  const double every = test::kSanitized ? 0.1 : 0.02;
  for (const Technique& t : test::real_library().all()) {
    CAPTURE(t.id);
    const Timeline tl(t, test::real_poses(), surface);
    const auto sides = test::lying_sides(t, tl);
    TechniqueFrame f;
    float worst = 1.0f;
    double worst_at = 0.0;
    for (double s = 0.0; s <= tl.duration(); s += every) {
      tl.evaluate(s, f);
      const Stance stance = stance_beside_table(anatomy::client_pose(sides[f.step]).left_leg, anatomy::Table::kTopY);
      const auto arms = place_forearms({f.hands[0].transform, f.hands[1].transform}, &surface, &stance, nullptr, finger_pads(f));
      if (const float gap = forearms_gap(arms); gap < worst) worst = gap, worst_at = s;
    }
    MESSAGE(t.id << ": forearms' closest approach " << 1000.0f * worst << " mm at " << worst_at << " s");
    CHECK(worst >= 0.0f);
  }
}

TEST_CASE("a hand on the sole takes its forearm from the foot end on the therapist's side, not from between the feet") {
  // The therapist stands beside the table on the leg's open (outer) side; at the feet, at the
  // foot end toward that side. Toe taps' tapping hand, its palm turned 30 degrees in with the
  // sole at the ball of the foot, took its forearm along the back of the hand: 6-13 cm in toward
  // the other leg, reaching from between the feet.
  const anatomy::LegSurface& surface = leg();
  const auto pose = anatomy::client_pose(anatomy::ClientPosture::supine);
  const Stance stance = stance_beside_table(pose.left_leg, anatomy::Table::kTopY);
  for (const char* id : {"toe-taps", "ankle-pumps"}) {
    CAPTURE(id);
    const Timeline tl(*test::real_library().find(id), test::real_poses(), surface);
    TechniqueFrame f;
    int sole_samples = 0, from_open_side = 0;
    float most_inward = -1.0f;
    for (double s = 0.0; s <= tl.duration(); s += test::kSanitized ? 0.1 : 0.02) {
      tl.evaluate(s, f);
      const auto arms = place_forearms({f.hands[0].transform, f.hands[1].transform}, &surface, &stance, nullptr, finger_pads(f));
      for (std::size_t h = 0; h < 2; ++h) {
        if (!f.hands[h].on_sole) continue;
        ++sole_samples;
        // How far the elbow lies from the wrist toward the other leg (the leg frame's -X).
        const float inward = -glm::dot(arms[h].elbow - arms[h].wrist, stance.side);
        most_inward = std::max(most_inward, inward);
        if (inward <= 0.0f) ++from_open_side;
      }
    }
    MESSAGE(std::string(id) << ": the sole hand's elbow on the open side of its wrist at " << from_open_side << " of " << sole_samples
               << " moments (at most " << 1000.0f * most_inward << " mm toward the other leg)");
    CHECK(sole_samples > 100);
    CHECK(from_open_side == sole_samples);
  }
}


namespace {

// How smoothly the elbows move, every 20 ms of the ten techniques, within each step (a new step
// may start elsewhere), the forearms placed as app/state.cpp places them: lying, the client
// turned as the app turns it; sitting, the palms on the bent leg (bend_palm) and the bend passed
// in. A forearm that turns by more than its hand does, plus 10 degrees, in one moment is a pop.
struct Smoothness {
  int pops = 0;
  float most_excess_deg = 0.0f;  // the worst turn beyond the hand's
  float largest_step = 0.0f;     // the largest elbow step in one moment, metres
};

Smoothness elbow_smoothness(bool sitting) {
  const anatomy::LegSurface& surface = leg();
  constexpr double kEvery = 0.02;  // the metric is per 20 ms: not coarser under the sanitizers
  const auto sitting_pose = anatomy::client_pose(anatomy::ClientPosture::sitting);
  const anatomy::LegBend bend{frame::kKneeCentre, sitting ? sitting_pose.knee_flexion_deg : 0.0f,
                              sitting ? sitting_pose.hip_flexion_deg : 0.0f};
  Smoothness all;
  for (const Technique& t : test::real_library().all()) {
    CAPTURE(t.id);
    Timeline tl(t, test::real_poses(), surface);
    tl.set_client_sitting(sitting);
    const auto sides = test::lying_sides(t, tl);
    TechniqueFrame f;
    std::array<Forearm, 2> before{};
    std::array<glm::mat3, 2> palm_before{};
    std::size_t step_before = tl.step_count();
    int technique_pops = 0;
    float technique_excess = 0.0f;
    double at = 0.0;
    for (double s = 0.0; s <= tl.duration(); s += kEvery) {
      tl.evaluate(s, f);
      Stance stance = stance_beside_table(sitting ? sitting_pose.left_leg : anatomy::client_pose(sides[f.step]).left_leg,
                                          anatomy::Table::kTopY);
      stance.in_front = f.in_front;  // as the app's (State::frame_view): the step's place
      std::array<glm::mat4, 2> palms{};
      for (std::size_t h = 0; h < 2; ++h) palms[h] = anatomy::bend_palm(f.hands[h].transform, bend.knee, bend.knee_deg, bend.hip_deg);
      const auto arms = place_forearms(palms, &surface, &stance, sitting ? &bend : nullptr, finger_pads(f));
      std::array<glm::mat3, 2> palm{};
      for (std::size_t h = 0; h < 2; ++h) {
        const glm::mat3 m(palms[h]);
        palm[h] = glm::mat3(glm::normalize(m[0]), glm::normalize(m[1]), glm::normalize(m[2]));
      }
      if (f.step == step_before)
        for (std::size_t h = 0; h < 2; ++h) {
          const glm::vec3 a0 = glm::normalize(before[h].elbow - before[h].wrist);
          const glm::vec3 a1 = glm::normalize(arms[h].elbow - arms[h].wrist);
          const float forearm_turn = std::acos(std::clamp(glm::dot(a0, a1), -1.0f, 1.0f));
          const glm::mat3 rel = glm::transpose(palm_before[h]) * palm[h];
          const float hand_turn = std::acos(std::clamp(0.5f * (rel[0][0] + rel[1][1] + rel[2][2] - 1.0f), -1.0f, 1.0f));
          const float excess = 57.29578f * (forearm_turn - hand_turn);
          if (excess > 10.0f) ++technique_pops;
          if (excess > technique_excess) technique_excess = excess, at = s;
          all.largest_step = std::max(all.largest_step, glm::distance(arms[h].elbow, before[h].elbow));
        }
      before = arms;
      palm_before = palm;
      step_before = f.step;
    }
    MESSAGE(std::string(sitting ? "sitting " : "lying ") << t.id << ": " << technique_pops << " pops, the worst " << technique_excess
                                              << " degrees beyond the hand's turn at " << at << " s");
    all.pops += technique_pops;
    all.most_excess_deg = std::max(all.most_excess_deg, technique_excess);
  }
  MESSAGE(std::string(sitting ? "sitting" : "lying") << ", all ten: " << all.pops << " pops, the worst " << all.most_excess_deg
                                          << " degrees, the largest elbow step " << 1000.0f * all.largest_step << " mm in 20 ms");
  return all;
}

}  // namespace

TEST_CASE("within a step the elbows move smoothly: a forearm turns no faster than its hand, bar a few moments") {
  // Lying. place_forearms keeps no memory of the moment before, so any switch in it (a trail
  // direction flipping through zero, a whole lift step) shows as a pop: the elbow swung up to
  // 0.37 m about its wrist in one 20 ms moment (cross-fibre at 13.24 s).
  // Measured (Release): before the trail faded in and the lift was bisected, 773 pops, the worst
  // 84 degrees beyond the hand's turn (cross-fibre 13.24 s), the largest elbow step 375 mm; then
  // 260, 61 degrees (tapotement 29.46 s), 278 mm (tapotement 13.66 s); with the clearance near the
  // wrist capped by the wrist's own, 114, 36 degrees (cross-fibre 15.36 s), 203 mm; with the
  // table top's lift toward the highest direction the wrist allows where up lies ahead of it, and
  // the spread of two forearms scanned up from none (session 18), 65, 27.6 degrees (effleurage
  // 6.58 s), 199 mm (cross-fibre 49 -> 0). Merged with compression's new lift over the knee
  // (session 18: the hands go round the outer side while the client rolls over), 69 pops and the
  // worst 32.0 degrees there (13.1 s): the bound on the worst is 33 until that lift is smoothed.
  // Session 19: a hand takes the sole's stance only below the leg's lowest section, not from its
  // back's tilt alone (effleurage's right hand over the hip): 70 -> 55 (effleurage 22 -> 6,
  // vibration 1 -> 0, tapotement 41 -> 43), the worst and the largest step unchanged.
  // Session 20 (content): effleurage's right hand rises over the thigh on its way back (6 -> 0,
  // 38.48-38.52 s) and compression's new lift over the knee (3 -> 2, its worst 31.07 -> 21.4
  // degrees): 55 -> 48, the worst 31.07 -> 28.5 (petrissage 26.84 s): bounds 48 and 30 (the old
  // content fails both).
  // Session 25 (content): compression's lifted left hand goes round lower over the knee (160 /
  // 120 degrees at 0.5 / 0.8 s; its back 79 -> 54 degrees from up): one more pop there, 2 -> 3
  // (the worst 26.3 degrees, 13.1 s): bound 49.
  // Session 29: a cupped hand is no longer a pads hand (technique/forearm.hpp on_finger_pads):
  // 48 -> 9 (tapotement 43 -> 4). The bound stays 49 until the count is measured under the
  // sanitizers' stride, whose longer steps can count more pops.
  const Smoothness lying = elbow_smoothness(false);
  CHECK(lying.pops <= 49);
  CHECK(lying.most_excess_deg <= 30.0f);
  CHECK(lying.largest_step <= 0.2f);
}

TEST_CASE("sitting, within a step the elbows move smoothly: a ratchet") {
  // Sitting, measured (Release, session 18; the same on main before it): 278 pops, the worst 120
  // degrees beyond the hand's turn (tapotement 18.82 s), the largest elbow step 674 mm in 20 ms.
  // Most come with the hand itself jumping: sitting_reach moves a contact behind the calf to the
  // side of its own half, so a hand passing across the calf's back jumps from one side to the
  // other (tapotement 126 pops, effleurage 76). Only keeps it from getting worse; the lift off
  // the table top that fixed lying cross-fibre jumped here (technique/forearm.cpp).
  // Session 19: where the way toward the therapist lies ahead of the wrist (sitting: hands on
  // the hanging calf; not on the foot) its sideways part fades, so the elbow no longer flips
  // across the wrist: 278 -> 224 pops (tapotement 120 -> 74, effleurage 90 -> 83, petrissage
  // 13 -> 10), the worst 117 -> 52.5 degrees (tapotement 18.76 s); the largest step (707 mm)
  // unchanged. The old code fails both new bounds.
  // Session 20: sitting_reach's knee blend spread over 0.44-0.60 (was 0.46-0.56), so the hands
  // lifted across the knee turn slower: 227 -> 226 pops, the worst 52.5 -> 37.6 degrees
  // (tapotement 18.84 s), the largest step 707 -> 709 mm; vibration's hands 4 cm off the skin
  // over the knee (2 before) add one pop: 227. The old blend fails the new worst. Merged with
  // session 20's content (effleurage's higher return, compression's new thigh step and lift:
  // 227 -> 224 on their own) and the wrapping palm's roll: 228 (effleurage 85, tapotement 71,
  // friction 33, ankle pumps 16, petrissage 13), one more than either branch alone.
  // Session 21 (squeeze): a stroke behind the calf on both sides of its back line keeps to one
  // side sitting (sitting_reach.hpp track_side): petrissage 13 -> 4 (its hands no longer jump
  // across the calf each kneading cycle), effleurage 85 -> 95 (its strokes there now stay on
  // one side; turns over 60 degrees in 20 ms 4 -> 1): 228 -> 229, the largest step 709 -> 577 mm.
  // Session 24 (feet): tapotement's steps worked from in front of the client (sitting_stance =
  // "front": its inner hand's forearm from past the table's end, not across the leg): 226 -> 167
  // pops (tapotement 71 -> 12, its worst 37.6 -> 26.0 degrees); the worst of all, 39.2
  // (effleurage 16.56 s), and the largest step, 614 mm, unchanged. Main's content fails 170.
  const Smoothness sitting = elbow_smoothness(true);
  CHECK(sitting.pops <= 170);
  CHECK(sitting.most_excess_deg <= 40.0f);
  CHECK(sitting.largest_step <= 0.72f);  // 0.707 m on the re-meshed thigh skin (session 18), 0.674 before
}
