// Techniques with the client sitting (hips and knees at 90 degrees at the table's end, the thigh
// on the table top). Content is written for a lying client and vibration works round the back of
// the leg (around 172): sitting, the back of the thigh lies on the table and the back of the
// hanging calf faces the table's end, so up to session 10 the hands lay up to 46 mm below the
// top between thigh and table, and behind the calf under the table's edge (28-105 mm), and the
// forearm sleeves sank up to 86 mm into the top. technique/sitting_reach.hpp moves such contacts
// where a sitting leg can be reached; place_forearms keeps the sleeves above the table top.
#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <numbers>

#include <glm/geometric.hpp>

#include "anatomy/client_pose.hpp"
#include "anatomy/leg_bend.hpp"
#include "core/frame.hpp"
#include "technique/forearm.hpp"
#include "technique/hand_fit.hpp"
#include "technique/hand_rig.hpp"
#include "technique/sitting_reach.hpp"
#include "technique_test_support.hpp"
#include "../support/sanitizer.hpp"

using namespace effleura;
using namespace effleura::technique;

namespace {
constexpr float kDeg = std::numbers::pi_v<float> / 180.0f;

// The client sitting at the table's end, as the app draws it: the bend the palms go through and
// the therapist's stance beside the table.
struct SittingScene {
  const anatomy::LegSurface& surface = test::shipped_surface();
  anatomy::ClientPose pose = anatomy::client_pose(anatomy::ClientPosture::sitting);
  anatomy::LegBend bend{frame::kKneeCentre, pose.knee_flexion_deg, pose.hip_flexion_deg};
  Stance stance = stance_beside_table(pose.left_leg, anatomy::Table::kTopY);
};

// One hand at one moment, measured against the table top (m over it; < 0 below).
struct HandOverTable {
  float hand = 0.0f;    // its lowest part, less the part's flesh
  float sleeve = 0.0f;  // its forearm's lowest of six points along it, less the sleeve's radius
  bool contact = false;
};

// Both hands of `tl` at `time`, bent with the sitting leg, their forearms placed as the app does.
std::array<HandOverTable, 2> over_table_at(const Timeline& tl, double time, const SittingScene& scene) {
  TechniqueFrame f;
  tl.evaluate(time, f);
  std::array<glm::mat4, 2> palms{};
  for (std::size_t h = 0; h < 2; ++h)
    palms[h] = anatomy::bend_palm(f.hands[h].transform, scene.bend.knee, scene.bend.knee_deg, scene.bend.hip_deg);
  Stance stance = scene.stance;
  stance.in_front = f.in_front;  // as the app's (State::frame_view): the step's place
  const auto arms = place_forearms(palms, &scene.surface, &stance, &scene.bend,
                                   finger_pads(f));
  std::array<HandOverTable, 2> out{};
  for (std::size_t h = 0; h < 2; ++h) {
    const HandShape shape = build_hand(palms[h], f.hands[h].pose, f.hands[h].hand);
    out[h].hand = std::numeric_limits<float>::max();
    for (const HandPart& part : shape.parts)
      out[h].hand = std::min({out[h].hand, scene.stance.over_table(glm::vec3(part.frame[3])) - part.radius.y,
                              scene.stance.over_table(part.tip) - part.radius.y});
    out[h].sleeve = std::numeric_limits<float>::max();
    for (int k = 1; k <= 6; ++k)
      out[h].sleeve = std::min(out[h].sleeve, scene.stance.over_table(arms[h].wrist + (arms[h].elbow - arms[h].wrist) *
                                                                                       (static_cast<float>(k) / 6.0f)) -
                                                  kSleeveRadius);
    out[h].contact = f.hands[h].contact;
  }
  return out;
}

}  // namespace

