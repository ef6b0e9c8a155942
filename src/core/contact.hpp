#pragma once
// A hand's contact with the skin at one instant: what the technique engine produces and the
// flow model, the skin indentation and the trail consume. Plain data, no behaviour.
#include <glm/vec3.hpp>
#include <vector>

namespace effleura {

enum class Hand { left, right };

struct ContactPatch {
  Hand hand = Hand::right;
  glm::vec3 point{0.0f};        // on the skin, world metres (core/frame.hpp)
  glm::vec3 normal{0.0f, 0.0f, 1.0f};  // outward skin normal at the point
  float along = 0.0f;           // leg-surface coordinates of the point (core/frame.hpp)
  float around = 0.0f;
  float radius_m = 0.04f;       // radius of the pressed patch
  float pressure_mmhg = 0.0f;   // mean pressure over the patch
  glm::vec3 velocity{0.0f};     // of the hand over the skin, m/s (direction of the stroke)
};

using Contacts = std::vector<ContactPatch>;

}  // namespace effleura
