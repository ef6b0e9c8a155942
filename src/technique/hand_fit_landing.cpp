// Where a finger or thumb pad of a fitted hand lands (hand_fit.hpp): the thumb of a hand on its
// pads closed onto the skin (close_pad), a named finger pad closed onto it (close_finger_pad), and
// how far a resting palm's finger closes (pad_landing). Split from hand_fit.cpp, which calls
// them in fit_hand's step 2.
#include <algorithm>
#include <array>
#include <cstddef>
#include <optional>

#include "core/smooth_step.hpp"
#include "technique/hand_fit_detail.hpp"

namespace effleura::technique::fit_detail {
namespace {

constexpr int kMarch = 6;
constexpr float kPadClearance = 0.001f;    // m a closed thumb pad stops short of the skin (close_pad)

// A finger's pad (its last phalanx) from the dented skin, less kPadClearance: 0 where a closing
// pad stops, a millimetre short of the skin (close_pad, close_finger_pad).
float pad_skin_gap(const SkinSide& skin, const std::array<HandPart, 3>& parts) {
  return skin_gap(skin, {parts[2], parts[2], parts[2]}) - kPadClearance;
}

}  // namespace


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

namespace {

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

constexpr float kPressingM = 0.001f;   // dent (m) from which a pressing pad hand closes its pads fully

}  // namespace

// A hand on its finger pads (toe taps' three fingertips, friction's pads) rose until the deepest
// named pad touched (fit_hand, step 1); the other named fingers could end in the air: on the
// sole's arch the skin rises toward the inner edge, so the outer tips met it first and the ring
// tip hung 17 mm off (0 of 446 taps had all three within 8 mm). Each such finger closes, joint by
// joint within range and max_curl, until its pad (the last phalanx) meets the skin or another of
// its phalanges would sink, as close_pad closes a thumb. A cupped hand (heel_touch) curls its
// fingers in close_cup instead. Ramped over the pad's gap (kCloseRamp) so that the angles follow
// the skin under the pad without jumps.
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

namespace {

// (kReachNearM, kReachFarM: hand_fit_detail.hpp.)
// The same ramp for a finger not drawn into a grip (together_weight 0) ends further off: over
// 3-6 mm a flat hand's finger went from its pad landed to held on its middle by 13.4 degrees a
// joint as the palm slid a quarter of a degree round the calf (technique_finger_landing_test).
// The calf squeezes' wrap grip keeps 3-6 mm: its fingers, curled together, hung off the skin
// with the wider ramp (the right hand clawed at 107 of 968 pressing moments, session 26).
constexpr float kLandFarM = 0.009f;
constexpr float kHookFrom = 0.8f;      // share of the closing past which a landing pad is a hook's tip
constexpr float kHookFarM = 0.009f;    // how much further off a hook's tip begins to land
constexpr float kHeldMostDeg = 95.0f;  // the most a finger lying on its middle curls, its pad off (three joints)

}  // namespace

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

}  // namespace effleura::technique::fit_detail