TEST_CASE("sitting reach: the front stays, the back of the thigh goes on top and the back of the calf to its side") {
  // In front of the side line nothing moves.
  for (float a : {0.0f, 45.0f, 89.0f, 271.0f, 300.0f}) {
    const LegReach r = sitting_reach(0.80f, a * kDeg, 90.0f * kDeg);
    CHECK(std::cos(r.around - a * kDeg) == doctest::Approx(1.0f));
    CHECK(r.roll == doctest::Approx(90.0f * kDeg));
  }
  // Thigh: 172 degrees (the hamstrings) mirrored onto the top, 8 degrees, the fingers mirrored.
  const LegReach thigh = sitting_reach(0.80f, 172.0f * kDeg, 90.0f * kDeg);
  CHECK(thigh.around / kDeg == doctest::Approx(8.0f).epsilon(0.01));
  CHECK(thigh.roll / kDeg == doctest::Approx(-90.0f).epsilon(0.01));
  // Calf: to its own side, at most 15 degrees behind the side line, fingers down the leg.
  const LegReach outer = sitting_reach(0.30f, 172.0f * kDeg, 90.0f * kDeg);
  CHECK(outer.around / kDeg > 90.0f);
  CHECK(outer.around / kDeg < 105.0f);
  CHECK(std::abs(outer.roll / kDeg) == doctest::Approx(180.0f).epsilon(0.01));
  const LegReach inner = sitting_reach(0.30f, 200.0f * kDeg, 0.0f);
  CHECK(inner.around / kDeg < -90.0f);
  CHECK(inner.around / kDeg > -105.0f);
  // The heel (along 0.075, below the ankle) hangs well under the table top: held as lying.
  const LegReach heel = sitting_reach(0.075f, 140.0f * kDeg, 90.0f * kDeg);
  CHECK(heel.around / kDeg == doctest::Approx(140.0f));
  CHECK(heel.roll / kDeg == doctest::Approx(90.0f));
  // No jump where a hand gliding round the leg crosses the side line, or along the leg across
  // the knee: a tenth of a degree in, a few tenths of a degree out.
  for (float along : {0.30f, 0.51f, 0.80f}) {
    const LegReach a = sitting_reach(along, 89.95f * kDeg, 60.0f * kDeg);
    const LegReach b = sitting_reach(along, 90.05f * kDeg, 60.0f * kDeg);
    CHECK(std::abs(b.around - a.around) / kDeg < 0.3f);
    CHECK(std::abs(b.roll - a.roll) / kDeg < 0.3f);
  }
  for (float along = 0.40f; along < 0.62f; along += 0.01f) {
    const LegReach a = sitting_reach(along, 150.0f * kDeg, 90.0f * kDeg);
    const LegReach b = sitting_reach(along + 0.001f, 150.0f * kDeg, 90.0f * kDeg);
    CHECK(std::abs(b.around - a.around) / kDeg < 2.0f);
  }
}

TEST_CASE("vibration sitting: every 20 ms no point of a hand or a forearm sleeve below the table top") {
  Timeline tl = test::shipped_timeline("vibration");
  tl.set_client_sitting(true);
  const SittingScene scene;
  const double dt = 0.02 * test::kSanitizedStride;
  int moments = 0, hands_above = 0, arms_above = 0, pressing = 0;
  float lowest_hand = std::numeric_limits<float>::max(), lowest_arm = std::numeric_limits<float>::max();
  for (double time = 0.0; time <= tl.duration(); time += dt) {
    for (const HandOverTable& m : over_table_at(tl, time, scene)) {
      ++moments;
      pressing += m.contact ? 1 : 0;
      const float hand_low = m.hand, arm_low = m.sleeve;
      lowest_hand = std::min(lowest_hand, hand_low);
      lowest_arm = std::min(lowest_arm, arm_low);
      hands_above += hand_low >= 0.0f ? 1 : 0;
      arms_above += arm_low >= 0.0f ? 1 : 0;
    }
  }
  MESSAGE("vibration sitting: hands above the table top at " << hands_above << " of " << moments << " (lowest "
                                                             << lowest_hand * 1000.0f << " mm over the top), sleeves at "
                                                             << arms_above << " (lowest " << lowest_arm * 1000.0f << " mm)");
  REQUIRE(moments > 400 / test::kSanitizedStride);
  CHECK(pressing > moments / 2);  // the hands still work the leg, not the air
  CHECK(hands_above == moments);
  CHECK(arms_above == moments);
}

