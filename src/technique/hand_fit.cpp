#include "technique/hand_fit.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include <glm/geometric.hpp>
#include <glm/gtc/matrix_transform.hpp>
#include <glm/trigonometric.hpp>

#include "core/frame.hpp"
#include <cstdio>

namespace effleura::technique {
namespace {

constexpr float kBelowLegCovered = 0.05f;  // m below the leg's lowest section still counted (the heel)
constexpr float kMaxOpenDeg = 90.0f;
constexpr float kOpenShare[3] = {0.65f, 0.55f, 0.45f};  // the whole finger lifts, a curled tip uncurls
constexpr float kMaxRise = 0.08f;                      // a hand never hovers higher than this to reach
constexpr int kBisections = 9;                         // ~0.2 degrees on a 90 degree range
constexpr float kCloseRamp = 0.010f;                   // m of air under a pad before it closes fully
constexpr int kMarch = 6;
// A thumb opposed this far across the palm grips (kneading-grip 55, flat-palm 35): it rests on
// the skin opposite the fingers (fit_thumb); the weight ramps over kGripRampDeg so that a blend
// between a grip and a flat hand changes the thumb gradually.
constexpr float kGripFromDeg = 40.0f;
constexpr float kGripRampDeg = 10.0f;
constexpr float kThumbCloseRamp = 0.008f;              // m of air under a thumb pad before its tip closes fully
constexpr float kThumbTipFirstDeg = 20.0f;             // the thumb's tip joint while its knuckle closes
constexpr float kMaxHeelTilt = glm::radians(40.0f);    // a cupped hand tips at most this far onto its heel

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
  const glm::vec3 across(part.frame[0]), back(part.frame[1]), along(part.frame[2]);
  const glm::vec3 centre = glm::vec3(part.frame[3]) - back * part.radius.y;
  float deepest = 0.0f;
  auto check = [&](const glm::vec3& p, float radius) {
    if (skin.covers(p)) deepest = std::min(deepest, skin.outside(p) - radius);
  };
  for (int i = -1; i <= 1; ++i)
    for (int k = 0; k <= 2; ++k)
      check(centre + across * (0.8f * part.radius.x * static_cast<float>(i)) +
                along * (part.length * (0.1f + 0.4f * static_cast<float>(k))),
            0.0f);
  for (std::size_t f = 1; f < kFingerCount; ++f) {
    const HandPart& knuckle = shape.parts[hand_part(f, 0)];
    check(glm::vec3(knuckle.frame[3]), knuckle.radius.y);
  }
  return -deepest;
}

// A cupped hand (FingerPose::heel_touch) that has risen onto its finger pads tips about them,
// heel down, until the heel of the hand meets the skin: it lands on its rim (heel and finger
// pads) with the palm hollow above the skin, as a cupped hand does. Turns `palm` in place.
void tip_onto_heel(const SkinSide& skin, glm::mat4& palm, const FingerPose& pose, Hand hand) {
  const float weight = std::clamp(pose.heel_touch, 0.0f, 1.0f) * (1.0f - std::clamp(pose.palm_touch, 0.0f, 1.0f));
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

glm::vec3 closest_on_segment(const glm::vec3& a, const glm::vec3& b, const glm::vec3& p) {
  const glm::vec3 d = b - a;
  const float len2 = glm::dot(d, d);
  const float t = len2 > 0.0f ? std::clamp(glm::dot(p - a, d) / len2, 0.0f, 1.0f) : 0.0f;
  return a + t * d;
}

// Below the sole is outside. The sole is a height field over the foot's outline at rest: turn
// the point back by the ankle angle, read u from its length along the foot and v from its
// place across, and compare heights. (Projecting onto the sole by Gauss-Newton wandered for
// points beyond its edges, which made fingers pop open for one frame.) Beyond the outline a
// point is outside by its distance past the edge.
float sole_outside(const anatomy::FootShape& foot, const glm::vec3& p, float ankle_deg) {
  const float phi = glm::radians(-ankle_deg);
  const float c = std::cos(phi), s = std::sin(phi);
  const glm::vec3 q = p - frame::kAnkleCentre;
  const glm::vec3 rest = frame::kAnkleCentre + glm::vec3(q.x, q.y * c + q.z * s, -q.y * s + q.z * c);
  const float heel = foot.rest_point(0.0f, 0.0f).z;
  const float u_raw = (rest.z - heel) / foot.length();
  const float u = std::clamp(u_raw, 0.0f, 1.0f);
  const glm::vec3 mid = foot.rest_point(u, 0.0f);
  const float half = std::max(foot.rest_point(u, 1.0f).x - mid.x, 0.005f);
  const float v_raw = (rest.x - mid.x) / half;
  const float v = std::clamp(v_raw, -1.0f, 1.0f);
  const float below = foot.rest_point(u, v).y - rest.y;
  const float past = std::max({(std::abs(u_raw - u)) * foot.length(), (std::abs(v_raw) - 1.0f) * half, 0.0f});
  return std::max(below, past);
}

}  // namespace

float SkinSide::outside(const glm::vec3& p) const {
  if (sole) return sole_outside(surface->foot(), p, ankle_deg) + indentation_m;
  return surface->radial_outside(p) + indentation_m;
}

bool SkinSide::covers(const glm::vec3& p) const {
  return sole || p.y >= surface->min_along() - kBelowLegCovered;
}

JointRange joint_range(std::size_t finger, std::size_t joint) {
  // Active ranges of motion, rounded (flexion +): fingers MCP 90, PIP 105, DIP 80, with a
  // little hyperextension as a palm pressed flat shows; the thumb's joints bend less.
  static constexpr JointRange kFinger[3] = {{-25.0f, 90.0f}, {-5.0f, 105.0f}, {-10.0f, 80.0f}};
  static constexpr JointRange kThumb[3] = {{-25.0f, 50.0f}, {-25.0f, 60.0f}, {-25.0f, 80.0f}};
  return finger == 0 ? kThumb[joint] : kFinger[joint];
}

HandCapsules hand_capsules(const HandShape& shape) {
  HandCapsules out;
  const HandPart& palm = shape.parts[0];
  const glm::vec3 across(palm.frame[0]);
  const float r = palm.radius.y;
  for (std::size_t i = 0; i < kPalmCapsules; ++i) {
    const float x = (static_cast<float>(i) - 1.0f) * (palm.radius.x - r);
    const glm::vec3 start = glm::vec3(palm.frame[3]) + across * x;
    out[i] = Capsule{start, palm.tip + across * x, r};
  }
  for (std::size_t p = 1; p < kHandParts; ++p) {
    const HandPart& part = shape.parts[p];
    out[kPalmCapsules + p - 1] = Capsule{glm::vec3(part.frame[3]), part.tip, part.radius.y};
  }
  return out;
}

float capsule_gap(const Capsule& x, const Capsule& y) {
  // Closest points of two segments (Ericson, Real-Time Collision Detection, 5.1.9).
  const glm::vec3 d1 = x.b - x.a, d2 = y.b - y.a, r = x.a - y.a;
  const float a = glm::dot(d1, d1), e = glm::dot(d2, d2), f = glm::dot(d2, r);
  float s = 0.0f, t = 0.0f;
  if (a <= 1e-12f && e <= 1e-12f) {
    // both points
  } else if (a <= 1e-12f) {
    t = std::clamp(f / e, 0.0f, 1.0f);
  } else {
    const float c = glm::dot(d1, r);
    if (e <= 1e-12f) {
      s = std::clamp(-c / a, 0.0f, 1.0f);
    } else {
      const float b = glm::dot(d1, d2);
      const float denom = a * e - b * b;
      s = denom > 1e-12f ? std::clamp((b * f - c * e) / denom, 0.0f, 1.0f) : 0.0f;
      t = (b * s + f) / e;
      if (t < 0.0f) {
        t = 0.0f;
        s = std::clamp(-c / a, 0.0f, 1.0f);
      } else if (t > 1.0f) {
        t = 1.0f;
        s = std::clamp((b - c) / a, 0.0f, 1.0f);
      }
    }
  }
  const glm::vec3 p = x.a + d1 * s;
  const glm::vec3 q = closest_on_segment(y.a, y.b, y.a + d2 * t);
  return glm::length(p - q) - x.radius - y.radius;
}

float hands_gap(const HandCapsules& x, const HandCapsules& y) {
  float least = std::numeric_limits<float>::max();
  for (const Capsule& a : x)
    for (const Capsule& b : y) least = std::min(least, capsule_gap(a, b));
  return least;
}

namespace {

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

// The thumb of a hand whose palm rests and whose thumb means to touch (a grip, a flat hand).
// Opened as a finger is (opposition and all three joints together), it cleared the skin by
// swinging up off it and stood in the air beside the grip. Instead: the ball of the thumb (its
// metacarpal) swings back toward the palm's plane only as far as it must to clear the skin,
// then the two outer joints close together from straight until the pad first meets the skin.
// One parameter per stage, each a continuous function of where the hand is, so the thumb
// does not flicker between solutions from frame to frame.
void fit_thumb(const SkinSide& skin, const glm::mat4& palm, Hand hand, FingerPose& pose) {
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
  if (base_gap(pose) < 0.0f) {
    float lo = 0.0f, hi = kMaxOpenDeg;
    if (base_gap(base_opened(hi)) >= 0.0f)
      for (int i = 0; i < kBisections; ++i) {
        const float mid = 0.5f * (lo + hi);
        (base_gap(base_opened(mid)) >= 0.0f ? hi : lo) = mid;
      }
    pose = base_opened(hi);
  }
  // s = 0: the outer joints straight (at their range's open end); 1: curled to max_curl.
  auto outer = [&](float s) {
    FingerPose p = pose;
    for (std::size_t j = 1; j < 3; ++j) {
      const JointRange r = joint_range(0, j);
      const float most = std::max(r.lo, std::min(pose.max_curl_deg, r.hi));
      p.flexion[0][j] = r.lo + s * (most - r.lo);
    }
    return p;
  };
  auto outer_gap = [&](float s) {
    const auto parts = pose_finger(palm, outer(s), hand, 0);
    return skin_gap(skin, {parts[1], parts[2], parts[2]});
  };
  // Straight already sinks (fit_hand's last step lifts the hand): the thumb stays straight.
  bool met = outer_gap(0.0f) < 0.0f;
  float s_met = 0.0f;
  constexpr int kThumbMarch = 12;
  for (int i = 1; i <= kThumbMarch && !met; ++i) {
    const float s_i = static_cast<float>(i) / kThumbMarch;
    if (outer_gap(s_i) >= 0.0f) continue;
    met = true;
    float lo = static_cast<float>(i - 1) / kThumbMarch, hi = s_i;
    for (int k = 0; k < kBisections; ++k) {
      const float mid = 0.5f * (lo + hi);
      (outer_gap(mid) >= 0.0f ? lo : hi) = mid;
    }
    s_met = lo;
  }
  if (met) {
    pose = outer(s_met);
    // The skin curves away under a thumb that touches at its middle: the tip joint closes on
    // alone until the pad meets it too (the thumb follows the limb's curve round it).
    auto tip_gap = [&](float deg) {
      FingerPose p = pose;
      p.flexion[0][2] = deg;
      const auto parts = pose_finger(palm, p, hand, 0);
      return skin_gap(skin, {parts[2], parts[2], parts[2]});
    };
    const float from = pose.flexion[0][2];
    const float to = std::max(from, std::min(pose.max_curl_deg, joint_range(0, 2).hi));
    float lo_deg = from, hi_deg = to;
    for (int m = 1; m <= kThumbMarch; ++m) {
      const float d = from + (to - from) * static_cast<float>(m) / kThumbMarch;
      if (tip_gap(d) >= 0.0f) {
        lo_deg = d;
        continue;
      }
      hi_deg = d;
      for (int k = 0; k < kBisections; ++k) {
        const float mid = 0.5f * (lo_deg + hi_deg);
        (tip_gap(mid) >= 0.0f ? lo_deg : hi_deg) = mid;
      }
      break;
    }
    // A pad already near the skin stays as it is; one farther off closes all the way: ramped
    // between, because a pad lying almost along the skin meets it at very different angles
    // for a millimetre's difference, which would flick the tip as the hand moves.
    const float ramp = std::clamp(tip_gap(from) / kThumbCloseRamp, 0.0f, 1.0f);
    pose.flexion[0][2] = from + (lo_deg - from) * ramp * ramp * (3.0f - 2.0f * ramp);
    return;
  }
  // Curled all the way without meeting the skin (a thumb beyond the limb's edge): it stays
  // curled, where a thumb that met the skin late would be (no jump between the two).
  pose = outer(1.0f);
}

}  // namespace

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
  float rise = (1.0f - std::clamp(pose.heel_touch, 0.0f, 1.0f)) * palm_rise(skin, palm, pose, hand);
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
  tip_onto_heel(skin, palm, pose, hand);

