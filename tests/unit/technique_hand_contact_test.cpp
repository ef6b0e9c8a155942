// Hands on the skin, as a student would judge them, sampled every 20 ms over every technique's
// whole timeline on the leg from assets/leg.glb (technique/hand_contact.hpp; the same figures
// `effleura --hand-report` writes):
//  - the share of the surface each pose means to touch that lies within 3 mm of the dented skin
//    while the hand presses;
//  - no flesh more than 3 mm inside the dented skin;
//  - the two hands never overlap;
//  - every solved finger joint within its range.
#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <vector>
#include <string>

#include "technique/hand_contact.hpp"
#include "technique_test_support.hpp"
#include "../support/sanitizer.hpp"

using namespace effleura;
using namespace effleura::technique;

namespace {

constexpr double kDt = 0.02;

const std::map<std::string, TechniqueFigures>& figures() {
  static const std::map<std::string, TechniqueFigures> all = [] {
    std::map<std::string, TechniqueFigures> out;
    for (const Technique& t : test::real_library().all()) {
      const Timeline tl(t, test::real_poses(), test::shipped_surface());
      // Every 20 ms in the Release pass, every 80 ms under the sanitizers (support/sanitizer.hpp):
      // ctest runs each case below in its own process, so this sweep ran once per case.
      out[t.id] = measure_technique(tl, test::shipped_surface(), kDt * test::kSanitizedStride);
    }
    return out;
  }();
  return all;
}


// Known exceptions, each measured on the leg asset; the limit is what the content reaches
// now, so a change that makes it worse fails. Step numbers from 1.
struct Exception {
  const char* technique;
  std::size_t step;
  float limit_mm;  // deepest allowed (negative), or closest approach allowed (negative: overlap)
  const char* why;
};

const std::vector<Exception>& deep_exceptions() {
  static const std::vector<Exception> list = {
      // Gone since a lifted or tapping hand opens the fingers that would sink: calf
      // squeezes 1-2 (13.5 mm, the grip kept through the lift), effleurage 2 (3.8 mm) and
      // toe taps 1 (3.7 mm); toe taps 2 (7.7 mm) since the hands lie across the sole and the
      // toe hand stops at the base of the toes.
      // Effleurage 2 again (session 18: 4.5 mm, the right ring fingertip on the outer knee as the
      // palm's arch closed on the re-meshed skin) since session 19: its right hand passes the
      // knee at 88 degrees, not 92 (0.7 mm).
      // Toe taps 1-2 (session 23: 6.4 mm, the heel hand's straight thumb in the real heel, which
      // the fit's skin has since then, 3 cm behind the tube) since session 24: the heel hand
      // holds as ankle pumps' does (around 125, roll 60), its thumb beside the heel, not into it.
  };
  return list;
}

const std::vector<Exception>& overlap_exceptions() {
  static const std::vector<Exception> list = {
      // Gone: effleurage 1-3 (16.5, 20.4 and 16.3 mm: the thumbs met over the knee, and the
      // hands crossed in the air going round to the front), since the right hand trails the
      // left by 0.7 s on the back of the leg, the hands lie either side of the shinbone on the
      // front, and between steps the right hand waits lifted over the outer calf.
  };
  return list;
}

float limit_for(const std::vector<Exception>& list, const std::string& id, std::size_t step, float fallback) {
  for (const Exception& e : list)
    if (id == e.technique && step == e.step) return e.limit_mm;
  return fallback;
}

}  // namespace

TEST_CASE("hand contact: no hand sinks more than 3 mm into the dented skin") {
  for (const auto& [id, fig] : figures())
    for (std::size_t s = 0; s < fig.steps.size(); ++s)
      for (std::size_t h = 0; h < 2; ++h) {
        CAPTURE(id);
        CAPTURE(s + 1);
        CAPTURE(h);
        CHECK(fig.steps[s].hands[h].deepest_mm >= limit_for(deep_exceptions(), id, s + 1, -3.0f));
      }
}

// Two hands that rest against each other may press skin into skin a little; beyond 3 mm one hand
// visibly passes through the other. Sampled every 20 ms (kDt) over each technique's timeline.
constexpr float kHandOverlapMm = -3.0f;

TEST_CASE("hand contact: the two hands never pass through each other") {
  for (const auto& [id, fig] : figures())
    for (std::size_t s = 0; s < fig.steps.size(); ++s) {
      CAPTURE(id);
      CAPTURE(s + 1);
      CHECK(fig.steps[s].closest_mm >= limit_for(overlap_exceptions(), id, s + 1, kHandOverlapMm));
      // The flat strokes and grips keep a gap: their hands do not even touch (effleurage's
      // thumbs met over the knee by 16-20 mm and compression's over the thigh by 2.7 mm before
      // the content spread and staggered them).
      for (const char* apart : {"effleurage", "calf-squeezes", "compression", "petrissage"})
        if (id == apart) CHECK(fig.steps[s].closest_mm >= 0.0f);
    }
}