TEST_CASE("sitting: in every technique no forearm sleeve passes through the table top") {
  // The floor in place_forearms: a sleeve passing over the table lifts until it clears the top.
  // Hands at the hanging ankle and foot work far below the top, beside the table's end; a sleeve
  // there may pass under the top (air), not through it (the top is Table::kThickness deep).
  const SittingScene scene;
  const double dt = 0.1 * test::kSanitizedStride;
  int moments = 0, arms_above = 0, hands_above = 0;
  float lowest_arm = std::numeric_limits<float>::max(), lowest_hand = std::numeric_limits<float>::max();
  for (const Technique& t : test::real_library().all()) {
    Timeline tl(t, test::real_poses(), scene.surface);
    tl.set_client_sitting(true);
    for (double time = 0.0; time <= tl.duration(); time += dt) {
      for (const HandOverTable& m : over_table_at(tl, time, scene)) {
        ++moments;
        const float arm_low = m.sleeve, hand_low = m.hand;
        lowest_arm = std::min(lowest_arm, arm_low);
        lowest_hand = std::min(lowest_hand, hand_low);
        arms_above += arm_low >= 0.0f || arm_low < -(anatomy::Table::kThickness + 2.0f * kSleeveRadius) ? 1 : 0;
        hands_above += hand_low >= 0.0f ? 1 : 0;
      }
    }
  }
  MESSAGE("sitting, every technique: sleeves clear of the table top at " << arms_above << " of " << moments << " (lowest "
                                                                       << lowest_arm * 1000.0f << " mm); hands at " << hands_above
                                                                       << " (lowest " << lowest_hand * 1000.0f << " mm, under the top beside its end)");
  REQUIRE(moments > 1000 / test::kSanitizedStride);
  CHECK(arms_above == moments);
}

TEST_CASE("sitting: the foot techniques' two hands never overlap (toe taps, ankle pumps)") {
  // One hand holds the heel while the other works the sole. Sitting, the heel hand was moved by
  // sitting_reach as if on the calf (around 140 -> 98, fingers turned down the hanging leg), so
  // its fingers reached past the heel onto the sole, into the tapping hand: toe taps' hands
  // 9.1 mm into each other, ankle pumps' 13.4 (lying 52.3 / 13.6 mm apart). Every 50 ms (the
  // hands move slowly against each other here; 200 ms under the sanitizers).
  const double dt = 0.05 * test::kSanitizedStride;
  for (const char* id : {"toe-taps", "ankle-pumps"}) {
    Timeline tl = test::shipped_timeline(id);
    tl.set_client_sitting(true);
    TechniqueFrame f;
    int moments = 0;
    float closest = std::numeric_limits<float>::max();
    double closest_at = 0.0;
    for (double time = 0.0; time <= tl.duration(); time += dt) {
      tl.evaluate(time, f);
      const float gap = hands_gap(hand_capsules(build_hand(f.hands[0].transform, f.hands[0].pose, Hand::left)),
                                  hand_capsules(build_hand(f.hands[1].transform, f.hands[1].pose, Hand::right)));
      ++moments;
      if (gap < closest) {
        closest = gap;
        closest_at = time;
      }
    }
    INFO(std::string(id) << " sitting: hands' closest approach " << closest * 1000.0f << " mm at " << closest_at << " s, "
            << moments << " moments");
    REQUIRE(moments > 100);
    CHECK(closest > 0.0f);
  }
}

