#include "render/hand_sight.hpp"

#include <cmath>

#include <glm/vec4.hpp>

#include "technique/forearm.hpp"

namespace effleura::render {

Rod sleeve_rod(const glm::mat4& leg_to_room, const glm::mat4& forearm) {
  return {glm::vec3(leg_to_room * forearm * glm::vec4(0.0f, 0.0f, -0.03f, 1.0f)),
          glm::vec3(leg_to_room * forearm * glm::vec4(0.0f, 0.0f, -technique::kForearmLength, 1.0f)), kSleeveRadius};
}

std::vector<Rod> sleeve_rods(const FrameView& view) {
  std::vector<Rod> rods;
  for (const auto& hand : view.hands) rods.push_back(sleeve_rod(view.leg_to_room, hand.forearm));
  return rods;
}

glm::vec3 palm_centre(const FrameView& view, std::size_t hand) { return palm_centre(view.leg_to_room, view.hands[hand].shape); }

glm::vec3 palm_centre(const glm::mat4& leg_to_room, const technique::HandShape& shape) {
  const auto& palm = shape.parts[0];
  return glm::vec3(leg_to_room * palm.frame * glm::vec4(0.0f, 0.02f, 0.5f * palm.length, 1.0f));
}

bool in_picture(const glm::mat4& view_projection, const glm::vec3& p) {
  const glm::vec4 clip = view_projection * glm::vec4(p, 1.0f);
  return clip.w > 1e-4f && std::abs(clip.x) <= clip.w && std::abs(clip.y) <= clip.w;
}

}  // namespace effleura::render