TEST_CASE("hand contact: every listed exception is still needed") {
  for (const auto* list : {&deep_exceptions(), &overlap_exceptions()})
    for (const Exception& e : *list) {
      CAPTURE(std::string(e.technique));
      CAPTURE(e.step);
      REQUIRE(figures().count(e.technique) == 1);
      const TechniqueFigures& fig = figures().at(e.technique);
      REQUIRE(e.step >= 1);
      REQUIRE(e.step <= fig.steps.size());
      const StepFigures& st = fig.steps[e.step - 1];
      const float worst = list == &deep_exceptions() ? std::min(st.hands[0].deepest_mm, st.hands[1].deepest_mm)
                                                     : st.closest_mm;
      CHECK(worst < (list == &deep_exceptions() ? -3.0f : kHandOverlapMm));
    }
}

TEST_CASE("hand contact: pressing hands touch with the surface they mean to") {
  // The share is reported, not yet held to a bar: a flat palm on a round limb touches along a
  // band (the palm does not bend: hand_rig.hpp); the fingers close round it (flat-palm and
  // cupped may curl 70 degrees at a joint), so flat strokes and grips reach 0.25-0.55.
  // What is checked: every technique presses, and wrapping grips and flat strokes touch with
  // something of what they mean to.
  for (const auto& [id, fig] : figures()) {
    double best = 0.0;
    for (std::size_t s = 0; s < fig.steps.size(); ++s)
      for (std::size_t h = 0; h < 2; ++h) {
        const HandFigures& f = fig.steps[s].hands[h];
        best = std::max(best, f.contact_share);
        const std::string line = id + " step " + std::to_string(s + 1) + (h ? " right" : " left") +
                                 ": contact share " + std::to_string(f.contact_share) + " over " +
                                 std::to_string(f.pressing_samples) + " pressing moments, deepest " +
                                 std::to_string(f.deepest_mm) + " mm, hands " +
                                 std::to_string(fig.steps[s].closest_mm) + " mm apart";
        MESSAGE(line);
      }
    CAPTURE(id);
    // Cross-fibre's thumbs too, since a thumb pad left in the air closes onto the skin
    // (hand_fit_landing.cpp close_pad; technique_thumb_pads_test holds each of its steps).
    CHECK(best > 0.1);
  }
}

TEST_CASE("hand contact: solved finger joints stay within their ranges") {
  for (const Technique& t : test::real_library().all()) {
    const Timeline tl(t, test::real_poses(), test::shipped_surface());
    TechniqueFrame f;
    float worst_over = 0.0f;
    for (double time = 0.0; time <= tl.duration(); time += kDt) {
      tl.evaluate(time, f);
      for (const HandState& hand : f.hands)
        for (std::size_t k = 0; k < kFingerCount; ++k)
          for (std::size_t j = 0; j < 3; ++j) {
            const JointRange r = joint_range(k, j);
            const float a = hand.pose.flexion[k][j];
            worst_over = std::max({worst_over, r.lo - a, a - r.hi});
          }
    }
    CAPTURE(t.id);
    CHECK(worst_over <= 0.01f);
  }
}

TEST_CASE("hand contact: a kneading grip's thumb rests on the skin") {
  // Petrissage and calf squeezes grip the calf between the fingers and the thumb. A thumb that
  // opens to clear the skin must come back to it: its pad (the distal phalanx's middle and
  // tip, less the flesh round the axis) lies on the skin, not in the air beside the grip
  // (before hand_fit's fit_thumb: 24 and 28 mm above it on average, almost never within 3 mm).
  // The exceptions are moments where the palm bridges a hollow (the back of the knee) and the
  // whole hand stands higher. Sampled every 100 ms (every 400 ms under the sanitizers) while
  // the hand presses in its grip.
  const double dt = 0.1 * test::kSanitizedStride;
  // The steps that knead or squeeze (from 0): petrissage's glide (1) and turn-over (3) use
  // flat hands or lift.
  const std::map<std::string, std::vector<std::size_t>> gripping = {{"petrissage", {0, 2, 4}},
                                                                    {"calf-squeezes", {0, 1}}};
  for (const auto& [id, steps] : gripping) {
    const Technique* t = test::real_library().find(id);
    REQUIRE(t != nullptr);
    const Timeline tl(*t, test::real_poses(), test::shipped_surface());
    TechniqueFrame f;
    double sum = 0.0;
    int n = 0, on_skin = 0;
    int hand_on[2] = {0, 0}, hand_n[2] = {0, 0};  // per hand, for the message: which thumb leaves the skin
    for (double time = 0.0; time <= tl.duration(); time += dt) {
      tl.evaluate(time, f);
      for (const HandState& hand : f.hands) {
        if (!hand.contact || std::find(steps.begin(), steps.end(), f.step) == steps.end()) continue;
        const SkinSide skin = skin_under(test::shipped_surface(), f, hand);
        const HandShape shape = build_hand(hand.transform, hand.pose, hand.hand);
        const HandPart& pad = shape.parts[hand_part(0, 2)];
        const glm::vec3 mid = 0.5f * (glm::vec3(pad.frame[3]) + pad.tip);
        const float gap = std::min(skin.outside(mid), skin.outside(pad.tip)) - pad.radius.y;
        sum += gap;
        if (gap <= kTouchToleranceM) ++on_skin;
        ++n;
        const std::size_t side = hand.hand == Hand::left ? 0 : 1;
        if (gap <= kTouchToleranceM) ++hand_on[side];
        ++hand_n[side];
      }
    }
    REQUIRE(n > 0);
    MESSAGE(id << ": thumb pad within 3 mm, left " << hand_on[0] << " of " << hand_n[0] << ", right " << hand_on[1] << " of "
               << hand_n[1]);
    const double mean_mm = 1000.0 * sum / n;
    const double share = static_cast<double>(on_skin) / n;
    const std::string line = id + ": thumb pad " + std::to_string(mean_mm) +
                             " mm from the skin on average, within 3 mm at " + std::to_string(share) +
                             " of " + std::to_string(n) + " gripping moments";
    MESSAGE(line);
    CAPTURE(id);
    CHECK(mean_mm < 3.0);
    // Petrissage's C grip (session 11: the palm held off the skin, the thumb closing round)
    // keeps its pad within 3 mm at 90 % of the moments every 100 ms and 86 % of the
    // sanitizers' every 400 ms; before fit_thumb, almost never. On the skin over the calf's
    // bellies (session 15), with the lower hand 2.5 cm lower: 89.2 / 88.7 %.
    CHECK(share > 0.85);
  }
}

