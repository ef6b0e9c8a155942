// The two special placements of the hand fit (hand_fit.hpp): a cupped hand tipping onto its
// heel, and a gripping thumb laid on the skin opposite the fingers.
#include <algorithm>
#include <array>
#include <limits>
#include <optional>

#include <glm/geometric.hpp>
#include <glm/gtc/matrix_transform.hpp>
#include <glm/trigonometric.hpp>

#include "core/smooth_step.hpp"
#include "technique/hand_fit_detail.hpp"
#include "technique/soft_crossing.hpp"

namespace effleura::technique::fit_detail {
namespace {

constexpr float kMaxHeelTilt = glm::radians(40.0f);  // a cupped hand tips at most this far onto its heel
constexpr float kThumbCloseRamp = 0.008f;            // m of air under a thumb pad before its tip closes fully
// A spread gripping thumb (FingerPose::abduction_deg) swings out to a hand's full span, as the
// wrap grip states it, reached in full from this much spread (a blend toward a hand without
// spread swings it back gradually; kSpreadRampDeg).
constexpr float kFullSpanDeg = 90.0f;
constexpr float kTransitRamp = 2.0f;  // how much longer the tip's closing ramp is midway through that swing
constexpr std::size_t kBaseSamples = 31;   // 3 degrees apart over kMaxOpenDeg
constexpr std::size_t kOuterSamples = 25;
// fit_thumb's two stops are soft_first_crossing's (soft_crossing.hpp) over these bands (m of
// gap): the ball's opening over 4 mm, the outer joints' curl over 1 mm. On the front of the thigh
// the ball's gap lies within 0.6 mm of the skin over 35 degrees of its opening (petrissage, 15.58
// s); a band that wide spreads the opening's passage across it over ~25 ms instead of one 5 ms
// step. The curl's band is kept narrow: over 2 mm the pad stopped short of the skin on shallow
// crossings and petrissage's thumb pads were within 3 mm at 77 % of the gripping moments (the
// contact test wants 85; 89 over 1 mm, 90 with the roots).
constexpr float kBaseBandM = 0.004f;
constexpr float kOuterBandM = 0.001f;

// How far a pose lands on its rim (heel and finger pads) rather than its palm: what both the
// tip onto the heel and the cup's closing are scaled by.
float rim_weight(const FingerPose& pose) {
  return std::clamp(pose.heel_touch, 0.0f, 1.0f) * (1.0f - std::clamp(pose.palm_touch, 0.0f, 1.0f));
}

}  // namespace

float thumb_sink_m(const FingerPose& pose) {
  return kThumbSinkM * (1.0f - std::clamp(pose.abduction_deg / kSpreadRampDeg, 0.0f, 1.0f));
}

// A cupped hand (FingerPose::heel_touch) that has risen onto its finger pads tips about them,
// heel down, until the heel of the hand meets the skin: it lands on its rim (heel and finger
// pads) with the palm hollow above the skin, as a cupped hand does. Turns `palm` in place.
void tip_onto_heel(const SkinSide& skin, glm::mat4& palm, const FingerPose& pose, Hand hand) {
  const float weight = rim_weight(pose);
  if (weight <= 0.0f) return;
  glm::vec3 pivot(0.0f);
  float pads = 0.0f;
  for (std::size_t f = 1; f < kFingerCount; ++f) {
    if (pose.reach[f] <= 0.0f) continue;
    pivot += pose_finger(palm, pose, hand, f)[2].tip;
    pads += 1.0f;
  }
  if (pads == 0.0f) {  // nothing to tip about: kept out of the skin level, as any palm
    palm[3] += palm[1] * palm_rise(skin, palm, pose, hand);
    return;
  }
  pivot /= pads;
  const HandPart part = build_hand(palm, pose, hand).parts[0];
  const glm::vec3 heel = glm::vec3(part.frame[3]) - glm::vec3(part.frame[1]) * part.radius.y +
                         glm::vec3(part.frame[2]) * (0.05f * part.length);
  // A positive turn about the palm's X axis tips the fingers down toward the skin; the heel
  // comes down with a negative one.
  const glm::vec3 axis = glm::normalize(glm::vec3(palm[0]));
  auto turned = [&](float a) {
    return glm::translate(glm::mat4(1.0f), pivot) * glm::rotate(glm::mat4(1.0f), a, axis) *
           glm::translate(glm::mat4(1.0f), -pivot);
  };
  // The heel's gap, or that of a finger's first two phalanges if less: tipped further, those
  // would sink and open, lifting the pads off the skin.
  auto gap = [&](float a) {
    const glm::mat4 turn = turned(a);
    const glm::vec3 p(turn * glm::vec4(heel, 1.0f));
    float least = skin.covers(p) ? skin.outside(p) : 0.0f;
    for (std::size_t f = 1; f < kFingerCount; ++f) {
      const std::array<HandPart, 3> parts = pose_finger(turn * palm, pose, hand, f);
      for (std::size_t j = 0; j < 2; ++j) {
        const glm::vec3 mid = 0.5f * (glm::vec3(parts[j].frame[3]) + parts[j].tip);
        for (const glm::vec3& q : {mid, parts[j].tip})
          if (skin.covers(q)) least = std::min(least, skin.outside(q) - parts[j].radius.y);
      }
    }
    return least;
  };
  float lo = 0.0f, hi = -kMaxHeelTilt;  // the heel is above the skin at lo, not above it at hi
  if (gap(0.0f) > 0.0f) {
    if (gap(hi) > 0.0f) {
      lo = hi;
    } else {
      for (int i = 0; i < 2 * kBisections; ++i) {
        const float mid = 0.5f * (lo + hi);
        (gap(mid) > 0.0f ? lo : hi) = mid;
      }
    }
    palm = turned(weight * lo) * palm;
  }
  // Tipped across a curved limb, the palm's rim may meet the skin before its heel does.
  palm[3] += palm[1] * palm_rise(skin, palm, pose, hand);
}

// Tipped onto its heel, a cupped hand's fingers slope down from knuckles held high, and its
// pads stood 5-15 mm off the skin (on the flatter back of the thigh the hand touched with its
// heel alone). The four fingers curl on together, as one cup, until the first pad meets the
// skin: closed one by one, each to its own touch, they curled by different amounts and the
// hand read as a claw, lifted most of all.
FingerPose closed_together(const SkinSide& skin, const glm::mat4& palm, Hand hand, const FingerPose& pose, float weight,
                           std::size_t landing) {
  auto shut = [&](float s) {
    FingerPose p = pose;
    for (std::size_t f = 1; f < kFingerCount; ++f)
      if (pose.reach[f] > 0.0f) p = closed(p, f, s * std::clamp(pose.reach[f], 0.0f, 1.0f));
    return p;
  };
  auto gap = [&](float s) {  // the gap of the landing-th finger to meet the skin
    const FingerPose p = shut(s);
    // The reaching fingers' gaps in rising order, kept by insertion (at most four; GCC 12
    // reports false out-of-bounds writes for std::sort on this small array here).
    std::array<float, kFingerCount> g{};
    std::size_t n = 0;
    for (std::size_t f = 1; f < kFingerCount; ++f) {
      if (pose.reach[f] <= 0.0f) continue;
      const float v = skin_gap(skin, pose_finger(palm, p, hand, f));
      std::size_t i = n++;
      for (; i > 0 && g[i - 1] > v; --i) g[i] = g[i - 1];
      g[i] = v;
    }
    if (n == 0) return std::numeric_limits<float>::max();
    return g[std::min(landing, n) - 1];
  };
  if (gap(0.0f) <= 0.0f) return pose;  // already on the skin (or in it: the fit opens them)
  constexpr int kMarch = 8;
  return shut(first_touch(0.0f, weight, kMarch, [&](float s) { return gap(s) <= 0.0f; }).value_or(weight));
}

void close_cup(const SkinSide& skin, const glm::mat4& palm, Hand hand, FingerPose& pose) {
  const float weight = rim_weight(pose);
  if (weight <= 0.0f) return;
  pose = closed_together(skin, palm, hand, pose, weight, 1);
}

// The thumb of a hand whose palm rests and whose thumb means to touch (a grip, a flat hand).
// Opened as a finger is (opposition and all three joints together), it cleared the skin by
// swinging up off it and stood in the air beside the grip. Instead: the ball of the thumb (its
// metacarpal) swings back toward the palm's plane only as far as it must to clear the skin,
// then the two outer joints close together from straight until the pad first meets the skin.
// One parameter per stage, each a continuous function of where the hand is, so the thumb
// does not flicker between solutions from frame to frame: each stage's stop is a soft first
// crossing of its gap (kBaseBandM, kOuterBandM), not a root, which jumped wherever the gap lay
// level near the skin along the stage's path.
void fit_thumb(const SkinSide& skin, const glm::mat4& palm, Hand hand, FingerPose& pose) {
  // A spread thumb means to lie round the limb's side opposite the fingers (petrissage's wide C
  // grip). Spread 20 degrees its ball, cleared off the skin below, swung back into the palm's
  // plane and the thumb lay straight along the calf toward the other hand, its tip 11 cm up the
  // leg on the fingers' side of the palm. Swung out to the full span first, the same clearing
  // lays it down the near side of the calf, its pad opposite the fingers.
  const float spread = std::clamp(pose.abduction_deg / kSpreadRampDeg, 0.0f, 1.0f);
  const float sink = thumb_sink_m(pose);
  pose.abduction_deg += spread * std::max(0.0f, kFullSpanDeg - pose.abduction_deg);
  // Swinging between the two (a blend toward a hand without spread: petrissage's lower hand as
  // it glides up to the thigh, 12.6-12.9 s), the thumb passes over the limb's curve where the
  // skin falls away under its tip, which then curled 19 -> 69 -> 36 degrees in 150 ms (9.3 in
  // 10 ms on the analytic leg): midway the tip closes over a longer ramp (up to 3x at spread 0.5).
  const float transit = 4.0f * spread * (1.0f - spread);
  const float close_ramp = kThumbCloseRamp * (1.0f + kTransitRamp * transit);
  auto base_opened = [&](float deg) {
    FingerPose p = pose;
    p.opposition_deg = std::max(0.0f, pose.opposition_deg - 0.6f * deg);
    p.flexion[0][0] = std::max(pose.flexion[0][0] - kOpenShare[0] * deg,
                               std::min(pose.flexion[0][0], joint_range(0, 0).lo));
    return p;
  };
  auto base_gap = [&](const FingerPose& p) {
    const auto parts = pose_finger(palm, p, hand, 0);
    return skin_gap(skin, {parts[0], parts[0], parts[0]});
  };
  if (base_gap(pose) < kBaseBandM) {
    std::array<float, kBaseSamples> deg{}, gap{};
    for (std::size_t i = 0; i < kBaseSamples; ++i) {
      deg[i] = kMaxOpenDeg * static_cast<float>(i) / static_cast<float>(kBaseSamples - 1);
      gap[i] = base_gap(base_opened(deg[i]));
    }
    const float open = soft_first_crossing(deg, gap, kBaseBandM);
    pose = base_opened(open);
  }
  // s = 0: the outer joints straight (at their range's open end); 1: curled to max_curl.
  auto outer_from = [&](const FingerPose& base, float s) {
    FingerPose p = base;
    for (std::size_t j = 1; j < 3; ++j) {
      const JointRange r = joint_range(0, j);
      const float most = std::max(r.lo, std::min(pose.max_curl_deg, r.hi));
      p.flexion[0][j] = r.lo + s * (most - r.lo);
    }
    return p;
  };
  // A spread thumb held straight may still reach into the skin round a limb narrower than its
  // span (the calf's near side under petrissage's wide C, the heel): its ball then swings back
  // out toward the palm's side (opposition only), just as far as the straight thumb must to clear
  // it, and the outer joints close onto the skin below. Left to fit_hand's last step, the whole
  // hand rose instead, its thumb pad still off the skin (petrissage's lower pad within 3 mm at 43
  // of 63 moments). Weighted by the spread, so a blend into or out of it changes gradually; a
  // thumb without spread (the thigh's C grips) is left as it was: cleared that way, it moved the
  // thigh hands' forearms into each other (1.8 mm). Swinging the first joint back too (as
  // `opened` does) left the tip 4.6 mm off the skin.
  auto straight_gap = [&](const FingerPose& base) {
    const auto parts = pose_finger(palm, outer_from(base, 0.0f), hand, 0);
    return skin_gap(skin, {parts[0], parts[1], parts[2]});
  };
  if (spread > 0.0f && straight_gap(pose) < 0.0f) {
    const FingerPose from = pose;
    auto further = [&](float deg) {
      FingerPose p = from;
      p.opposition_deg = std::max(0.0f, from.opposition_deg - 0.6f * deg);
      return p;
    };
    float lo = 0.0f, hi = kMaxOpenDeg;
    if (straight_gap(further(hi)) >= 0.0f) {
      for (int i = 0; i < kBisections; ++i) {
        const float mid = 0.5f * (lo + hi);
        (straight_gap(further(mid)) >= 0.0f ? hi : lo) = mid;
      }
      pose = further(spread * hi);
    }
  }
  auto outer = [&](float s) { return outer_from(pose, s); };
  // The first phalanx counts only once it presses in further than `sink`. On the front of the
  // thigh (petrissage, 15.61 s), with the ball fully open, the straight thumb's first phalanx
  // lay 0.4-0.9 mm in the skin and curling the outer joints swept it along the skin, its gap
  // falling only 1.2 mm over 90 % of the curl before the pad came down: the stop (1 mm below the
  // graze) slid from that pad's landing to the middle of the curl as the slope steepened, and
  // the curl turned 21.7 degrees in 5 ms (44.0 in 20 ms). Counted from 1.5 mm in (kThumbSinkM),
  // most of that shallow sweep no longer stops it; the pad does, and stays on the skin (fit_hand's
  // step 3 allows the phalanx the same, so the hand does not rise by it): 14.8 in 5 ms.
  auto outer_gap = [&](float s) {
    const auto parts = pose_finger(palm, outer(s), hand, 0);
    // skin_gap of one part at a time (each part's points once: {p, p, p} took them three times).
    auto part_gap = [&](const HandPart& part) {
      float least = std::numeric_limits<float>::max();
      for (const glm::vec3& q : {0.5f * (glm::vec3(part.frame[3]) + part.tip), part.tip})
        if (skin.covers(q)) least = std::min(least, skin.outside(q) - part.radius.y);
      return least;
    };
    return std::min(part_gap(parts[2]), part_gap(parts[1]) + sink);
  };
  // The outer joints close until the pad (or the first phalanx) meets the skin: a soft first
  // crossing, so that the curl moves continuously. A thumb whose straight first phalanx already
  // grazes the skin (lying on it beside the ball) counts its crossing from that graze, less the
  // band: the root stopped it straight at once there (and fit_hand's last step lifted the hand),
  // which flicked the thumb from curled to straight as the graze came and went.
  std::array<float, kOuterSamples> curl{}, minus_gap{};
  const float graze = std::min(outer_gap(0.0f) - kOuterBandM, 0.0f);
  for (std::size_t i = 0; i < kOuterSamples; ++i) {
    curl[i] = static_cast<float>(i) / static_cast<float>(kOuterSamples - 1);
    minus_gap[i] = graze - outer_gap(curl[i]);
  }
  const float s_met = soft_first_crossing(curl, minus_gap, kOuterBandM);
  pose = outer(s_met);
  // The skin curves away under a thumb that touches at its middle: the tip joint closes on
  // alone until the pad meets it too (the thumb follows the limb's curve round it).
  auto tip_gap = [&](float deg) {
    FingerPose p = pose;
    p.flexion[0][2] = deg;
    const auto parts = pose_finger(palm, p, hand, 0);
    return skin_gap(skin, {parts[2], parts[2], parts[2]});
  };
  constexpr int kThumbMarch = 12;
  const float from = pose.flexion[0][2];
  const float to = std::max(from, std::min(pose.max_curl_deg, joint_range(0, 2).hi));
  const float lo_deg =
      first_touch(from, to, kThumbMarch, [&](float deg) { return tip_gap(deg) < 0.0f; }).value_or(to);
  // A pad already near the skin stays as it is; one farther off closes all the way: ramped
  // between, because a pad lying almost along the skin meets it at very different angles
  // for a millimetre's difference, which would flick the tip as the hand moves.
  const float ramp = std::clamp(tip_gap(from) / close_ramp, 0.0f, 1.0f);
  pose.flexion[0][2] = from + (lo_deg - from) * smooth_step(ramp);
}

}  // namespace effleura::technique::fit_detail
