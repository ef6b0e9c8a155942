#pragma once
// Where a hand can reach a sitting client's leg. Sitting (anatomy/client_pose.hpp: hips and
// knees at 90 degrees at the table's end) the back of the thigh lies on the seat and the back
// of the hanging calf faces the table's end a finger's breadth away: content written for a
// lying client works there, so sitting its hands went between thigh and table top and behind
// the calf under the table's edge. This moves a contact behind the leg's side line to where a
// therapist beside the sitting client works instead. Plain maths, no state.

#include <cmath>

#include "technique/pose.hpp"

namespace effleura::technique {

struct LegReach {
  float around = 0.0f;  // radians, 0 front, pi/2 outer side (as Keyframe::b)
  float roll = 0.0f;    // radians, fingers turned from proximal toward increasing around
  float d_around = 1.0f;  // d(around out) / d(around in), for the stroke's speed
};

// `along` in metres on the standing leg (knee ~0.49). In front of the side line nothing
// changes. Behind it, on the thigh the contact is mirrored onto the top (172 -> 8 degrees: the
// quadriceps, worked as the hamstrings were, the fingers mirrored); on the calf it moves to
// the side of its own half, just behind the side line (172 -> 104: the outer calf muscle
// still clear of the table), the fingers turned down the hanging leg toward the foot (the
// forearm then comes from above; with the fingers round the back the fingertips met the
// table's end, toward the shin the forearm ran into it). Across the knee the two blend, and
// the closer a contact lies to the side line the less it moves, so a hand gliding round the
// leg never jumps (one passing across the calf's back must choose a side: `side` below).
// Below the ankle (the heel, hanging well under the table top) nothing changes either.
// `grip` (0..1, wraps_limb of the hand's pose): a hand wrapping the calf goes round from in
// front instead, its palm on the front-outer side and its fingers round the back (see
// sitting_reach.cpp, kWrapSlim and kWrapBelly).
// `side` (+1 outer, -1 inner, 0 the contact's own): the half a contact behind the side lines
// goes to. Each contact on its own half, a hand passing the back line jumped from one side of
// the calf to the other, turning 140-175 degrees in 20 ms (petrissage sitting: at every
// kneading cycle, 28 samples in its first 14 s); a stroke kept to one half (track_side) does not.
// `tilt` (0..1, wrap_tilt of the pose): how far a wrapping hand's fingers tilt along the leg
// from straight across it (sitting_reach.cpp kWrapAcross).
[[nodiscard]] LegReach sitting_reach(float along, float around, float roll, float grip = 0.0f, float side = 0.0f,
                                     float tilt = 1.0f);

// How much a pose wraps the limb (0..1): fingers drawn together (spread -1 or below: wrap-grip,
// kneading-grip) round it with the palm resting, not a cupped hand. Until session 28 it was
// -spread / 3, so compression's kneading-grip (spread -1) went a third of the way round: its
// fingers still pointed two thirds down the hanging leg, and the upper hand's fingers lay over
// the lower hand's palm 12 cm below (overlapping 18-21 mm sitting).
[[nodiscard]] float wraps_limb(const FingerPose& pose);
// How far a wrapping hand's fingers tilt along the leg (0 straight across, 1 as calf squeezes'
// hands): the thumb's abduction over 90 degrees, the wide thumb the tilt keeps clear.
[[nodiscard]] float wrap_tilt(const FingerPose& pose);

// The half (+1 outer, -1 inner) a hand whose keyframes lie at `arounds` (radians) keeps to
// sitting: 0 (each contact its own) unless all of them lie behind the side lines, on both sides
// of the back line (petrissage's kneading, 160-195 degrees); then the half the hand was on as
// the step began (`from`, 0 when it began in front), or else where they lie on the whole (the
// mean of their sines). A stroke that also comes round to the front keeps each contact's own
// half: it must leave the back through the side line on that half.
template <class Range>
float track_side(const Range& arounds, float from) {
  bool outer = false, inner = false;
  float sum = 0.0f;
  for (const float a : arounds) {
    if (std::cos(a) >= 0.0f) return 0.0f;
    const float s = std::sin(a);
    (s > 0.0f ? outer : inner) = true;
    sum += s;
  }
  if (!(outer && inner)) return 0.0f;
  if (from != 0.0f) return from;
  return sum >= 0.0f ? 1.0f : -1.0f;
}

// The half a hand ends a step on, for the next step's track_side: its last keyframe's (by the
// track's side where it has one), 0 in front of the side lines.
inline float end_side(float last_around, float side) {
  if (std::cos(last_around) >= 0.0f) return 0.0f;
  return side != 0.0f ? side : (std::sin(last_around) > 0.0f ? 1.0f : -1.0f);
}

}  // namespace effleura::technique
