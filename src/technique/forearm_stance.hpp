#pragma once
// Where the therapist stands, for place_forearms (technique/forearm.cpp): sitting, how far each
// hand is worked from in front of the client rather than from beside the table, and how a
// forearm's wanted direction is kept from swinging across the wrist on the hanging calf. (The
// Stance itself, and the stance beside the table, are declared in technique/forearm.hpp.)
// Internal to the forearm's placing; plain maths.
#include <array>

#include <glm/mat4x4.hpp>
#include <glm/vec3.hpp>

namespace effleura::anatomy {
class LegSurface;
struct LegBend;
}  // namespace effleura::anatomy

namespace effleura::technique {

struct Stance;

// A palm this far below the leg's lowest section (metres, fully) is on the foot, not the leg:
// sitting it takes no share of the place in front of the client, and lying a hand beside it is
// worked from the foot end (place_forearms, kHeelOpenSide).
inline constexpr float kBesideFootBelow = 0.02f;

// Sitting, from in front of the client the forearm rises this much (sine: 44 degrees) whatever
// the table's height: at 0.34 (20 degrees) the sitting elbows' worst swing was 45.6 degrees
// beyond the hand's turn (tapotement 13.66 s; bound 40), at 0.5 35.0, at 0.7 32.3
// (technique_forearm_test).
inline constexpr float kFrontRise = 0.7f;

// Sitting, each hand's share of the place in front of the client (0 beside the table, up to the
// stance's in_front), and that place's way from the leg, level.
struct SittingFront {
  std::array<float, 2> in_front{0.0f, 0.0f};
  glm::vec3 way{0.0f, 0.0f, 1.0f};
  // Each palm's share below the leg's lowest section (0 on the leg, 1 kBesideFootBelow or more
  // below it, on the straight leg): on the foot. place_forearms gives a hand on the leg beside
  // one there (ankle pumps' heel hand beside the sole hand) the whole front share.
  std::array<float, 2> below_leg{0.0f, 0.0f};
};
// `palms` on the bent leg as drawn (HandState::transform), `bend` the sitting bend.
[[nodiscard]] SittingFront sitting_front(const std::array<glm::mat4, 2>& palms, const anatomy::LegSurface& surface,
                                         const Stance& stance, const anatomy::LegBend& bend);

// Sitting, `wanted` (a forearm direction in the hand's frame, +Z toward the fingers) with its
// sideways part faded as it comes round ahead of the wrist, for a hand on the leg (`palm` as
// drawn) worked `in_front` from in front of the client.
[[nodiscard]] glm::vec3 sitting_sideways_faded(glm::vec3 wanted, const glm::mat4& palm, const anatomy::LegSurface& surface,
                                               const anatomy::LegBend& bend, float in_front);

}  // namespace effleura::technique
