#include <doctest/doctest.h>

#include <cmath>

#include "anatomy/occlusion.hpp"

using namespace effleura::anatomy;

namespace {
// A 9x9 grid (wide enough that its open border, which looks like a hollow, does not reach the
// centre through the two smoothing passes) in the xz plane with normals +Y, bent into a bowl (curvature > 0), left flat
// (0) or bent into a dome (< 0).
Mesh grid(float curvature) {
  Mesh m;
  m.layer = Layer::skin;
  for (int z = 0; z < 9; ++z)
    for (int x = 0; x < 9; ++x) {
      const float dx = 0.01f * float(x - 4), dz = 0.01f * float(z - 4);
      const float y = curvature * (dx * dx + dz * dz);
      m.positions.push_back({0.01f * float(x), y, 0.01f * float(z)});
      m.normals.push_back({0.0f, 1.0f, 0.0f});
    }
  for (std::uint32_t z = 0; z < 8; ++z)
    for (std::uint32_t x = 0; x < 8; ++x) {
      const std::uint32_t a = z * 9 + x;
      m.indices.insert(m.indices.end(), {a, a + 9, a + 1, a + 1, a + 9, a + 10});
    }
  return m;
}
}  // namespace

TEST_CASE("a hollow is occluded, flat and raised skin is not") {
  const auto hollow = cavity_occlusion(grid(20.0f));
  const auto flat = cavity_occlusion(grid(0.0f));
  const auto dome = cavity_occlusion(grid(-20.0f));
  CHECK(hollow[40] < 0.85f);
  CHECK(flat[40] == doctest::Approx(1.0f));
  CHECK(dome[40] == doctest::Approx(1.0f));
  for (float v : hollow) {
    CHECK(v >= 0.45f);
    CHECK(v <= 1.0f);
  }
}

TEST_CASE("only skin meshes get occlusion") {
  Model model;
  model.meshes.push_back(grid(20.0f));
  model.meshes.push_back(grid(20.0f));
  model.meshes[1].layer = Layer::muscle;
  add_cavity_occlusion(model);
  CHECK(model.meshes[0].occlusion.size() == 81);
  CHECK(model.meshes[1].occlusion.empty());
}
