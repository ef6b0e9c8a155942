// The atlas's faded structures are drawn farthest first, so the glass of a near one blends over
// a far one (drawn in mesh order, a far one drawn last covered the near one's colour).
#include <doctest/doctest.h>

#include "render/faded_order.hpp"

using namespace effleura::render;

TEST_CASE("faded structures are drawn back to front, solid, hidden and layers off left out") {
  const glm::vec3 eye(0.0f, 0.3f, 1.0f);  // in front of the leg (+Z)
  std::vector<FadedCandidate> c = {
      {{0.0f, 0.3f, 0.05f}, 0.25f, true},   // 0: faded, front of the calf (near)
      {{0.0f, 0.3f, -0.05f}, 0.25f, true},  // 1: faded, back of the calf (far)
      {{0.0f, 0.3f, 0.0f}, 1.0f, true},     // 2: solid: drawn with the opaque ones
      {{0.0f, 0.3f, -0.2f}, 0.0f, true},    // 3: hidden
      {{0.0f, 0.3f, -0.3f}, 0.25f, false},  // 4: its layer is off
      {{0.0f, 0.3f, 0.0f}, 0.25f, true},    // 5: faded, between
  };
  CHECK(faded_back_to_front(c, eye) == std::vector<std::size_t>{1, 5, 0});
  // Seen from behind, the other way round.
  CHECK(faded_back_to_front(c, {0.0f, 0.3f, -1.0f}) == std::vector<std::size_t>{0, 5, 1});
  CHECK(faded_back_to_front({}, eye).empty());
}
