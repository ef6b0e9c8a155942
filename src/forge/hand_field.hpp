#pragma once
// The left hand at the bind pose (the right one is its mirror image) as a signed distance (metres, negative inside), modelled
// around the skeleton of technique/hand_rig.hpp, and the skin weights that bind its surface to
// that skeleton. Both derive from the same part frames, so the flesh sits where the bones are.
#include <array>
#include <cstdint>
#include <vector>

#include <glm/vec3.hpp>
#include <glm/vec4.hpp>

#include "forge/shape.hpp"
#include "technique/hand_rig.hpp"

namespace effleura::forge {

struct JointWeights {
  std::array<std::uint8_t, 4> joints{};  // rig part indices (technique::hand_part)
  glm::vec4 weights{0.0f};               // summing exactly to 1, largest first
};

class HandField {
 public:
  HandField();
  [[nodiscard]] float operator()(const glm::vec3& p) const;
  [[nodiscard]] Box bounds() const;
  // At most four joints per point, blending smoothly across each joint of a finger (so a bent
  // knuckle stretches the skin instead of tearing it) and from a finger into the palm.
  [[nodiscard]] JointWeights weights(const glm::vec3& p) const;
  [[nodiscard]] const technique::HandShape& bind() const { return bind_; }

 private:
  struct Segment {
    glm::mat4 to_local{1.0f};  // palm space -> the part's frame
    float length = 0.0f;
    float r0 = 0.0f, r1 = 0.0f;  // across, at start and end
    float flatten = 0.88f;       // through / across
    Chain chain;                 // the round cone in the part's frame, y already divided by flatten
  };
  technique::HandShape bind_;
  std::vector<Ellipsoid> palm_;       // palm body, eminences, heel, knuckles
  std::vector<Chain> wrist_;
  std::array<std::array<Segment, 3>, technique::kFingerCount> fingers_;
  [[nodiscard]] float palm_distance(const glm::vec3& p) const;
  [[nodiscard]] float finger_distance(std::size_t f, const glm::vec3& p) const;
};

}  // namespace effleura::forge
