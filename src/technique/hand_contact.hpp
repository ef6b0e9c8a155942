#pragma once
// How well a posed hand sits on the skin, measured the same way by the tests and by
// `effleura --hand-report`: the share of the surface it means to touch (its pose's `touch`)
// that lies within 3 mm of the dented skin, the deepest any of its flesh lies inside it, and
// how close it comes to the other hand. Plain maths, no GL.
#include <array>
#include <cstddef>
#include <functional>
#include <limits>
#include <string>
#include <vector>

#include "technique/hand_fit.hpp"
#include "technique/timeline.hpp"

namespace effleura::technique {

inline constexpr float kTouchToleranceM = 0.003f;  // a pad within 3 mm of the dented skin touches

struct HandSitting {
  int intended = 0;   // sample points on the parts meant to touch
  int touching = 0;   // of those, within kTouchToleranceM of the dented skin (or inside it)
  float deepest_m = 0.0f;  // most negative distance of any flesh from the dented skin (0: none inside)
  std::size_t deepest_part = 0;  // rig part (hand_rig.hpp) holding that point; 0 the palm
};

// The skin a hand of `frame` works on (leg or sole, dented by its own indentation).
SkinSide skin_under(const anatomy::LegSurface& surface, const TechniqueFrame& frame, const HandState& hand);

HandSitting measure_sitting(const SkinSide& skin, const HandShape& shape, const FingerPose& pose);

// Figures per step of a technique, sampled every `dt` seconds over its whole timeline.
struct HandFigures {
  int pressing_samples = 0;      // moments the hand pressed on the skin
  double contact_share = -1.0;   // mean share of its intended surface touching while pressing; -1: never pressed
  float deepest_mm = 0.0f;       // deepest flesh inside the dented skin (negative), mm
};
struct StepFigures {
  std::string caption;
  double start = 0.0, end = 0.0;
  std::array<HandFigures, 2> hands;  // [0] left, [1] right
  float closest_mm = 0.0f;           // closest approach of the two hands, negative when they overlap
  double visible_share = -1.0;       // moments with both hands visible; -1: not measured
  // Closest approach of the two forearms as drawn (technique/forearm.hpp forearms_gap), negative
  // when they pass into each other, and when; NaN: not measured (--hand-report measures it).
  float forearms_closest_mm = std::numeric_limits<float>::quiet_NaN();
  double forearms_closest_at = 0.0;
  int samples = 0;
};
struct TechniqueFigures {
  std::string id;
  std::vector<StepFigures> steps;
};

// `visible`, when given, says whether both hands are visible at a moment (the app asks its
// camera); without it visible_share stays -1.
using VisibilityTest = std::function<bool(const TechniqueFrame&, const std::array<HandShape, 2>&)>;
TechniqueFigures measure_technique(const Timeline& timeline, const anatomy::LegSurface& surface, double dt,
                                   const VisibilityTest& visible = {});

std::string figures_json(const std::vector<TechniqueFigures>& all);

}  // namespace effleura::technique
