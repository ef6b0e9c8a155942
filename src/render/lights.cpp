#include "render/lights.hpp"

#include <glm/geometric.hpp>

namespace effleura::render {

Lights camera_lights(const glm::mat4& view) {
  // Rows of the view matrix's rotation: the camera's right, up and back (toward the viewer).
  const glm::vec3 right(view[0][0], view[1][0], view[2][0]);
  const glm::vec3 up(view[0][1], view[1][1], view[2][1]);
  const glm::vec3 back(view[0][2], view[1][2], view[2][2]);
  Lights l;
  l.key = glm::normalize(0.38f * back + 0.62f * up + 0.70f * right);
  l.fill = glm::normalize(0.70f * back - 0.65f * right - 0.10f * up);
  l.rim = glm::normalize(-0.75f * back + 0.45f * up - 0.35f * right);
  return l;
}

HandOccluders hand_occluders(const technique::HandShape& shape, const glm::mat4& forearm) {
  HandOccluders out{};
  const technique::HandPart& palm = shape.parts[0];
  // The palm's middle, a little above the skin: its part frame starts at the heel.
  const glm::vec3 palm_mid(palm.frame * glm::vec4(0.0f, 0.0f, 0.5f * palm.length, 1.0f));
  out[0] = glm::vec4(palm_mid, 0.042f);
  for (std::size_t f = 0; f < technique::kFingerCount; ++f) {
    // Each finger as one sphere round its middle phalanx (the thumb's proximal one).
    const technique::HandPart& mid = shape.parts[technique::hand_part(f, 1)];
    const glm::vec3 centre = 0.5f * (glm::vec3(mid.frame[3]) + mid.tip);
    out[1 + f] = glm::vec4(centre, 0.016f);
  }
  if (forearm[3][3] != 0.0f) out[6] = glm::vec4(glm::vec3(forearm * glm::vec4(0.0f, 0.0f, -0.10f, 1.0f)), 0.035f);
  return out;
}

}  // namespace effleura::render
