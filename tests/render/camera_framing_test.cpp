// Foreign models of any size are framed: every corner of a 20 m or a 1 cm model lies between
// the near and far planes and in view, and the model fills a good part of the picture. With
// near/far fixed at 2 cm-50 m, the 20 m model was clipped and the 1 cm one a speck.
#include <doctest/doctest.h>

#include <algorithm>

#include <glm/mat4x4.hpp>
#include <glm/vec4.hpp>

#include "render/camera.hpp"

using namespace effleura;

TEST_CASE("a 20 m and a 1 cm model are framed whole, neither clipped nor a speck") {
  // A 20 m cube (a building from a model library), a 1 cm figure and the leg.
  const anatomy::Bounds boxes[] = {{{-10.0f, 0.0f, -10.0f}, {10.0f, 20.0f, 10.0f}},
                                   {{-0.001f, 0.0f, -0.0012f}, {0.001f, 0.01f, 0.002f}},
                                   {{-0.1f, 0.0f, -0.12f}, {0.1f, 0.95f, 0.2f}}};
  for (const auto& box : boxes) {
    const float height = box.size().y;
    render::Camera camera;
    camera.frame(box);
    const glm::mat4 vp = camera.projection_matrix(16.0f / 9.0f) * camera.view_matrix();
    float lowest = 1.0f, highest = -1.0f;
    for (int corner = 0; corner < 8; ++corner) {
      const glm::vec3 p{corner & 1 ? box.max.x : box.min.x, corner & 2 ? box.max.y : box.min.y,
                        corner & 4 ? box.max.z : box.min.z};
      const glm::vec4 clip = vp * glm::vec4(p, 1.0f);
      CAPTURE(height);
      CAPTURE(corner);
      REQUIRE(clip.w > 0.0f);
      CHECK(clip.z > -clip.w);  // beyond the near plane
      CHECK(clip.z < clip.w);   // before the far plane
      CHECK(std::abs(clip.y / clip.w) <= 1.0f);
      lowest = std::min(lowest, clip.y / clip.w);
      highest = std::max(highest, clip.y / clip.w);
    }
    CAPTURE(height);
    CHECK(highest - lowest > 0.6f);  // over 30% of the picture's height
  }
}
