// How a hand travels between contacts (sessions 21-22): lifted off the skin to move to its next
// place, it keeps its palm toward the skin and stays low over it, as a therapist's hand does (it
// never leaves the client between strokes). Watched from compression's camera at 14.1 s (the
// lift over the knee while the client turns face up), both hands floated above the groin, the
// left palm up with its fingers spread: it read as waving, not as a hand moving on.
//
// Measured for every technique lying, every 40 ms while a hand is off the skin between its first
// and last contact: the palm's height over the skin, and how far the back of the hand turns from
// "up" in the room (the client rolls under the hands: a palm that faced the skin when it lifted can
// face the ceiling, or the therapist, by the time it lands). "Up" comes from the client's pose as
// the app draws it (anatomy::client_pose, the roll eased over its 1.6 s as app/client_stage.cpp
// does), taken into the leg's frame, where the hands are keyed. And how fast a lifted hand's
// finger joints turn (kLiftedFlickDeg): in the air they no longer follow the skin beneath.
#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <numbers>
#include <string>
#include <vector>

#include <glm/geometric.hpp>
#include <glm/mat3x3.hpp>
#include <glm/matrix.hpp>

#include "anatomy/client_pose.hpp"
#include "technique/working_side.hpp"
#include "technique_test_support.hpp"
#include "../support/sanitizer.hpp"

using namespace effleura;
using namespace effleura::technique;

namespace {

struct Travel {
  float highest_m = 0.0f;
  double highest_at = 0.0;
  float from_up_deg = 0.0f;
  double from_up_at = 0.0;
  float flick_deg = 0.0f;  // the most any finger or thumb joint turned in the 10 ms before a moment
  double flick_at = 0.0;
  int lifted = 0;
};

// The most any joint of `a` differs from `b` (degrees).
float largest_joint_step(const FingerPose& a, const FingerPose& b) {
  float most = 0.0f;
  for (std::size_t k = 0; k < kFingerCount; ++k)
    for (std::size_t j = 0; j < 3; ++j) most = std::max(most, std::abs(a.flexion[k][j] - b.flexion[k][j]));
  return most;
}

// The turn (0 prone, 1 supine) the app draws at `time`: each step's side, kept through steps on
// either side, rolled into over the step's first 1.6 s (app/client_stage.cpp kTurnSeconds, ease).
float turn_at(const Timeline& tl, const std::vector<float>& side, double time) {
  const std::size_t i = tl.step_at(time);
  if (i == 0 || side[i - 1] == side[i]) return side[i];
  const float share = std::clamp(static_cast<float>(time - tl.step_start(i)) / 1.6f, 0.0f, 1.0f);
  const float t = side[i - 1] + (side[i] - side[i - 1]) * share;
  return t * t * (3.0f - 2.0f * t);
}

std::array<Travel, 2> travels(const Timeline& tl, const anatomy::LegSurface& s) {
  // Each step's side (0 face down, 1 face up); a step on either side keeps the one before it
  // (or, at the start, the first sided step's), as ClientStage does.
  const std::vector<WorkingSide> sides = step_sides(tl);
  std::vector<float> side(sides.size(), 1.0f);
  float current = 1.0f;
  for (WorkingSide w : sides)
    if (w != WorkingSide::either) {
      current = w == WorkingSide::back ? 0.0f : 1.0f;
      break;
    }
  for (std::size_t i = 0; i < sides.size(); ++i) {
    if (sides[i] != WorkingSide::either) current = sides[i] == WorkingSide::back ? 0.0f : 1.0f;
    side[i] = current;
  }
  // Every 40 ms (a travel lasts 0.3 s or more; every 160 ms under the sanitizers): each hand's
  // height over the skin and angle from up, kept for the moments between its first and last
  // contact, which are the travels.
  struct Sample {
    double time;
    std::array<bool, 2> lifted;
    std::array<float, 2> height, from_up, flick;
  };
  std::vector<Sample> samples;
  std::array<double, 2> first{1e9, 1e9}, last{-1.0, -1.0};
  TechniqueFrame f, before;
  for (double time = 0.0; time < tl.duration(); time += 0.04 * static_cast<double>(test::kSanitizedStride)) {
    tl.evaluate(time, f);
    tl.evaluate(time - 0.01, before);
    const anatomy::ClientPose pose = anatomy::client_pose(anatomy::ClientPosture::supine, turn_at(tl, side, time),
                                                          tl.step_client_turn_outer_up(tl.step_at(time)));
    const glm::vec3 up = glm::normalize(glm::inverse(glm::mat3(pose.left_leg)) * glm::vec3(0.0f, 1.0f, 0.0f));
    Sample m{time, {}, {}, {}, {}};
    for (std::size_t h = 0; h < 2; ++h) {
      const HandState& hand = f.hands[h];
      if (hand.contact) first[h] = std::min(first[h], time), last[h] = std::max(last[h], time);
      m.lifted[h] = !hand.contact && !hand.on_sole;
      if (!m.lifted[h]) continue;
      // On the shipped skin, as the app draws the hands (the timeline test's joint bound runs on
      // the analytic leg); lifted 10 ms before too.
      if (!before.hands[h].contact) m.flick[h] = largest_joint_step(hand.pose, before.hands[h].pose);
      m.height[h] = s.radial_outside(glm::vec3(hand.transform[3]));
      m.from_up[h] = std::acos(std::clamp(glm::dot(glm::vec3(hand.transform[1]), up), -1.0f, 1.0f)) * 180.0f /
                     std::numbers::pi_v<float>;
    }
    samples.push_back(m);
  }
  std::array<Travel, 2> out{};
  for (const Sample& m : samples)
    for (std::size_t h = 0; h < 2; ++h) {
      if (!m.lifted[h] || m.time < first[h] || m.time > last[h]) continue;
      Travel& t = out[h];
      ++t.lifted;
      if (m.height[h] > t.highest_m) t.highest_m = m.height[h], t.highest_at = m.time;
      if (m.from_up[h] > t.from_up_deg) t.from_up_deg = m.from_up[h], t.from_up_at = m.time;
      if (m.flick[h] > t.flick_deg) t.flick_deg = m.flick[h], t.flick_at = m.time;
    }
  return out;
}

// The most a lifted hand's finger or thumb joint may turn in 10 ms on the shipped skin, as the
// app draws it (technique_timeline_test holds every hand to 4.5 on the analytic leg, whose smooth
// skin hid this). Until session 23 a lifted hand kept the fingers fitted to the skin under it, and
// over the knee they closed and opened as it passed: compression 31.5 / 28.1 degrees (13.84 /
// 13.44 s), cross-fibre 12.6 / 25.8, tapotement 18.1, effleurage 16.3 / 14.7, petrissage 9.8. Now
// they let go as the hand lifts (timeline.cpp kLetGoM): at most 8.8 (tapotement's left at 26.52 s,
// near the skin as it lands on the thigh), every other technique 7.3 or less. Every 40 ms, each
// against the moment 10 ms before it (under the sanitizers every 160 ms: a subset, the same bound).
constexpr float kLiftedFlickDeg = 10.0f;

}  // namespace