TEST_CASE("sitting: a hand lifted across the bent knee turns little beyond its stroke's own turn") {
  // Sitting, sitting_reach takes a hand from the calf's side (fingers down the hanging leg) to
  // the top of the thigh (fingers mirrored) across the knee: up to 100 degrees round the leg and
  // 270 of roll. Each moment's turn of the palm on the bent leg is compared with the same
  // stroke's turn there without sitting_reach (the bend's own turn included). Over 0.46-0.56 the
  // hands lifted across the knee turned up to 52.3 degrees beyond it in 20 ms (vibration 9.86 s,
  // tapotement 43.7 at 18.86 s); over 0.44-0.60, 29.5 (30.3 with vibration's 4 cm lift) and 26.4.
  // The two lifts only (every 20 ms; under the sanitizers every 80 ms, the turn per 20 ms
  // averaged over it): the whole library cost 6 s. Each span must still hold a hand crossing
  // the knee behind the side line.
  const SittingScene scene;
  struct Span {
    const char* id;
    double from, to;
  };
  float worst = 0.0f;
  int moments = 0;
  for (const Span& span : {Span{"vibration", 9.1, 11.1}, Span{"tapotement", 17.6, 19.6}}) {
    Timeline sit = test::shipped_timeline(span.id), ref = test::shipped_timeline(span.id);
    sit.set_client_sitting(true);
    TechniqueFrame fs, fr;
    std::array<glm::mat4, 2> ps{}, pr{};
    float span_worst = 0.0f;
    double worst_at = 0.0;
    int crossing = 0;
    for (double time = span.from; time <= span.to; time += 0.02 * test::kSanitizedStride) {
      sit.evaluate(time, fs);
      ref.evaluate(time, fr);
      std::array<glm::mat4, 2> s{}, r{};
      for (std::size_t h = 0; h < 2; ++h) {
        s[h] = anatomy::bend_palm(fs.hands[h].transform, scene.bend.knee, scene.bend.knee_deg, scene.bend.hip_deg);
        r[h] = anatomy::bend_palm(fr.hands[h].transform, scene.bend.knee, scene.bend.knee_deg, scene.bend.hip_deg);
        if (fr.hands[h].along > 0.46f && fr.hands[h].along < 0.56f && std::cos(fr.hands[h].around) < 0.0f) ++crossing;
        // Per 20 ms, also where the sanitizers sample every 80 ms.
        if (time > span.from)
          if (const float excess = (test::frame_turn(ps[h], s[h]) - test::frame_turn(pr[h], r[h])) / kDeg / test::kSanitizedStride;
              excess > span_worst)
            span_worst = excess, worst_at = time;
        ++moments;
      }
      ps = s;
      pr = r;
    }
    MESSAGE(std::string(span.id) << " sitting, lifted across the knee: at most " << span_worst << " degrees beyond the stroke's own turn in 20 ms, at "
                    << worst_at << " s");
    CHECK_MESSAGE(crossing > 0, span.id);
    worst = std::max(worst, span_worst);
  }
  REQUIRE(moments > 300 / test::kSanitizedStride);
  CHECK(worst < 32.0f);
}

TEST_CASE("sitting: petrissage's hands keep to one side of the calf as they knead across its back") {
  // Petrissage's hands knead the calf between 160 and 195 degrees round, across its back line.
  // Sitting, each contact went to its own half's side (sitting_reach.hpp): a hand crossing the
  // back line jumped from one side of the calf to the other, turning 140-175 degrees in one
  // 20 ms sample beyond the lying stroke's own turn, 28 samples in the first 14 s (every kneading
  // cycle, and the glide up to the thigh). A stroke that stays behind the leg now keeps to one
  // half (track_side). Counted: samples where a hand turns more than 100 degrees beyond the
  // lying stroke's turn over the same sample (every 20 ms; every 80 ms under the sanitizers).
  Timeline sit = test::shipped_timeline("petrissage"), ref = test::shipped_timeline("petrissage");
  sit.set_client_sitting(true);
  TechniqueFrame fs, fr;
  std::array<glm::mat4, 2> ps{}, pr{};
  int jumps = 0, behind = 0;
  float worst = 0.0f;
  const double dt = 0.02 * test::kSanitizedStride;
  for (double time = 0.0; time <= 14.0; time += dt) {
    sit.evaluate(time, fs);
    ref.evaluate(time, fr);
    for (std::size_t h = 0; h < 2; ++h) {
      if (time > 0.0) {
        const float excess = (test::frame_turn(ps[h], fs.hands[h].transform) - test::frame_turn(pr[h], fr.hands[h].transform)) / kDeg;
        worst = std::max(worst, excess);
        jumps += excess > 100.0f ? 1 : 0;
      }
      behind += std::cos(fr.hands[h].around) < -0.9f ? 1 : 0;
      ps[h] = fs.hands[h].transform;
      pr[h] = fr.hands[h].transform;
    }
  }
  CAPTURE(worst);
  REQUIRE(behind > 100 / test::kSanitizedStride);  // the kneading is behind the calf
  CHECK(jumps == 0);
}
