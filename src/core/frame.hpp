#pragma once
// The one coordinate frame every layer shares (metres, right-handed, glTF's +Y up):
//   +Y up, the floor at y = 0 (the subject stands; postures rotate the whole leg later);
//   +Z anterior (the toes point +Z); +X lateral. In a right-handed frame with +Y up and +Z
//   forward, +X is the person's LEFT (right = forward x up = -X), so the model is a LEFT leg
//   and +X is its outside: seen from the front its big toe is on the viewer's left.
// Leg-surface coordinates: `along` is the height y in metres on the default standing leg;
// `around` is the angle in radians in the horizontal plane, measured from anterior (+Z)
// toward lateral (+X): 0 front, pi/2 outer side, pi back, 3pi/2 inner side.
#include <glm/vec3.hpp>

namespace effleura::frame {

inline constexpr glm::vec3 kUp{0.0f, 1.0f, 0.0f};
inline constexpr glm::vec3 kAnterior{0.0f, 0.0f, 1.0f};
inline constexpr glm::vec3 kLateral{1.0f, 0.0f, 0.0f};

// Default adult (stature 1.75 m) joint centres; content/anatomy/ is the authority once
// loaded, these are the shared defaults that keep independent modules aligned.
inline constexpr float kStature = 1.75f;
inline constexpr glm::vec3 kHipCentre{0.0f, 0.91f, 0.0f};
inline constexpr glm::vec3 kKneeCentre{-0.02f, 0.49f, 0.0f};
inline constexpr glm::vec3 kAnkleCentre{-0.02f, 0.08f, -0.01f};

}  // namespace effleura::frame
