#include "technique/hand_fit.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <initializer_list>
#include <limits>

#include <glm/geometric.hpp>
#include <glm/gtc/matrix_transform.hpp>
#include <glm/trigonometric.hpp>

#include "core/frame.hpp"
#include "core/smooth_step.hpp"
#include "technique/hand_fit_detail.hpp"

namespace effleura::technique {
namespace {

constexpr float kMaxRise = 0.08f;          // a hand never hovers higher than this to reach
// A thumb opposed this far across the palm grips (kneading-grip 55, flat-palm 35): it rests on
// the skin opposite the fingers (fit_thumb); the weight ramps over kGripRampDeg so that a blend
// between a grip and a flat hand changes the thumb gradually.
constexpr float kGripFromDeg = 40.0f;
constexpr float kGripRampDeg = 10.0f;

}  // namespace

namespace fit_detail {

// Least distance of any finger point from the dented skin, less the flesh round the axis:
// 0 when the pad just touches, negative when it sinks in.
float skin_gap(const SkinSide& skin, const std::array<HandPart, 3>& parts) {
  float least = std::numeric_limits<float>::max();
  for (const HandPart& part : parts) {
    const glm::vec3 start(part.frame[3]);
    for (const glm::vec3& p : {0.5f * (start + part.tip), part.tip}) {
      if (!skin.covers(p)) continue;
      least = std::min(least, skin.outside(p) - part.radius.y);
    }
  }
  return least;
}

FingerPose opened(const FingerPose& pose, std::size_t f, float open_deg) {
  FingerPose p = pose;
  for (std::size_t j = 0; j < 3; ++j)
    p.flexion[f][j] = std::max(pose.flexion[f][j] - kOpenShare[j] * open_deg,
                               std::min(pose.flexion[f][j], joint_range(f, j).lo));
  // An opposed thumb points down under the palm; it clears the skin by swinging back out to
  // the side as well as by straightening.
  if (f == 0) p.opposition_deg = std::max(0.0f, pose.opposition_deg - 0.6f * open_deg);
  return p;
}

// How far the palm must rise so that no point of its underside or its knuckles lies inside the
// dented skin. On a convex limb the palm rests on its centre line and this is 0; over a hollow
// (beside the Achilles tendon, behind the knee) its rim would sink, and a rigid palm bridges it.
float palm_rise(const SkinSide& skin, const glm::mat4& palm, const FingerPose& pose, Hand hand) {
  const HandShape shape = build_hand(palm, pose, hand);
  const HandPart& part = shape.parts[0];
  float deepest = 0.0f;
  auto check = [&](const glm::vec3& p, float radius) {
    if (skin.covers(p)) deepest = std::min(deepest, skin.outside(p) - radius);
  };
  // Its sides where the arch has turned them (hand_rig.hpp palm_underside).
  for (int i = -1; i <= 1; ++i)
    for (int k = 0; k <= 2; ++k)
      check(palm_underside(shape, 0.8f * part.radius.x * static_cast<float>(i),
                           part.length * (0.1f + 0.4f * static_cast<float>(k))),
            0.0f);
  for (std::size_t f = 1; f < kFingerCount; ++f) {
    const HandPart& knuckle = shape.parts[hand_part(f, 0)];
    check(glm::vec3(knuckle.frame[3]), knuckle.radius.y);
  }
  return -deepest;
}

// palm_rise, risen again by what is left until under 0.1 mm remains. The depth is radial and
// the palm rises along its own normal, which on a tapering or hollow stretch clears less than
// it rises: one rise left effleurage's flat palm 4.5 mm inside the lower calf under the skin
// over the calf's bellies. (Only for a hand that rests its palm: a cupped hand's tip onto its
// heel, tip_onto_heel, is tuned on the single rise.)
float palm_rise_settled(const SkinSide& skin, const glm::mat4& palm, const FingerPose& pose, Hand hand) {
  constexpr int kRefine = 4;
  constexpr float kLeftM = 0.0001f;
  float rise = palm_rise(skin, palm, pose, hand);
  for (int i = 0; i < kRefine && rise > 0.0f; ++i) {
    glm::mat4 raised = palm;
    raised[3] += raised[1] * rise;
    const float left = palm_rise(skin, raised, pose, hand);
    if (left < kLeftM) break;
    rise += left;
  }
  return rise;
}

// s = 0 is the pose's own shape, s = 1 every joint at its most curled (max_curl, within range).
FingerPose closed(const FingerPose& pose, std::size_t f, float s) {
  FingerPose p = pose;
  for (std::size_t j = 0; j < 3; ++j) {
    const float stated = pose.flexion[f][j];
    const float most = std::max(stated, std::min(pose.max_curl_deg, joint_range(f, j).hi));
    p.flexion[f][j] = stated + s * (most - stated);
  }
  return p;
}

}  // namespace fit_detail

// The helpers shared with hand_fit_thumb_heel.cpp, used here unqualified.
using namespace fit_detail;

JointRange joint_range(std::size_t finger, std::size_t joint) {
  // Active ranges of motion, rounded (flexion +): fingers MCP 90, PIP 105, DIP 80, with a
  // little hyperextension as a palm pressed flat shows; the thumb's joints bend less.
  static constexpr JointRange kFinger[3] = {{-25.0f, 90.0f}, {-5.0f, 105.0f}, {-10.0f, 80.0f}};
  static constexpr JointRange kThumb[3] = {{-25.0f, 50.0f}, {-25.0f, 60.0f}, {-25.0f, 80.0f}};
  return finger == 0 ? kThumb[joint] : kFinger[joint];
}

namespace fit_detail {

// Opens finger f just enough that it no longer sinks into the skin (bisection up to
// kMaxOpenDeg; fully open when even that sinks). Returns its gap before: negative when it sank.
float open_finger_to_clear(const SkinSide& skin, const glm::mat4& palm, Hand hand, FingerPose& pose, std::size_t f) {
  auto gap_open = [&](float deg) { return skin_gap(skin, pose_finger(palm, opened(pose, f, deg), hand, f)); };
  const float now = gap_open(0.0f);
  if (now >= 0.0f) return now;
  float lo = 0.0f, hi = kMaxOpenDeg;
  if (gap_open(hi) >= 0.0f) {
    for (int i = 0; i < kBisections; ++i) {
      const float mid = 0.5f * (lo + hi);
      (gap_open(mid) >= 0.0f ? hi : lo) = mid;
    }
  }
  pose = opened(pose, f, hi);
  return now;
}

}  // namespace fit_detail

float thumb_grip(const FingerPose& pose) {
  return std::clamp(pose.reach[0] * pose.palm_touch, 0.0f, 1.0f) *
         std::clamp((pose.opposition_deg - kGripFromDeg) / kGripRampDeg, 0.0f, 1.0f);
}

void open_to_clear(const SkinSide& skin, const glm::mat4& palm, Hand hand, FingerPose& pose) {
  for (std::size_t f = 0; f < kFingerCount; ++f) open_finger_to_clear(skin, palm, hand, pose, f);
}

float fit_hand(const SkinSide& skin, glm::mat4& palm, Hand hand, FingerPose& pose) {
  // 1. Pads that mean to touch, in the pose's own shape, may not sink: where the palm does not
  //    rest on the skin, the hand rises until the deepest of them just touches.
  // A cupped hand's palm does not stay level (it tips onto its heel below), so only the tipped
  // palm is kept out of the skin.
  tilt_to_skin(skin, palm, hand, pose);
  float rise = (1.0f - std::clamp(pose.heel_touch, 0.0f, 1.0f)) * palm_rise_settled(skin, palm, pose, hand);
  // A C grip holds its palm off the skin; its fingers and thumb then close further (step 2).
  rise = std::max(rise, pose.palm_gap_m);
  if (pose.palm_touch < 1.0f) {
    float need = 0.0f;
    for (std::size_t f = 0; f < kFingerCount; ++f) {
      if (pose.reach[f] <= 0.0f) continue;
      need = std::max(need, pose.reach[f] * -skin_gap(skin, pose_finger(palm, pose, hand, f)));
    }
    rise = std::max(rise, (1.0f - pose.palm_touch) * need);
  }
  rise = std::clamp(rise, 0.0f, kMaxRise);
  palm[3] += palm[1] * rise;
  arch_palm(skin, palm, hand, pose);
  tip_onto_heel(skin, palm, pose, hand);
  close_cup(skin, palm, hand, pose);
  close_together(skin, palm, hand, pose);

  // 2. Each finger: open if it sinks, close toward the skin if it means to touch and does not.
  // A gripping thumb's first phalanx may press this far in (fit_thumb); weighed before its fit.
  const float thumb_sink = thumb_grip(pose) * thumb_sink_m(pose);
  for (std::size_t f = 0; f < kFingerCount; ++f) {
    if (f == 0) {
      const float grip = thumb_grip(pose);
      if (grip > 0.0f) {
        FingerPose gripping = pose;
        fit_thumb(skin, palm, hand, gripping);
        if (grip < 1.0f) {
          open_finger_to_clear(skin, palm, hand, pose, 0);
          gripping = blend(pose, gripping, grip);
        }
        pose = gripping;
        continue;
      }
    }
    const float now = open_finger_to_clear(skin, palm, hand, pose, f);
    // Opened or not (whichever side of the skin its knuckle just lies), a thumb on a hand on its
    // pads closes its pad onto the skin: called only when it did not sink, it flicked between
    // the two from one frame to the next.
    if (f == 0 && pose.palm_touch < 1.0f && pose.reach[f] > 0.0f) close_pad(skin, palm, hand, pose);
    if (now < 0.0f) continue;
    close_finger_pad(skin, palm, hand, pose, f);
    // Only a hand whose palm rests closes its fingers round the limb (a hand on its pads closed
    // its named pads onto the skin above, close_pad).
    const float reach = std::clamp(pose.reach[f], 0.0f, 1.0f) * std::clamp(pose.palm_touch, 0.0f, 1.0f);
    if (reach <= 0.0f) continue;
    // A finger already at the skin stays as it is; one higher above it may close all the way:
    // ramped between, so the solved angles never jump as the gap changes.
    const float ramp = std::clamp(now / kCloseRamp, 0.0f, 1.0f);
    const float top = reach * smooth_step(ramp) *
                      (1.0f - together_weight(pose) * (1.0f - kSoloShare));
    if (top <= 0.0f) continue;
    // The finger closes no further than where any part of it would sink, and within that
    // stops where its pad (the last phalanx) comes nearest the skin: its pad is what should
    // land. It closes that far only as much as its pad then reaches the skin (kReachNearM to
    // kReachFarM): a finger that cannot land its pad keeps its own shape, or lies on its middle
    // (pad_landing). Both stops are the
    // cause of effleurage's claws: an edge finger pointing along a side that falls away under
    // it came nearest with every part of it at full curl (the little finger beside the lower
    // calf, 70 degrees a joint, pad 18 mm off: step 3, 112 of 462 pressing moments), and a
    // finger under a palm risen over a hollow closed until its middle touched, the tip 10 mm
    // off (step 1's index). (Before session 17 it stopped where any part came nearest.)
    pose = closed(pose, f, pad_landing(skin, palm, hand, pose, f, top, together_weight(pose)));
  }

  // 3. A finger that could not open far enough (pointing into a hollow, or at its joint limit)
  //    lifts the whole hand by what is left, so no flesh lies inside the skin (but for what a
  //    gripping thumb's first phalanx may press in).
  float deepest = 0.0f;
  const HandShape shape = build_hand(palm, pose, hand);
  for (std::size_t f = 0; f < kFingerCount; ++f)
    for (std::size_t j = (f == 0 ? 1 : 0); j < 3; ++j) {
      const HandPart& part = shape.parts[hand_part(f, j)];
      const glm::vec3 start(part.frame[3]);
      const float allowed = (f == 0 && j == 1) ? thumb_sink : 0.0f;
      for (const glm::vec3& p : {start, 0.5f * (start + part.tip), part.tip})
        if (skin.covers(p)) deepest = std::min(deepest, skin.outside(p) - part.radius.y + allowed);
    }
  const float extra = std::min(-deepest, kMaxRise - rise);
  palm[3] += palm[1] * extra;
  return rise + extra;
}

}  // namespace effleura::technique
