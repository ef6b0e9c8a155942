#pragma once
// Internal to the hand fit's files (hand_fit.cpp and hand_fit_*.cpp): the small pieces of the
// hand fit they share (gaps to the skin, opening a finger, keeping the palm out, landing a pad).
// Not for other callers: they use hand_fit.hpp.
#include <algorithm>
#include <array>
#include <cstddef>
#include <optional>

#include <glm/mat4x4.hpp>

#include "technique/hand_fit.hpp"
#include "technique/hand_rig.hpp"
#include "technique/pose.hpp"

namespace effleura::technique::fit_detail {

inline constexpr float kMaxOpenDeg = 90.0f;
inline constexpr float kOpenShare[3] = {0.65f, 0.55f, 0.45f};  // the whole finger lifts, a curled tip uncurls
inline constexpr int kBisections = 9;                          // ~0.2 degrees on a 90 degree range
inline constexpr float kCloseRamp = 0.010f;                     // m of air under a pad before it closes fully
// How far (0..top of the closing path) a resting palm's finger closes: see fit_hand, step 2, and
// pad_landing; close_together ramps its curl cap over the same gaps.
inline constexpr float kReachNearM = 0.003f;  // a pad that comes this near the skin closes all the way to it
inline constexpr float kReachFarM = 0.006f;   // one that stays this far off keeps the pose's own shape
// A grip drawn together (close_together) closes its fingers as one, then each on its own by at
// most this share of what is left of its path (fit_hand, step 2).
inline constexpr float kSoloShare = 0.2f;
// A gripping thumb's spread (FingerPose::abduction_deg) reaches its full span from this much.
inline constexpr float kSpreadRampDeg = 20.0f;
// How far the first phalanx of a gripping thumb without spread may press into the skin, as a
// thumb pressing a C grip round the thigh does, before it stops the outer joints' curl or lifts
// the hand (fit_thumb, fit_hand's step 3): the pad is what should land. See thumb_sink_m. At
// 2 mm petrissage's thumb turned less still (9.3 degrees in 5 ms, 14.8 now), but its calf step's
// left thumb tucked under the palm, its tip seen from the step camera at 79 % of moments (< 80).
inline constexpr float kThumbSinkM = 0.0015f;

// Least distance of any finger point from the dented skin, less the flesh round the axis:
// 0 when the pad just touches, negative when it sinks in.
float skin_gap(const SkinSide& skin, const std::array<HandPart, 3>& parts);
// `pose` with finger f opened by open_deg (shared over its joints by kOpenShare, never past
// the joint's range); an opposed thumb also swings back out to the side.
FingerPose opened(const FingerPose& pose, std::size_t f, float open_deg);
// How far the palm must rise so that no point of its underside or its knuckles lies inside
// the dented skin.
float palm_rise(const SkinSide& skin, const glm::mat4& palm, const FingerPose& pose, Hand hand);
// Opens finger f just enough that it no longer sinks into the skin. Returns its gap before:
// negative when it sank.
float open_finger_to_clear(const SkinSide& skin, const glm::mat4& palm, Hand hand, FingerPose& pose, std::size_t f);

// The first touch along a closing path: marches from `from` to `to` in `steps` equal steps
// until `touches` holds, then bisects (kBisections) between the last clear step and that one.
// Returns the last value found clear (`from` when the first step already touches), or nullopt
// when no step touches. The first touch, not any: a curling finger can meet the skin, then
// curl its tip away from it again.
template <class Touches>
std::optional<float> first_touch(float from, float to, int steps, const Touches& touches) {
  for (int i = 1; i <= steps; ++i) {
    const float s_i = from + (to - from) * static_cast<float>(i) / static_cast<float>(steps);
    if (!touches(s_i)) continue;
    float lo = from + (to - from) * static_cast<float>(i - 1) / static_cast<float>(steps), hi = s_i;
    for (int k = 0; k < kBisections; ++k) {
      const float mid = 0.5f * (lo + hi);
      (touches(mid) ? hi : lo) = mid;
    }
    return lo;
  }
  return std::nullopt;
}

// The first touch along a closing path, made continuous: the least, over the path's points s[i]
// (ascending), of s[i] plus that point's gap to the skin over `ease_m` (m of gap per unit of s),
// and of each crossing into the skin (linear between two points: s[i] where gap[i] is 0, s[i+1]
// where gap[i+1] is); s.back() when nothing comes near. Where the gap crosses 0 quicker than
// `ease_m` this is the first touch; a part that grazes the skin before it stops the closing a
// little short of the graze, and as the graze comes or goes the stop moves there gradually
// (by 1 / ease_m of the path per metre of gap). first_touch's stop jumps instead, from one
// touch to the next, and a finger closed fully or sprang straight in one frame (session 24:
// vibration's middle finger, 45 degrees in 10 ms). Every term is continuous in the skin and
// each crossing appears where a term already equals it, so the least is continuous too.
template <std::size_t N>
float soft_first_touch(const std::array<float, N>& s, const std::array<float, N>& gap, float ease_m) {
  float least = s[N - 1];
  for (std::size_t i = 0; i < N; ++i) {
    least = std::min(least, s[i] + std::max(gap[i], 0.0f) / ease_m);
    if (i + 1 < N && gap[i] > 0.0f && gap[i + 1] <= 0.0f)
      least = std::min(least, s[i] + (s[i + 1] - s[i]) * gap[i] / (gap[i] - gap[i + 1]));
  }
  return least;
}

// Where along a closing path from `from` to `to` a pad that never meets the skin comes nearest
// to it: there it stops, which is where one that just met it would have stopped (stopping at
// either end instead flicked the thumb as the skin under it came and went).
template <class Gap>
float nearest(float from, float to, const Gap& gap) {
  constexpr int kSteps = 24;
  float best = from, least = gap(from);
  for (int i = 1; i <= kSteps; ++i) {
    const float x = from + (to - from) * static_cast<float>(i) / kSteps;
    if (const float g = gap(x); g < least) least = g, best = x;
  }
  return best;
}

// `pose` with finger f closed by s: 0 is the pose's own shape, 1 every joint at its most
// curled (max_curl, within range).
FingerPose closed(const FingerPose& pose, std::size_t f, float s);

// `pose` with its four fingers (those that reach) closed together, by at most `weight`, until
// `landing` of their pads meet the skin; `pose` itself when fewer than `landing` are off it
// already. Cupped hands (close_cup, the first pad) and grips drawn together (hand_fit.cpp's
// close_together, the third) close this way.
FingerPose closed_together(const SkinSide& skin, const glm::mat4& palm, Hand hand, const FingerPose& pose, float weight,
                           std::size_t landing);

// A cupped hand (FingerPose::heel_touch) risen onto its finger pads tips onto its heel.
void tip_onto_heel(const SkinSide& skin, glm::mat4& palm, const FingerPose& pose, Hand hand);
// A cupped hand tipped onto its heel curls its four fingers together until the first pad
// meets the skin.
void close_cup(const SkinSide& skin, const glm::mat4& palm, Hand hand, FingerPose& pose);
// A palm that wraps the limb rolled (about its length, at most 15 degrees) toward the skin under
// its two sides, as far as that lowers its rise (hand_fit_tilt.cpp).
void tilt_to_skin(const SkinSide& skin, glm::mat4& palm, Hand hand, const FingerPose& pose);
// The palm's two sides (FingerPose::arch_deg, radial_arch_deg) turned toward the skin under a
// resting palm (hand_fit_arch.cpp).
void arch_palm(const SkinSide& skin, const glm::mat4& palm, Hand hand, FingerPose& pose);
// A gripping thumb placed on the skin opposite the fingers.
void fit_thumb(const SkinSide& skin, const glm::mat4& palm, Hand hand, FingerPose& pose);
// kThumbSinkM for a thumb without spread, none for a spread one (it lies round the calf's side,
// where its phalanx pressed in left its pad off the skin), ramped between.
float thumb_sink_m(const FingerPose& pose);

// hand_fit_landing.cpp: the thumb of a hand on its pads closed onto the skin; a named finger
// pad of such a hand closed onto it; and how far (0..top) a resting palm's finger f closes,
// `together` being together_weight(pose).
void close_pad(const SkinSide& skin, const glm::mat4& palm, Hand hand, FingerPose& pose);
void close_finger_pad(const SkinSide& skin, const glm::mat4& palm, Hand hand, FingerPose& pose, std::size_t f);
float pad_landing(const SkinSide& skin, const glm::mat4& palm, Hand hand, const FingerPose& pose, std::size_t f,
                  float top, float together);

// hand_fit_together.cpp: how far a pose is a grip drawn together (spread below 0, palm resting,
// not cupped), and its four fingers closed round the limb as one.
float together_weight(const FingerPose& pose);
void close_together(const SkinSide& skin, const glm::mat4& palm, Hand hand, FingerPose& pose);

}  // namespace effleura::technique::fit_detail
