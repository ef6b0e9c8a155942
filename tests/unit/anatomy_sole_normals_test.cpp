// The skin's normals along the sole (forge/leg_forge.cpp soften_sole_normals): seen from toe
// taps' camera, low beyond the toes, the low wall where the medial arch rises from the sole's pad
// is edge on, and the rim light drew it as a thin grey line (sessions 14-15). Its normals now turn
// gently across it; the skin's positions are the same (the hands' fits on the foot stand on them).
#include "shipped_assets.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

#include <glm/geometric.hpp>
#include <glm/trigonometric.hpp>

using namespace effleura;

// Over the sole's medial half (below 3 cm, medial of 1 cm lateral to the leg's axis, from behind
// the heel's middle to behind the ball; the standing leg's frame), the most any vertex's normal
// turns from a neighbour's, per centimetre between them. Session 15's skin: 133 degrees a
// centimetre at the arch's wall (98 at the 99th percentile); now 46.5 (43). A 1 cm radius turns 57.
TEST_CASE("the sole's normals turn gently where the medial arch rises") {
  const anatomy::Mesh& skin = test::shipped_mesh("leg.glb", "skin");
  REQUIRE(skin.normals.size() == skin.positions.size());
  std::vector<std::vector<std::uint32_t>> neighbours(skin.positions.size());
  for (std::size_t t = 0; t + 2 < skin.indices.size(); t += 3)
    for (int c = 0; c < 3; ++c) {
      neighbours[skin.indices[t + c]].push_back(skin.indices[t + (c + 1) % 3]);
      neighbours[skin.indices[t + c]].push_back(skin.indices[t + (c + 2) % 3]);
    }
  float sharpest = 0.0f;
  int zone = 0;
  for (std::size_t v = 0; v < skin.positions.size(); ++v) {
    const glm::vec3 p = skin.positions[v];
    if (p.y >= 0.03f || p.x >= 0.01f || p.z <= -0.05f || p.z >= 0.13f) continue;
    ++zone;
    for (std::uint32_t n : neighbours[v]) {
      const float turn = glm::degrees(std::acos(std::clamp(glm::dot(skin.normals[v], skin.normals[n]), -1.0f, 1.0f)));
      sharpest = std::max(sharpest, turn / (100.0f * glm::length(skin.positions[n] - p)));
    }
  }
  MESSAGE(zone << " sole vertices; the sharpest turn " << sharpest << " degrees a centimetre");
  CHECK(zone >= 500);
  CHECK(sharpest <= 70.0f);
}
