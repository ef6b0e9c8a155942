#include "forge/nail_forge.hpp"

#include <cmath>

#include <glm/geometric.hpp>

#include "technique/hand_rig.hpp"

namespace effleura::forge {
namespace {

constexpr glm::vec3 kNailColour{0.86f, 0.66f, 0.60f};
constexpr int kAround = 8, kAcross = 3;  // segments round, and from the edge to each pole

}  // namespace

SkinnedOutMesh forge_nails(Hand hand, const std::vector<SkinJoint>& skeleton) {
  SkinnedOutMesh out;
  out.name = hand == Hand::left ? "nails.left" : "nails.right";
  out.colour = kNailColour;
  out.skeleton = skeleton;
  // Built for the left hand; the right is its mirror image, as the hands are.
  const technique::HandShape bind = technique::build_hand(glm::mat4(1.0f), technique::bind_pose(), Hand::left);
  const float mirror = hand == Hand::left ? 1.0f : -1.0f;
  for (std::size_t f = 0; f < technique::kFingerCount; ++f) {
    const std::size_t part = technique::hand_part(f, 2);
    const technique::HandPart& tip = bind.parts[part];
    // The fingertip's flesh as forge/hand_field.cpp models it: a cone from 0.93 of the rig
    // radius to 0.8 of that at the tip, flattened to 0.86 palm-to-back.
    const float r0 = tip.radius.x * 0.93f;
    const float z = 0.60f * tip.length, r = r0 * (1.0f - 0.2f * z / tip.length);
    const float back = 0.86f * r;
    // A plate 72 % of the finger's width, 45 % of the phalanx long, its crown 0.9 mm proud.
    const glm::vec3 centre(0.0f, back - 0.0004f, z), half(0.72f * r, 0.0013f, 0.45f * tip.length * 0.5f + 0.002f);
    const auto base = static_cast<std::uint32_t>(out.positions.size());
    // An ellipsoid: rings from -Y pole to +Y pole.
    for (int i = 0; i <= kAcross * 2; ++i) {
      const float phi = 3.14159265f * static_cast<float>(i) / static_cast<float>(kAcross * 2);
      for (int j = 0; j < kAround; ++j) {
        const float theta = 2.0f * 3.14159265f * static_cast<float>(j) / static_cast<float>(kAround);
        const glm::vec3 unit(std::sin(phi) * std::cos(theta), -std::cos(phi), std::sin(phi) * std::sin(theta));
        const glm::vec3 local = centre + unit * half;
        const glm::vec3 normal = glm::normalize(unit / half);
        glm::vec3 p(tip.frame * glm::vec4(local, 1.0f)), n(glm::mat3(tip.frame) * normal);
        p.x *= mirror;
        n.x *= mirror;
        out.positions.push_back(p);
        out.normals.push_back(n);
        out.joints.push_back({static_cast<std::uint8_t>(part), 0, 0, 0});
        out.weights.push_back(glm::vec4(1.0f, 0.0f, 0.0f, 0.0f));
      }
    }
    for (int i = 0; i < kAcross * 2; ++i)
      for (int j = 0; j < kAround; ++j) {
        const std::uint32_t a = base + static_cast<std::uint32_t>(i * kAround + j);
        const std::uint32_t b = base + static_cast<std::uint32_t>(i * kAround + (j + 1) % kAround);
        const std::uint32_t c = a + kAround, d = b + kAround;
        // Outward for the left hand (theta runs from +X toward +Z); the mirror reverses it.
        if (hand == Hand::left) out.indices.insert(out.indices.end(), {a, c, b, b, c, d});
        else out.indices.insert(out.indices.end(), {a, b, c, b, d, c});
      }
  }
  return out;
}

}  // namespace effleura::forge
