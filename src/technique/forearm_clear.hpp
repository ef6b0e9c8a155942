#pragma once
// A forearm's direction kept within the wrist's range, and swung clear of the skin and the table
// top (place_forearms, technique/forearm.cpp). Internal to the forearm's placing; plain maths.
#include <glm/mat4x4.hpp>
#include <glm/vec3.hpp>

namespace effleura::anatomy {
class LegSurface;
struct LegBend;
}  // namespace effleura::anatomy

namespace effleura::technique {

struct Stance;

// Directions are in the hand's frame (mirrored for the right hand): +Y out of the back of the
// hand, -Z from the wrist toward the elbow of a straight wrist.
// `d` (unit) rising at least `least_y` off the back of the hand and behind the wrist.
[[nodiscard]] glm::vec3 within_wrist_range(glm::vec3 d, float least_y = 0.30f);
// The direction within the wrist's range nearest `d` (unit): behind the wrist by at least as
// much as within_wrist_range asks, the rest of d kept in proportion.
[[nodiscard]] glm::vec3 nearest_in_wrist_range(glm::vec3 d, float least_y = 0.30f);

// One forearm being settled: its hand's frame as aimed (`base`, mirrored for the right hand), its
// wrist (the leg's frame), how far it must rise off the back of the hand, and whether the hand is
// on its finger pads.
struct Settling {
  glm::mat4 base;
  glm::vec3 wrist;
  float least_y;
  bool pads;
};

// `local` (a forearm's direction in the hand's frame) swung out until the forearm clears the skin
// of `surface` (bent by `bend` where given) and lifted until its sleeve clears the table top of
// `stance`; either may be null.
[[nodiscard]] glm::vec3 settled(glm::vec3 local, const Settling& arm, const anatomy::LegSurface* surface, const Stance* stance,
                                const anatomy::LegBend* bend);

}  // namespace effleura::technique