TEST_CASE("between contacts: a lifted hand stays low over the skin and never turns its palm up") {
  const auto& s = test::shipped_surface();
  // Per technique and hand (left, right): the highest lift (mm) and the most the back of a lifted
  // hand turns from up (degrees). For most techniques these are today's figures (session 22) with
  // 5 to spare, so that they do not get worse, not targets: effleurage's left hand faces up at
  // 16.44 s (175 degrees, as the client rolls face up into step 2) and its right 170 at 32.3 s;
  // friction's left 144 at 11.0 s, cross-fibre's 122-124 at 13.4 s (both in their rolls);
  // petrissage's left rises 15 cm over the knee at 27.7 s. Compression's left stood 101 degrees
  // from up at 13.68 s (on edge beside the rolling knee: the picture at 14.1 s) and its right rose
  // 73 mm at 13.40 s until session 23; its step 4 now carries the left round with the rolling top
  // and both hands 35-40 mm up: left 56 mm / 79 degrees, right 50 mm / 51 degrees (bounds +4-5).
  // The target is a travel a few cm over the skin with the palm down, within 60 degrees of it (90
  // is a hand on edge): session 22 met it for compression's left (59 degrees) with the left at
  // 160 round at 0.5 s, but there the view search turned the step's camera end-on to the leg from
  // the head or the feet (session 23, looked at): the left is at 180 then, 79 degrees at worst.
  // Session 25: the step pins its camera in content (camera), and the left goes round at 160 and
  // 120 at 0.5 and 0.8 s: 54 degrees (bound +5; the old content fails it).
  // Effleurage's right 170 -> 167 degrees since its step 3 return passes higher up the calf.
  // Ankle pumps and toe taps never lift a hand between contacts: they get the target.
  struct Bound {
    const char* id;
    std::array<float, 2> lift_mm;
    std::array<float, 2> from_up_deg;
  };
  const std::array<Bound, 10> bounds{{
      {"effleurage", {80, 106}, {180, 172}},
      {"petrissage", {155, 62}, {81, 48}},
      {"friction", {99, 93}, {149, 81}},
      {"tapotement", {113, 58}, {63, 80}},
      {"vibration", {65, 63}, {31, 25}},
      {"compression", {60, 55}, {59, 56}},
      {"cross-fibre", {61, 141}, {127, 129}},
      {"ankle-pumps", {60, 60}, {60, 60}},
      {"calf-squeezes", {45, 42}, {16, 42}},
      {"toe-taps", {60, 60}, {60, 60}},
  }};
  for (const Bound& b : bounds) {
    CAPTURE(b.id);
    const Timeline tl = test::shipped_timeline(b.id);
    const std::array<Travel, 2> t = travels(tl, s);
    std::printf("%s between contacts: %d / %d moments lifted; highest %.0f / %.0f mm (at %.2f / %.2f s), back of the "
                "hand from up at most %.0f / %.0f degrees (at %.2f / %.2f s); a joint turned at most %.1f / %.1f degrees "
                "in 10 ms (at %.2f / %.2f s)\n",
                b.id, t[0].lifted, t[1].lifted, static_cast<double>(t[0].highest_m * 1e3f),
                static_cast<double>(t[1].highest_m * 1e3f), t[0].highest_at, t[1].highest_at,
                static_cast<double>(t[0].from_up_deg), static_cast<double>(t[1].from_up_deg), t[0].from_up_at,
                t[1].from_up_at, static_cast<double>(t[0].flick_deg), static_cast<double>(t[1].flick_deg), t[0].flick_at,
                t[1].flick_at);
    for (std::size_t h = 0; h < 2; ++h) {
      CAPTURE(h);
      CHECK(t[h].highest_m * 1e3f <= b.lift_mm[h]);
      CHECK(t[h].from_up_deg <= b.from_up_deg[h]);
      CHECK(t[h].flick_deg <= kLiftedFlickDeg);
    }
  }
}
