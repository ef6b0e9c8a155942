#include "app/client_view.hpp"

#include <glm/mat4x4.hpp>
#include <glm/matrix.hpp>
#include <glm/vec4.hpp>

namespace effleura::app {

std::optional<anatomy::Bounds> client_part_box(const anatomy::Model& client_model, std::string_view name,
                                               const anatomy::ClientPose& pose) {
  const anatomy::Mesh* mesh = client_model.find(std::string(name));
  if (!mesh || mesh->positions.empty()) return std::nullopt;
  // The part's frame -> room -> the leg's frame.
  const glm::mat4 to_leg = glm::inverse(pose.left_leg) * anatomy::client_part_frame(name, pose);
  anatomy::Bounds box{glm::vec3(1e9f), glm::vec3(-1e9f)};
  for (const glm::vec3& p : mesh->positions) {
    const glm::vec3 q(to_leg * glm::vec4(p, 1.0f));
    box.min = glm::min(box.min, q);
    box.max = glm::max(box.max, q);
  }
  return box;
}

}  // namespace effleura::app
