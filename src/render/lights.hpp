#pragma once
// The lights travel with the camera, as a photographer's do: a key from above and to one
// side of the viewer, a softer fill from the other side, and a rim from behind the subject
// that outlines it against the dark background. With lights fixed in the world the back of
// the leg, where most techniques work, was lit only by the fill and looked flat and dark.
// Plain maths (no GL): the renderer passes these to shaders/model.frag.
#include <array>

#include <glm/mat4x4.hpp>
#include <glm/vec3.hpp>
#include <glm/vec4.hpp>

#include "technique/hand_rig.hpp"

namespace effleura::render {

struct Lights {
  glm::vec3 key{0.0f, 1.0f, 0.0f};   // unit vectors toward each light, world space
  glm::vec3 fill{0.0f, 1.0f, 0.0f};
  glm::vec3 rim{0.0f, 1.0f, 0.0f};
};

// From a view matrix (world -> eye): the same lighting whichever way the camera looks.
Lights camera_lights(const glm::mat4& view);

// Spheres (xyz centre, w radius) standing in for a hand, to shade the skin beneath it
// softly (shaders/model.vert, uOccluders): the palm, the four fingers and the thumb, and the
// forearm's middle (none when `forearm` is the zero matrix).
inline constexpr int kOccludersPerHand = 7;
using HandOccluders = std::array<glm::vec4, kOccludersPerHand>;
HandOccluders hand_occluders(const technique::HandShape& shape, const glm::mat4& forearm);

}  // namespace effleura::render
