#pragma once
// A hand that turns with the foot (a palm cupping the heel through ankle pumps) turns at the
// wrist: its forearm keeps the direction it has with the foot at rest, as a therapist's forearm
// stays where it is while the wrist follows the heel, as far as the wrist's range allows. Turned
// with the foot in session 24's trial, the heel hand carried its forearm rigidly with it: the
// sleeve swung 20 degrees toward the client's head (technique_forearm_turn_test: 32 degrees for
// a 30-degree turn lying, 18 sitting; now 2.6 and 6.3).
#include <array>

#include <glm/mat4x4.hpp>

#include "technique/forearm.hpp"

namespace effleura::technique {

// The wrist's range for the turn it takes (degrees; the forearm's direction against the hand's,
// common adult active ranges: physiology.md gives none): bent toward the palm (flexion) and back
// (extension), toward the thumb (radial deviation) and the little finger (ulnar).
inline constexpr float kWristFlexionDeg = 80.0f;
inline constexpr float kWristExtensionDeg = 70.0f;
inline constexpr float kWristRadialDeg = 20.0f;
inline constexpr float kWristUlnarDeg = 30.0f;

// place_forearms (technique/forearm.hpp) for palms that have turned by `turned` with the foot
// (radians about the leg frame's X axis, the ankle's lateral axis, in anatomy::turned_about_x's
// sense; the knee and hip bends turn about the same axis, so it holds for palms on the bent leg
// too). Each forearm is placed for its palm turned back, then drawn from the turned wrist along
// that direction where the wrist's range (above, or the unturned hand's own angle where that is
// beyond it) allows, else along the nearest direction it allows. Turned 0, the same as
// place_forearms. The timeline does not turn hands on the heel yet (README, the heel hand), so
// the app passes no turn.
std::array<Forearm, 2> place_forearms(const std::array<glm::mat4, 2>& palms, const anatomy::LegSurface* surface,
                                      const Stance* stance, const anatomy::LegBend* bend, std::array<bool, 2> pads,
                                      std::array<float, 2> turned);

}  // namespace effleura::technique
