#pragma once
// Shared set-up for the practice tests (practice_rules_test, practice_stroke_test): strokes are
// written on the analytic leg, in degrees around it, and graded against the real areas.toml.
#include <numbers>

#include "technique_test_support.hpp"

#include "anatomy/area_content.hpp"
#include "anatomy/leg_surface.hpp"

namespace effleura::test {

inline constexpr float kDeg = std::numbers::pi_v<float> / 180.0f;

inline const anatomy::LegSurface& leg() {
  static const anatomy::AnalyticLegSurface surface;
  return surface;
}

inline const anatomy::AreaContent& areas() {
  static const anatomy::AreaContent a = [] {
    auto c = anatomy::load_area_content(content_dir() / "areas.toml");
    if (!c) FAIL(c.error().describe());
    return *c;
  }();
  return a;
}

}  // namespace effleura::test
