#include "render/hand_rig.hpp"

#include <glm/ext/matrix_transform.hpp>
#include <glm/trigonometric.hpp>

namespace effleura::render {
namespace {

struct FingerDims {
  float base_x;      // knuckle position across the palm (+X toward the little finger, right hand)
  float base_z;      // knuckle position along the palm
  float lengths[3];  // phalanx lengths, proximal to distal (m)
  float radius;      // proximal phalanx radius (m); each later phalanx is a little thinner
};

// Right hand, palm down, fingers along +Z: the thumb lies on the -X side.
constexpr FingerDims kFingers[5] = {
    {-0.030f, -0.005f, {0.046f, 0.032f, 0.028f}, 0.0105f},  // thumb: metacarpal, proximal, distal
    {-0.027f, 0.050f, {0.042f, 0.025f, 0.020f}, 0.0090f},   // index
    {-0.008f, 0.054f, {0.046f, 0.028f, 0.022f}, 0.0092f},   // middle
    {0.011f, 0.051f, {0.043f, 0.027f, 0.021f}, 0.0087f},    // ring
    {0.028f, 0.044f, {0.034f, 0.020f, 0.018f}, 0.0078f},    // little
};

}  // namespace

HandShape build_hand(const glm::mat4& palm, const technique::FingerPose& pose, Hand hand) {
  HandShape shape;
  // The left hand is the right hand mirrored across X; the mirror flips winding, which the
  // renderer handles by drawing hands without face culling.
  const glm::mat4 side = hand == Hand::left ? glm::scale(glm::mat4(1.0f), glm::vec3(-1.0f, 1.0f, 1.0f)) : glm::mat4(1.0f);
  const glm::mat4 base = palm * side;
  // The palm: a flat capsule resting on the skin (its lower surface at y = 0) from the heel
  // of the hand to the knuckles.
  HandPart& palm_part = shape.parts[0];
  palm_part.frame = glm::translate(base, glm::vec3(0.0f, 0.016f, -0.030f));
  palm_part.length = 0.070f;
  palm_part.radius = {0.040f, 0.016f};
  palm_part.tip = glm::vec3(palm_part.frame * glm::vec4(0.0f, 0.0f, palm_part.length, 1.0f));
  if (hand == Hand::left) palm_part.frame = glm::scale(palm_part.frame, glm::vec3(-1.0f, 1.0f, 1.0f));

  for (std::size_t f = 0; f < 5; ++f) {
    const FingerDims& d = kFingers[f];
    const float spread = (static_cast<float>(f) - 2.0f) * pose.spread_deg;  // fan out about the middle finger
    glm::mat4 joint = glm::translate(base, glm::vec3(d.base_x, 0.014f, d.base_z));
    if (f == 0) {
      // The thumb leaves the palm heel angled out; opposition swings it under the palm.
      joint = glm::rotate(joint, glm::radians(-35.0f - 0.3f * pose.opposition_deg), glm::vec3(0, 1, 0));
      joint = glm::rotate(joint, glm::radians(-(20.0f + pose.opposition_deg)), glm::vec3(0, 0, 1));
    } else {
      joint = glm::rotate(joint, glm::radians(-spread * 0.5f), glm::vec3(0, 1, 0));
    }
    float radius = d.radius;
    for (int j = 0; j < 3; ++j) {
      // Flexion curls toward the palm (-Y): a positive rotation about local +X takes +Z to -Y.
      joint = glm::rotate(joint, glm::radians(pose.flexion[f][static_cast<std::size_t>(j)]), glm::vec3(1, 0, 0));
      HandPart& part = shape.parts[1 + f * 3 + static_cast<std::size_t>(j)];
      // Mirroring made `side` a reflection; the capsule frame must stay rigid and right-handed
      // for the shader, so the left hand's frames are re-handed by flipping local X back.
      part.frame = hand == Hand::left ? glm::scale(joint, glm::vec3(-1.0f, 1.0f, 1.0f)) : joint;
      part.length = d.lengths[j];
      part.radius = {radius, radius * 0.88f};
      joint = glm::translate(joint, glm::vec3(0.0f, 0.0f, d.lengths[j]));
      part.tip = glm::vec3(joint[3]);
      radius *= 0.9f;
    }
  }
  return shape;
}

}  // namespace effleura::render
