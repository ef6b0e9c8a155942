#pragma once
// Where along a path a gap first crosses the skin, as a quantity that moves continuously with the
// gap. A root (the first opening at which the ball of the thumb clears the skin, the first curl at
// which its pad meets it) jumps wherever the gap runs nearly level along the path: petrissage's
// left thumb on the front of the thigh opened its ball over a stretch of 35 degrees that all lay
// within 0.6 mm of the skin, and as the skin sank 0.3 mm in 5 ms the root jumped 30 degrees and
// the thumb's joints turned 40 degrees (session 27). This counts instead how much of the path lies
// before the crossing, each stretch softly: wholly where the gap is `band` on the near side of the
// skin, not at all where it is `band` past it, smoothly between. Plain maths, no GL.
#include <span>

namespace effleura::technique {

// `h` sampled at the ascending path positions `s` (as many), taken linear between them; the
// crossing is where h rises through 0 (for a gap that closes, pass minus the gap). Returns s[0]
// plus the length of path over which the highest h so far lies below 0, each point weighted
// 1 - smooth_step((H + band) / (2 band)) of that highest H. So:
//  - where h crosses 0 steeply (over less than the band) this is the root itself, exactly for an h
//    linear over the band (the weight falls as much above the root as it stays below it);
//  - a stretch lying near 0 counts by how near, so as it rises or sinks the result moves through
//    it gradually instead of jumping across it;
//  - once h has crossed by `band`, what follows does not count (a closing pad that meets the
//    skin and then curls away from it stops at the first meeting, as a root does);
//  - h below -band all the way gives s.back().
// Continuous in every h[i]. `band` > 0 (m, as h); s and h of the same size, at least 1.
float soft_first_crossing(std::span<const float> s, std::span<const float> h, float band);

}  // namespace effleura::technique
