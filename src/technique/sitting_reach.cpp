#include "technique/sitting_reach.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "core/smooth_step.hpp"

namespace effleura::technique {
namespace {

constexpr float kPi = std::numbers::pi_v<float>;
constexpr float kHalfPi = 0.5f * kPi;
// The knee's span on the standing leg over which the calf's rule gives way to the thigh's: the
// hand goes round from the calf's side (fingers down) to the top of the thigh (fingers mirrored),
// up to 100 degrees round the leg and 270 of roll. Over 0.46-0.56 a hand lifted across the knee
// turned up to 52 degrees in 20 ms beyond its stroke's own turn on the bent leg (vibration,
// tapotement); over 16 cm, 29 (technique_sitting_test). Calf work ends at 0.43 and thigh work
// starts at 0.58 (vibration's lower hand, moved 4 degrees round), so the steps' spots stay.
constexpr float kCalfUpTo = 0.44f, kThighFrom = 0.60f;
// Below the ankle nothing moves: the heel hangs ~40 cm under the table top, past the table's
// end, so its back is in reach as lying, and a heel hand moved to the side with its fingers
// turned down the leg pointed them past the heel onto the sole, into the other hand (toe taps
// 9.1 mm, ankle pumps 13.4 mm into it). The rule fades in from the heel (0.08, where those
// hands hold it) to just above the ankle (0.11, where strokes up the calf begin).
constexpr float kHeelUpTo = 0.08f, kCalfFrom = 0.11f;
// How far behind the side line a calf contact may go (radians): its whole back half is pressed
// into this much, so two hands one above the other stay apart as they were.
constexpr float kCalfBehind = 15.0f * kPi / 180.0f;
// Over this much of -cos(around) behind the side line the fingers turn to their sitting
// direction, so a hand crossing the side line turns smoothly.
constexpr float kTurnBand = 0.3f;

// A wrap grip (pose spread below 0: fingers together round one side, thumb round the other)
// sitting. Turned down the hanging leg as other hands are, its fingers wrapped nothing: the
// lower calf-squeezing hand pointed them past the ankle, its pads on the skin at 0.36 of its
// squeezes (three or four of the four at 0.20; lying 0.86 and 0.94), and the upper hand's
// fingers reached into the lower hand's wrist (hands overlapping 16.6 mm). Straight across the
// leg from the same place it found the skin with neither hand (a flat palm across the round
// calf touches at one line). So it goes round from in front, where a therapist kneeling before
// the client reaches: the palm on the front-outer side of the calf's belly with the fingers
// round the belly to its back, a little downward; on the slim lower calf the palm on the outer
// side, the fingers round the back a little upward (the thumbs then lie on the front, the left
// hand's pointing down and the right's up: tilted so, the hands keep 12 mm apart at their
// closest, the lifted thumbs; straight across, those thumbs met 16 mm deep). Measured every
// 20 ms over calf squeezes (pads on the skin, three or four of four): upper 0.93 / 1.00, lower
// 0.91 / 0.85; neither place alone served both hands (the belly's place on the slim calf: pads
// on 0.05; the upper hand 3 degrees round or rolled either way from its place: 0.75-0.96). `along` from kWrapSlimTo up to kWrapBellyFrom blends the two; calf
// squeezes' hands stay on either side of it.
struct WrapPlace {
  float around_deg;  // toward the outer side (mirrored on the inner half)
  float roll_deg;    // + fingers toward the back round the outer side
};
constexpr WrapPlace kWrapSlim{110.0f, 55.0f};
constexpr WrapPlace kWrapBelly{60.0f, 115.0f};
constexpr float kWrapSlimTo = 0.27f, kWrapBellyFrom = 0.31f;
// Those rolls tilt the fingers (up on the slim calf, down on its belly) for a thumb spread wide
// round the other side (calf squeezes' wrap-grip, abduction 90: wrap_tilt 1). A grip whose thumb
// is not spread (compression's kneading-grip) goes straight across instead: tilted so, its two
// hands 12 cm apart turned toward each other (the upper's fingers and thumb down, the lower's
// up) and overlapped by 13-17 mm sitting; straight across they keep 16-22 mm apart.
constexpr float kWrapAcross = 90.0f;
constexpr float kDeg = kPi / 180.0f;

// Into (-pi, pi].
float wrap(float a) {
  a = std::remainder(a, 2.0f * kPi);
  return a <= -kPi ? a + 2.0f * kPi : a;
}

// How much of the sitting rule applies at `along`: none on the heel, all from above the ankle.
float above_heel(float along) { return smooth_step(std::clamp((along - kHeelUpTo) / (kCalfFrom - kHeelUpTo), 0.0f, 1.0f)); }

// Which half a contact behind the side lines counts as on: its own (a > 0: outer), or the
// track's (`side`, see sitting_reach.hpp), the angle then unwrapped onto that half.
float half_sign(float a, float side) { return side != 0.0f ? (side > 0.0f ? 1.0f : -1.0f) : (a > 0.0f ? 1.0f : -1.0f); }
float unwrap_to(float a, float sign) { return sign > 0.0f ? (a < 0.0f ? a + 2.0f * kPi : a) : (a > 0.0f ? a - 2.0f * kPi : a); }

float remap_around(float along, float a_in, float track_side) {
  if (std::cos(a_in) >= 0.0f) return a_in;
  const float sign = half_sign(a_in, track_side);
  const float a = unwrap_to(a_in, sign);
  // Outer half (a > 0): side line at +pi/2; inner half at -pi/2.
  const float side = sign * kHalfPi;
  const float thigh = sign * kPi - a;                                     // mirrored about the side line
  const float calf = side + (a - side) * (kCalfBehind / kHalfPi);         // pressed toward it
  const float w = smooth_step(std::clamp((along - kCalfUpTo) / (kThighFrom - kCalfUpTo), 0.0f, 1.0f));
  const float moved = calf + (thigh - calf) * w;
  return a + (moved - a) * above_heel(along);
}

}  // namespace

float wraps_limb(const FingerPose& pose) {
  return std::clamp(-pose.spread_deg, 0.0f, 1.0f) * std::clamp(pose.palm_touch, 0.0f, 1.0f) *
         (1.0f - std::clamp(pose.heel_touch, 0.0f, 1.0f));
}

float wrap_tilt(const FingerPose& pose) { return std::clamp(pose.abduction_deg / 90.0f, 0.0f, 1.0f); }

LegReach sitting_reach(float along, float around, float roll, float grip, float side, float tilt) {
  const float a = wrap(around);
  LegReach r;
  r.around = remap_around(along, a, side);
  constexpr float kStep = 1e-3f;
  if (std::cos(a) < 0.0f && std::cos(a - kStep) < 0.0f && std::cos(a + kStep) < 0.0f &&
      half_sign(a - kStep, side) == half_sign(a + kStep, side))
    r.d_around = wrap(remap_around(along, a + kStep, side) - remap_around(along, a - kStep, side)) / (2.0f * kStep);
  // Fingers: mirrored on the thigh (the around direction reversed), down the leg on the calf.
  const float behind = smooth_step(std::clamp(-std::cos(a) / kTurnBand, 0.0f, 1.0f)) * above_heel(along);
  const float w = smooth_step(std::clamp((along - kCalfUpTo) / (kThighFrom - kCalfUpTo), 0.0f, 1.0f));
  const float r0 = wrap(roll);
  const float down = r0 >= 0.0f ? kPi : -kPi;  // turn the short way round to the fingers pointing distally
  const float sitting_roll = (-r0) * w + down * (1.0f - w);
  r.roll = r0 + (sitting_roll - r0) * behind;
  // A wrapping hand (calf squeezes) goes round from the front-outer side instead (kWrap...).
  const float g = std::clamp(grip, 0.0f, 1.0f) * (1.0f - w) * behind;
  if (g > 0.0f) {
    const float belly = smooth_step(std::clamp((along - kWrapSlimTo) / (kWrapBellyFrom - kWrapSlimTo), 0.0f, 1.0f));
    const float sign = half_sign(a, side);
    const float around_deg = kWrapSlim.around_deg + (kWrapBelly.around_deg - kWrapSlim.around_deg) * belly;
    const float tilted = kWrapSlim.roll_deg + (kWrapBelly.roll_deg - kWrapSlim.roll_deg) * belly;
    const float roll_deg = kWrapAcross + (tilted - kWrapAcross) * std::clamp(tilt, 0.0f, 1.0f);
    r.around += (sign * around_deg * kDeg - r.around) * g;
    r.roll += (sign * roll_deg * kDeg - r.roll) * g;
    r.d_around *= 1.0f - g;  // the wrapping hand's place round the leg is fixed
  }
  return r;
}

}  // namespace effleura::technique