TEST_CASE("hand contact: a cupped hand lands on its heel and finger pads with the palm hollow") {
  // Tapotement's cupped hands (poses.toml touch = heel and fingers) strike with the rim of the
  // cup: the heel of the hand and the finger pads meet the skin together and the middle of the
  // palm stays off it, trapping the air. Before hand_fit's tip_onto_heel the hand rose onto its
  // finger pads with the palm level, so its heel hung in the air as high as its knuckles (or,
  // with the palm resting, the fingers lay flat and nothing was hollow). Sampled every 100 ms
  // (every 400 ms under the sanitizers) while a hand is down on the skin, on the calf (step 1)
  // and on the flatter back of the thigh (step 2), where the curled fingers' first phalanges
  // met the skin before the heel did and the hand lay flat until the tip let them open.
  const double dt = 0.1 * test::kSanitizedStride;
  const Technique* t = test::real_library().find("tapotement");
  REQUIRE(t != nullptr);
  const Timeline tl(*t, test::real_poses(), test::shipped_surface());
  TechniqueFrame f;
  std::array<int, 2> n{}, heel_on{}, pads_on{}, hollow{};
  for (double time = 0.0; time <= tl.duration(); time += dt) {
    tl.evaluate(time, f);
    if (f.step > 1) continue;
    for (const HandState& hand : f.hands) {
      if (!hand.contact || hand.pressure_mmhg <= 0.0f) continue;
      const SkinSide skin = skin_under(test::shipped_surface(), f, hand);
      const HandShape shape = build_hand(hand.transform, hand.pose, hand.hand);
      const HandPart& palm = shape.parts[0];
      const glm::vec3 under = glm::vec3(palm.frame[3]) - glm::vec3(palm.frame[1]) * palm.radius.y;
      const glm::vec3 along(palm.frame[2]);
      const float heel = skin.outside(under + along * (0.05f * palm.length));
      const float middle = skin.outside(under + along * (0.6f * palm.length));
      // The nearest of the four finger pads: across a round limb the outer ones land first.
      float tip = 1.0f;
      for (std::size_t finger = 1; finger < kFingerCount; ++finger) {
        const HandPart& pad = shape.parts[hand_part(finger, 2)];
        tip = std::min(tip, skin.outside(pad.tip) - pad.radius.y);
      }
      if (std::abs(heel) <= kTouchToleranceM) ++heel_on[f.step];
      if (std::abs(tip) <= kTouchToleranceM) ++pads_on[f.step];
      if (middle > 0.006f) ++hollow[f.step];
      ++n[f.step];
    }
  }
  for (std::size_t step = 0; step < 2; ++step) {
    CAPTURE(step);
    REQUIRE(n[step] > 0);
    MESSAGE("tapotement step " << step + 1 << ": of " << n[step] << " moments down, heel within 3 mm "
                               << heel_on[step] << ", a finger pad " << pads_on[step]
                               << ", palm's middle over 6 mm off the skin " << hollow[step]);
    CHECK(heel_on[step] > 0.75 * n[step]);
    CHECK(pads_on[step] > 0.75 * n[step]);
    CHECK(hollow[step] > 0.75 * n[step]);
  }
}
