#pragma once
// The order the atlas's faded (see-through) structures are drawn in: farthest from the eye
// first, so each one's glass blends over those behind it. Drawn in mesh order instead, a near
// faded muscle drawn before a far one would be covered by it (no depth is written for glass).
// No GL: the renderer draws in this order, tests check it.
#include <cstddef>
#include <vector>

#include <glm/vec3.hpp>

namespace effleura::render {

struct FadedCandidate {
  glm::vec3 centre{0.0f};  // the structure's centre, in the same frame as the eye
  float opacity = 1.0f;    // the atlas's: 0 hidden, 1 solid, between: faded
  bool drawn = true;       // its layer is on and it is one of the layers faded here
};

// Indices of the faded candidates (0 < opacity < 1, drawn), farthest from `eye` first.
[[nodiscard]] std::vector<std::size_t> faded_back_to_front(const std::vector<FadedCandidate>& candidates, const glm::vec3& eye);

}  // namespace effleura::render