  // 2. Each finger: open if it sinks, close toward the skin if it means to touch and does not.
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
    if (now < 0.0f) continue;
    // Only a hand whose palm rests closes its fingers round the limb; a hand on its pads rose
    // until they touch (above), and curling them further would only lift their tips away.
    const float reach = std::clamp(pose.reach[f], 0.0f, 1.0f) * std::clamp(pose.palm_touch, 0.0f, 1.0f);
    if (reach <= 0.0f) continue;
    auto gap_close = [&](float s) { return skin_gap(skin, pose_finger(palm, closed(pose, f, s), hand, f)); };
    // A finger already at the skin stays as it is; one higher above it may close all the way:
    // ramped between, so the solved angles never jump as the gap changes.
    const float ramp = std::clamp(now / kCloseRamp, 0.0f, 1.0f);
    const float top = reach * ramp * ramp * (3.0f - 2.0f * ramp);
    if (top <= 0.0f) continue;
    // The first touch along the closing path, not any: a curling finger can meet the skin, then
    // curl its tip away from it again.
    float lo = 0.0f, hi = top;
    bool hit = false;
    for (int i = 1; i <= kMarch && !hit; ++i) {
      const float s_i = top * static_cast<float>(i) / kMarch;
      if (gap_close(s_i) < 0.0f) {
        hit = true;
        lo = top * static_cast<float>(i - 1) / kMarch;
        hi = s_i;
      }
    }
    if (hit) {
      for (int i = 0; i < kBisections; ++i) {
        const float mid = 0.5f * (lo + hi);
        (gap_close(mid) >= 0.0f ? lo : hi) = mid;
      }
      hi = lo;
    }
    pose = closed(pose, f, hi);
  }

  // 3. A finger that could not open far enough (pointing into a hollow, or at its joint limit)
  //    lifts the whole hand by what is left, so no flesh lies inside the skin.
  float deepest = 0.0f;
  const HandShape shape = build_hand(palm, pose, hand);
  for (std::size_t f = 0; f < kFingerCount; ++f)
    for (std::size_t j = (f == 0 ? 1 : 0); j < 3; ++j) {
      const HandPart& part = shape.parts[hand_part(f, j)];
      const glm::vec3 start(part.frame[3]);
      for (const glm::vec3& p : {start, 0.5f * (start + part.tip), part.tip})
        if (skin.covers(p)) deepest = std::min(deepest, skin.outside(p) - part.radius.y);
    }
  const float extra = std::min(-deepest, kMaxRise - rise);
  palm[3] += palm[1] * extra;
  return rise + extra;
}

}  // namespace effleura::technique
