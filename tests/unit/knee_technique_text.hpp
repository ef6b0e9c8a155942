#pragma once
// A small technique for the knee-keyframe tests (technique_knee_test, app_client_knee_test): two
// steps on the back of the calf (the client lies prone for them); the first, 2 s twice, bends
// the knee from straight to 90 degrees at 1 s and back; the second leaves the knee alone.
#include <doctest/doctest.h>

#include "technique/technique_loader.hpp"
#include "technique_test_support.hpp"

namespace effleura::test {

inline constexpr const char* kKneeTechnique = R"(name = "Knee test"
summary = "A technique for testing knee keyframes."
areas = ["calves"]
direction = "toward-heart"
pressure = "light"
pressure_mmhg = 20
tempo = 10
repetitions = 3
views = ["back"]
cautions = ["none"]
evidence = "Shoemaker 1997"

[[step]]
caption = "Knee bent"
attend = "a"
duration = 2.0
repeat = 2
left = [
  { t = 0.0, along = 0.2, around = 190, pose = "flat-palm", pressure = 10 },
  { t = 2.0, along = 0.2, around = 190, pose = "flat-palm", pressure = 10 },
]
right = [
  { t = 0.0, along = 0.2, around = 170, pose = "flat-palm", pressure = 10 },
  { t = 2.0, along = 0.2, around = 170, pose = "flat-palm", pressure = 10 },
]
knee = [
  { t = 0.0, angle = 0 },
  { t = 1.0, angle = 90 },
  { t = 2.0, angle = 0 },
]

[[step]]
caption = "Knee as it lies"
attend = "a"
duration = 2.0
left = [
  { t = 0.0, along = 0.2, around = 190, pose = "flat-palm", pressure = 10 },
  { t = 2.0, along = 0.2, around = 190, pose = "flat-palm", pressure = 10 },
]
right = [
  { t = 0.0, along = 0.2, around = 170, pose = "flat-palm", pressure = 10 },
  { t = 2.0, along = 0.2, around = 170, pose = "flat-palm", pressure = 10 },
]
)";

// kKneeTechnique parsed with the shipped poses, once; the calling test stops (REQUIRE) where it
// does not load, naming why.
inline const technique::Technique& knee_technique() {
  static const auto loaded = technique::load_technique_string(kKneeTechnique, "knee.toml", real_poses());
  REQUIRE_MESSAGE(loaded.has_value(), (loaded ? "" : loaded.error().describe()));
  return *loaded;
}

}  // namespace effleura::test
