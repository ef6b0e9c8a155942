#include "technique/hand_fit.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <initializer_list>
#include <limits>
#include <optional>

#include <glm/geometric.hpp>
#include <glm/gtc/matrix_transform.hpp>
#include <glm/trigonometric.hpp>

#include "core/frame.hpp"
#include "core/smooth_step.hpp"
#include "technique/hand_fit_detail.hpp"

namespace effleura::technique {
namespace {

constexpr float kMaxRise = 0.08f;          // a hand never hovers higher than this to reach
constexpr float kCloseRamp = 0.010f;       // m of air under a pad before it closes fully
constexpr int kMarch = 6;
constexpr float kPadClearance = 0.001f;    // m a closed thumb pad stops short of the skin (close_pad)
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

namespace {

// A finger's pad (its last phalanx) from the dented skin, less kPadClearance: 0 where a closing
// pad stops, a millimetre short of the skin (close_pad, close_finger_pad).
float pad_skin_gap(const SkinSide& skin, const std::array<HandPart, 3>& parts) {
  return skin_gap(skin, {parts[2], parts[2], parts[2]}) - kPadClearance;
}

// A hand on its pads (palm_touch < 1) rose until the deepest of its named pads touched; a named
// thumb pad that still hangs in the air (a straight thumb beside a palm resting on a round calf: the
// skin falls away under it by 10-40 mm) closes, joint by joint within the joint limits and the
// pose's max_curl, until the pad (the last phalanx) meets the skin, or until any other part of
// the thumb would sink, whichever comes first (a closing that meets neither closes nothing). The palm does not move, so it never sinks. The
// thumb's metacarpal lies in the ball of the thumb, part of the palm (hand_contact.cpp), and does
// not stop it. Ramped over the pad's gap as a resting palm's fingers are (kCloseRamp), so the
// angles do not jump as the skin under the pad comes and goes.
void close_pad(const SkinSide& skin, const glm::mat4& palm, Hand hand, FingerPose& pose) {
  constexpr std::size_t f = 0;
  const float weight = std::clamp(pose.reach[f], 0.0f, 1.0f) * (1.0f - std::clamp(pose.palm_touch, 0.0f, 1.0f));
  auto parts_at = [&](float s) { return pose_finger(palm, closed(pose, f, s), hand, f); };
  // The pad stops a millimetre short of the dented skin (still touching, within
  // kTouchToleranceM): laid right on it, it sank as soon as the hand began to lift (the dent
  // fills radially while the hand rises along its own normal) and opened by 4 degrees at once.
  auto pad_gap = [&](const std::array<HandPart, 3>& parts) { return pad_skin_gap(skin, parts); };
  // Its first phalanx may not sink (its metacarpal lies in the ball of the thumb, part of the
  // palm's flesh, as hand_contact.cpp counts it).
  auto rest_gap = [&](const std::array<HandPart, 3>& parts) { return skin_gap(skin, {parts[1], parts[1], parts[1]}); };
  const std::array<HandPart, 3> now = parts_at(0.0f);
  const float gap = pad_gap(now);
  if (gap <= 0.0f || rest_gap(now) < 0.0f) return;
  const float ramp = std::clamp(gap / kCloseRamp, 0.0f, 1.0f);
  const float top = weight * smooth_step(ramp);
  if (top <= 0.0f) return;
  const float s = first_touch(0.0f, top, kMarch, [&](float x) {
                    const auto parts = parts_at(x);
                    return pad_gap(parts) <= 0.0f || rest_gap(parts) < 0.0f;
                  }).value_or(nearest(0.0f, top, [&](float x) { return pad_gap(parts_at(x)); }));
  pose = closed(pose, f, s);
  // Stopped by the finger's middle on the skin (the skin curves away under the pad): the tip
  // joint closes on alone until the pad meets it too, as fit_thumb does for a gripping thumb.
  auto tip_parts = [&](float deg) {
    FingerPose p = pose;
    p.flexion[f][2] = deg;
    return pose_finger(palm, p, hand, f);
  };
  const float from = pose.flexion[f][2];
  const float to = std::max(from, std::min(pose.max_curl_deg, joint_range(f, 2).hi));
  const float tip_gap = pad_gap(tip_parts(from));
  if (tip_gap <= 0.0f || to <= from) return;
  const float deg = first_touch(from, to, kMarch, [&](float x) { return pad_gap(tip_parts(x)) <= 0.0f; })
                        .value_or(nearest(from, to, [&](float x) { return pad_gap(tip_parts(x)); }));
  const float tip_ramp = std::clamp(tip_gap / kCloseRamp, 0.0f, 1.0f);
  pose.flexion[f][2] = from + weight * (deg - from) * smooth_step(tip_ramp);
}

constexpr float kPadAimSlack = 0.0002f;  // m short of the skin (or of the nearest it comes) a pad stops
constexpr int kFineMarch = 24;
// How gradually a closing finger's stop follows a graze of its first or middle phalanx
// (soft_first_touch): m of gap per whole closing. A graze 1 mm off moves the stop by 1/20 of the
// closing (3-5 degrees a joint); the finger stops up to ~2 mm short of a skin it meets at a
// glancing angle. For the pad's own stop (its first point within kPadAimSlack of the nearest
// it comes) a quarter of that: the pad comes to ~0.1 mm of that nearest point.
constexpr float kRestEaseM = 0.02f;
constexpr float kPadEaseM = 0.005f;

// Where finger f, closing along `path` (0: as it is) no further than `top`, lands its pad: no
// further than where its first or middle phalanx would meet the skin, and within that at the
// first point where its pad (the last phalanx, less `pad_clearance`) comes within kPadAimSlack
// of the skin, or of the nearest it comes. Both stops are soft_first_touch's, on the same 25
// points, so the landing moves continuously with the skin; `least` is the pad's least gap up to
// the first stop. (The stop at the first touch of any phalanx, then a search for the nearest
// point before it, jumped as the phalanx that touched first changed from one frame to the next:
// session 24 traced nearly every finger pop on the shipped leg to it.)
struct Landing {
  static constexpr std::size_t kPoints = kFineMarch + 1;
  float at = 0.0f;
  float least = 0.0f;
  float top = 0.0f;
  std::array<float, kPoints> rest{};  // the first and middle phalanges' gap along the path
  // Their gap at x (0..top) along the path, linear between the points.
  [[nodiscard]] float rest_at(float x) const {
    if (top <= 0.0f) return rest[0];
    const float u = std::clamp(x / top, 0.0f, 1.0f) * static_cast<float>(kFineMarch);
    const std::size_t k = std::min<std::size_t>(kPoints - 2, static_cast<std::size_t>(u));
    return rest[k] + (u - static_cast<float>(k)) * (rest[k + 1] - rest[k]);
  }
};

template <class Path>
Landing path_landing(const SkinSide& skin, const glm::mat4& palm, Hand hand, std::size_t f, const Path& path,
                     float top, float pad_clearance) {
  constexpr std::size_t kPoints = Landing::kPoints;
  std::array<float, kPoints> s{}, rest{}, pad{};
  for (std::size_t i = 0; i < kPoints; ++i) {
    s[i] = top * static_cast<float>(i) / static_cast<float>(kFineMarch);
    const std::array<HandPart, 3> parts = pose_finger(palm, path(s[i]), hand, f);
    rest[i] = skin_gap(skin, {parts[0], parts[1], parts[1]});
    pad[i] = skin_gap(skin, {parts[2], parts[2], parts[2]}) - pad_clearance;
  }
  if (top <= 0.0f) return {0.0f, pad[0], top, rest};
  const float limit = soft_first_touch(s, rest, kRestEaseM);
  // The pad's least gap up to the limit: the points before it and the pad at it, linear between
  // two points, so that it follows the limit continuously.
  const std::size_t k = std::min<std::size_t>(kPoints - 2, static_cast<std::size_t>(limit / top * kFineMarch));
  const float w = std::clamp((limit - s[k]) / (s[k + 1] - s[k]), 0.0f, 1.0f);
  float least = pad[k] + w * (pad[k + 1] - pad[k]);
  for (std::size_t i = 0; i <= k; ++i) least = std::min(least, pad[i]);
  const float aim = std::max(least, 0.0f) + kPadAimSlack;
  std::array<float, kPoints> over{};
  for (std::size_t i = 0; i < kPoints; ++i) over[i] = pad[i] - aim;
  return {std::min(limit, soft_first_touch(s, over, kPadEaseM)), least, top, rest};
}

// A hand on its finger pads (toe taps' three fingertips, friction's pads) rose until the deepest
// named pad touched (fit_hand, step 1); the other named fingers could end in the air: on the
// sole's arch the skin rises toward the inner edge, so the outer tips met it first and the ring
// tip hung 17 mm off (0 of 446 taps had all three within 8 mm). Each such finger closes, joint by
// joint within range and max_curl, until its pad (the last phalanx) meets the skin or another of
// its phalanges would sink, as close_pad closes a thumb. A cupped hand (heel_touch) curls its
// fingers in close_cup instead. Ramped over the pad's gap (kCloseRamp) so that the angles follow
// the skin under the pad without jumps.
constexpr float kPressingM = 0.001f;   // dent (m) from which a pressing pad hand closes its pads fully

void close_finger_pad(const SkinSide& skin, const glm::mat4& palm, Hand hand, FingerPose& pose, std::size_t f) {
  if (f == 0 || pose.heel_touch > 0.0f) return;
  // Only while the stroke presses (fading in over the first kPressingM of its dent): a hand
  // carried through the air between spots keeps its pose, where fitted to the skin passing
  // under it its fingers flicked (friction's move down to the Achilles tendon: 5 degrees in 10 ms).
  const float pressing = std::clamp(skin.indentation_m / kPressingM, 0.0f, 1.0f);
  const float weight = std::clamp(pose.reach[f], 0.0f, 1.0f) * (1.0f - std::clamp(pose.palm_touch, 0.0f, 1.0f)) *
                       smooth_step(pressing);
  if (weight <= 0.0f) return;
  auto pad_gap = [&](const std::array<HandPart, 3>& parts) { return pad_skin_gap(skin, parts); };
  auto rest_gap = [&](const std::array<HandPart, 3>& parts) { return skin_gap(skin, {parts[0], parts[1], parts[1]}); };
  // Along a path (0: as the finger is), ramped on the pad's gap, to where path_landing lands the
  // pad a millimetre short of the skin (kPadClearance). (Stopping at the first touch, or else at
  // the nearest point, flicked friction's index by 6 degrees a frame: its pad slides along the
  // calf over a flat stretch of the path, and where it began to miss the skin the stop jumped
  // across it.)
  auto solve = [&](const auto& path) {
    const std::array<HandPart, 3> now = pose_finger(palm, path(0.0f), hand, f);
    const float gap = pad_gap(now);
    if (gap <= 0.0f || rest_gap(now) < 0.0f) return 0.0f;
    const float top = smooth_step(std::clamp(gap / kCloseRamp, 0.0f, 1.0f));
    // Eased by the weight as a share of the way there (capping the path at the weight instead
    // held the finger still, then dropped it in the last frames of a fade).
    return weight * path_landing(skin, palm, hand, f, path, top, kPadClearance).at;
  };
  pose = closed(pose, f, solve([&](float x) { return closed(pose, f, x); }));
  // A bent finger whose pad faces skin farther away than the others' (the arch's hollow) curls
  // away from it as it closes; it reaches instead: the knuckle bends on while the two outer
  // joints straighten, so the finger points further out (at max_curl 60 a straight finger's tip
  // stands ~15 mm further from the palm than the tapping pose's bent one). Ramped on what
  // closing left of the gap, so it does nothing where closing met the skin.
  const FingerPose bent = pose;
  auto reached = [&](float x) {
    FingerPose p = bent;
    const float most = std::max(bent.flexion[f][0], std::min(bent.max_curl_deg, joint_range(f, 0).hi));
    p.flexion[f][0] += x * (most - bent.flexion[f][0]);
    for (std::size_t j = 1; j < 3; ++j) p.flexion[f][j] -= x * std::max(bent.flexion[f][j], 0.0f);
    return p;
  };
  pose = reached(solve(reached));
}

// How far (0..top of the closing path) a resting palm's finger f closes: see fit_hand, step 2.
constexpr float kReachNearM = 0.003f;  // a pad that comes this near the skin closes all the way to it
constexpr float kReachFarM = 0.006f;   // one that stays this far off keeps the pose's own shape
// The same ramp for a finger not drawn into a grip (together_weight 0) ends further off: over
// 3-6 mm a flat hand's finger went from its pad landed to held on its middle by 13.4 degrees a
// joint as the palm slid a quarter of a degree round the calf (technique_finger_landing_test).
// The calf squeezes' wrap grip keeps 3-6 mm: its fingers, curled together, hung off the skin
// with the wider ramp (the right hand clawed at 107 of 968 pressing moments, session 26).
constexpr float kLandFarM = 0.009f;
constexpr float kHookFrom = 0.8f;      // share of the closing past which a landing pad is a hook's tip
constexpr float kHookFarM = 0.009f;    // how much further off a hook's tip begins to land
constexpr float kHeldMostDeg = 95.0f;  // the most a finger lying on its middle curls, its pad off (three joints)

float pad_landing(const SkinSide& skin, const glm::mat4& palm, Hand hand, const FingerPose& pose, std::size_t f,
                  float top, float together) {
  const Landing landing =
      path_landing(skin, palm, hand, f, [&](float s) { return closed(pose, f, s); }, top, 0.0f);
  const auto near = [](float gap, float far) {
    return 1.0f - smooth_step(std::clamp((gap - kReachNearM) / (far - kReachNearM), 0.0f, 1.0f));
  };
  // Its pad lands: it closes that far. A pad that lands only where the finger has curled nearly
  // all the way (a hook touching with its tip) lands over a wider ramp of its gap (kHookFarM
  // more): the whole closing then hangs on a few millimetres of gap, and over the usual 3 mm
  // vibration's right little finger (58 mm over the skin in the pose's shape) curled 9 -> 68
  // degrees in 15 ms as the shake brought its fully curled pad within reach (1.24 s, session 25).
  const float hook = smooth_step(std::clamp((landing.at - kHookFrom) / (1.0f - kHookFrom), 0.0f, 1.0f));
  const float flat_far = kReachFarM + (1.0f - together) * (kLandFarM - kReachFarM);
  const float lands = near(landing.least, std::max(flat_far, kReachFarM + hook * kHookFarM));
  // Its pad cannot land, but its first or middle phalanx meets the skin where it stops: it lies
  // there, curled no further than kHeldMostDeg (the claw test's hook is 100; held there, a
  // finger whose middle would meet the skin further on lies up to ~5 mm over it). Until session
  // 25 such a finger straightened to the pose's shape, and sprang between the two as its first
  // touch changed phalanx (vibration's middle finger, 45 degrees in 10 ms). Its pad not landing
  // and nothing else touching, it keeps the pose's own shape (not a claw in the air). Both
  // weights are ramped from kReachNearM (to kReachFarM, or further as above) on gaps that move
  // continuously.
  float stated = 0.0f, most = 0.0f;
  const FingerPose curled = closed(pose, f, 1.0f);
  for (std::size_t j = 0; j < 3; ++j) stated += pose.flexion[f][j], most += curled.flexion[f][j];
  const float held_top = most > stated ? std::clamp((kHeldMostDeg - stated) / (most - stated), 0.0f, 1.0f) : 0.0f;
  const float held = near(std::max(landing.rest_at(landing.at), 0.0f), kReachFarM) * std::min(landing.at, held_top);
  return lands * landing.at + (1.0f - lands) * held;
}

// A grip whose fingers are drawn together (spread below 0: wrap-grip) and whose palm rests
// closes its four fingers as one, by a shared share, until the third of them meets the skin
// (the nearer ones, sunk, then open just clear of it in fit_hand's step 2); each then closes
// on its own by at most kSoloShare of what is left of its path. Closed one by one, each to its
// own touch, the fingers of a palm lying across the calf at 45 degrees curled by up to 79
// degrees more or less than their neighbour (the knuckle line crosses the curve) and the lower
// hand's pads fanned up to 54 mm apart (calf squeezes). Stopping at the first finger's touch
// left the far fingers in the air (pads on the skin 0.72 -> 0.48); at the fourth's, the near
// ones could not open clear and sank 17 mm. A finger the shared closing curls past
// kTogetherMostDeg (three joints together) whose pad is still off the skin goes back to that
// curl: curled together, the far fingers that cannot reach the inner side hooked into the air
// at 488 of the right hand's 968 pressing moments. Weighted by how far the spread is below 0
// (kTogetherRampDeg), so a blend into or out of the grip changes gradually.
constexpr float kTogetherRampDeg = 3.0f;
constexpr std::size_t kTogetherLanding = 3;  // the shared closing stops as this many fingers touch
constexpr float kSoloShare = 0.2f;
constexpr float kTogetherMostDeg = 95.0f;  // under the 100 degrees at which a finger off the skin reads as a hook

float together_weight(const FingerPose& pose) {
  return std::clamp(-pose.spread_deg / kTogetherRampDeg, 0.0f, 1.0f) * std::clamp(pose.palm_touch, 0.0f, 1.0f) *
         (1.0f - std::clamp(pose.heel_touch, 0.0f, 1.0f));
}

void close_together(const SkinSide& skin, const glm::mat4& palm, Hand hand, FingerPose& pose) {
  const float weight = together_weight(pose);
  if (weight <= 0.0f) return;
  const FingerPose stated = pose;
  pose = closed_together(skin, palm, hand, pose, weight, kTogetherLanding);
  for (std::size_t f = 1; f < kFingerCount; ++f) {
    if (pose.reach[f] <= 0.0f) continue;
    const std::array<HandPart, 3> parts = pose_finger(palm, pose, hand, f);
    // Ramped on the pad's gap (kReachNearM to kReachFarM), as pad_landing is: going back all at
    // once as the pad passed 3 mm off, calf squeezes' lower middle finger uncurled by 21.7 degrees
    // in 20 ms (session 24).
    const float pad_gap = skin_gap(skin, {parts[2], parts[2], parts[2]});
    const float off = smooth_step(std::clamp((pad_gap - kReachNearM) / (kReachFarM - kReachNearM), 0.0f, 1.0f));
    if (off <= 0.0f) continue;
    float curl = 0.0f, was = 0.0f;
    for (std::size_t j = 0; j < 3; ++j) {
      curl += pose.flexion[f][j];
      was += stated.flexion[f][j];
    }
    if (curl <= kTogetherMostDeg || curl <= was) continue;
    const float back = std::clamp((kTogetherMostDeg - was) / (curl - was), 0.0f, 1.0f);
    const float share = 1.0f - off * (1.0f - back);
    for (std::size_t j = 0; j < 3; ++j)
      pose.flexion[f][j] = stated.flexion[f][j] + share * (pose.flexion[f][j] - stated.flexion[f][j]);
  }
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
