// The calf seen from behind: an adult's shows the two heads of gastrocnemius side by side in the
// upper calf, the medial one larger and reaching lower, with a shallow furrow between them
// (Gray's Anatomy, surface anatomy of the leg; Netter, Atlas of Human Anatomy, the posterior leg).
// Session 13's skin was fitted round the heads with a wide blend (4.5 cm) and a thick core, so
// its back contour was one even arc at every height: "from behind, the calf reads as a thin
// tube". Checked on the committed skin: across the back of the calf, the furrow between the
// heads lies in front of both heads' backs.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstddef>
#include <limits>

#include <glm/vec3.hpp>

#include "shipped_assets.hpp"

using namespace effleura;

namespace {

// The back-most skin (least z) where the plane y meets the vertical line at x: the back
// contour of the section at that height, read where a column of the picture from behind falls.
float back_z(const anatomy::Mesh& skin, float y, float x) {
  float z = std::numeric_limits<float>::max();
  for (std::size_t t = 0; t + 2 < skin.indices.size(); t += 3) {
    // The triangle's crossing with the plane y (a segment), then that segment's point at x.
    glm::vec3 end[2];
    int n = 0;
    for (int e = 0; e < 3 && n < 2; ++e) {
      const glm::vec3& a = skin.positions[skin.indices[t + e]];
      const glm::vec3& b = skin.positions[skin.indices[t + (e + 1) % 3]];
      if ((a.y < y) != (b.y < y)) end[n++] = a + (b - a) * ((y - a.y) / (b.y - a.y));
    }
    if (n < 2 || (end[0].x < x) == (end[1].x < x)) continue;
    z = std::min(z, end[0].z + (end[1].z - end[0].z) * ((x - end[0].x) / (end[1].x - end[0].x)));
  }
  return z;
}

// How far the furrow between the heads lies in front of the shallower head at height y (m; 0
// or less: no furrow). The heads' bellies (content/anatomy/muscles.toml) lie at x -7 to -3 cm
// (medial) and -0.5 to +3 cm (lateral); the furrow between.
float furrow_depth(const anatomy::Mesh& skin, float y) {
  auto deepest = [&](float from, float to) {  // the back-most point of the contour over [from, to]
    float z = std::numeric_limits<float>::max();
    for (float x = from; x <= to + 1e-4f; x += 0.0025f) z = std::min(z, back_z(skin, y, x));
    return z;
  };
  float furrow = std::numeric_limits<float>::lowest();
  for (float x = -0.03f; x <= -0.005f + 1e-4f; x += 0.0025f) furrow = std::max(furrow, back_z(skin, y, x));
  return furrow - std::max(deepest(-0.07f, -0.03f), deepest(-0.005f, 0.03f));
}

}  // namespace

TEST_CASE("from behind, the calf shows the two gastrocnemius heads with a furrow between them") {
  const anatomy::Mesh& skin = test::shipped_mesh("leg.glb", "skin");
  float deepest = 0.0f;
  for (float y : {0.34f, 0.36f, 0.38f, 0.40f}) {
    const float d = furrow_depth(skin, y);
    MESSAGE("y ", y, " m: the furrow between the heads ", d * 1000.0f, " mm in front of the shallower head");
    deepest = std::max(deepest, d);
  }
  CHECK(deepest >= 0.003f);
}
