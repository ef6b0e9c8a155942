// Levels of detail (render/mesh_lod.hpp): fewer triangles, a surface that stays within the
// error it reports, and a choice that keeps that error under a pixel. No GL.
#include <doctest/doctest.h>

#include <cmath>
#include <filesystem>

#include <glm/geometric.hpp>

#include "../support/temp_dir.hpp"
#include "core/cache_file.hpp"
#include "render/mesh_lod.hpp"

using namespace effleura;

namespace {

// A finely tessellated sphere of radius r (as many triangles as a calf muscle's mesh).
render::MeshGeometry sphere(float r, int rings, int segments) {
  render::MeshGeometry g;
  for (int i = 0; i <= rings; ++i)
    for (int j = 0; j <= segments; ++j) {
      const float t = 3.14159265f * float(i) / float(rings), p = 6.2831853f * float(j) / float(segments);
      g.positions.push_back(r * glm::vec3(std::sin(t) * std::cos(p), std::cos(t), std::sin(t) * std::sin(p)));
    }
  auto at = [&](int i, int j) { return static_cast<std::uint32_t>(i * (segments + 1) + j); };
  for (int i = 0; i < rings; ++i)
    for (int j = 0; j < segments; ++j) {
      g.indices.insert(g.indices.end(), {at(i, j), at(i + 1, j), at(i + 1, j + 1)});
      g.indices.insert(g.indices.end(), {at(i, j), at(i + 1, j + 1), at(i, j + 1)});
    }
  return g;
}

}  // namespace

TEST_CASE("a fine sphere gets a coarse level with fewer triangles that stays within its reported error") {
  const float r = 0.05f;  // m: a muscle's size
  const render::MeshGeometry g = sphere(r, 96, 192);
  const auto coarse = render::build_coarse_meshes({g});
  REQUIRE(coarse.size() == 1);
  const auto& c = coarse[0];
  REQUIRE_FALSE(c.indices.empty());
  CHECK(3 * c.indices.size() <= 2 * g.indices.size());  // at least a third fewer
  CHECK(c.error_m > 0.0f);
  CHECK(c.error_m < 0.01f * r * 2.0f);                  // under 1 % of the size: a fine level
  // Every coarse triangle's centre lies within the reported error of the true surface (the
  // centre of a flat triangle is where it sags most from the sphere).
  float worst = 0.0f;
  for (std::size_t i = 0; i + 2 < c.indices.size(); i += 3) {
    const glm::vec3 centre = (g.positions[c.indices[i]] + g.positions[c.indices[i + 1]] + g.positions[c.indices[i + 2]]) / 3.0f;
    worst = std::max(worst, r - glm::length(centre));
  }
  CHECK(worst > 0.0f);
  CHECK(worst <= c.error_m);
  // Built again from the same geometry: the same level (a cache keyed by the geometry).
  const auto again = render::build_coarse_meshes({g});
  CHECK(again[0].indices == c.indices);
}

TEST_CASE("the coarse level is drawn only where its error covers under a pixel") {
  // 1 mm of error, 1000 px to a metre at one metre: 2 px at 0.5 m, half a pixel at 2 m.
  CHECK_FALSE(render::coarse_is_fine(0.001f, 0.5f, 1000.0f));
  CHECK(render::coarse_is_fine(0.001f, 2.0f, 1000.0f));
  CHECK_FALSE(render::coarse_is_fine(0.001f, 0.0f, 1000.0f));  // the eye inside the mesh's sphere
}

TEST_CASE("the skin, hands and drapes keep every triangle, inner layers and the client get levels") {
  CHECK_FALSE(render::wants_lod(anatomy::Layer::skin, "skin"));
  CHECK_FALSE(render::wants_lod(anatomy::Layer::hand, "hand.left"));
  CHECK_FALSE(render::wants_lod(anatomy::Layer::other, "drape.hips"));
  CHECK(render::wants_lod(anatomy::Layer::muscle, "muscle.soleus"));
  CHECK(render::wants_lod(anatomy::Layer::other, "client.body"));
  anatomy::Model model;
  anatomy::Mesh skin;
  skin.name = "skin";
  skin.layer = anatomy::Layer::skin;
  const render::MeshGeometry g = sphere(0.05f, 32, 64);
  skin.positions = g.positions;
  skin.indices = g.indices;
  model.meshes.push_back(skin);
  const auto geometry = render::lod_geometry(model);
  REQUIRE(geometry.size() == 1);
  CHECK(geometry[0].indices.empty());
  CHECK(render::build_coarse_meshes(geometry)[0].indices.empty());
}

TEST_CASE("coarse levels are kept in the start-up cache: read back equal, and a damaged or unfitting file is rebuilt") {
  const test::TempDir dir("effleura-lod");
  const std::vector<render::MeshGeometry> meshes{sphere(0.05f, 48, 96), {}, sphere(0.03f, 32, 64)};
  bool cached = true;
  const auto built = render::build_coarse_meshes_cached(meshes, "lod-test", dir.path, &cached);
  CHECK_FALSE(cached);
  REQUIRE(built.size() == 3);
  CHECK_FALSE(built[0].indices.empty());
  CHECK(built[1].indices.empty());  // no geometry, no level
  const auto same = [&](const std::vector<render::CoarseMesh>& got) {
    REQUIRE(got.size() == built.size());
    for (std::size_t i = 0; i < got.size(); ++i) {
      CHECK(got[i].indices == built[i].indices);
      CHECK(got[i].error_m == built[i].error_m);
    }
  };
  const auto again = render::build_coarse_meshes_cached(meshes, "lod-test", dir.path, &cached);
  CHECK(cached);
  same(again);

  // Another mesh is another key: the stored levels never answer for it.
  std::vector<render::MeshGeometry> moved = meshes;
  moved[2].positions[5].x += 0.001f;
  (void)render::build_coarse_meshes_cached(moved, "lod-test", dir.path, &cached);
  CHECK_FALSE(cached);
  (void)render::build_coarse_meshes_cached(meshes, "lod-test", dir.path, &cached);  // stored again
  CHECK_FALSE(cached);

  // A flipped byte in the stored levels fails the file's checksum: rebuilt, the same levels.
  std::filesystem::path file;
  for (const auto& e : std::filesystem::directory_iterator(dir.path)) file = e.path();
  REQUIRE_FALSE(file.empty());
  test::flip_byte_near_end(file);
  same(render::build_coarse_meshes_cached(meshes, "lod-test", dir.path, &cached));
  CHECK_FALSE(cached);

  // No cache folder: built, nothing stored.
  same(render::build_coarse_meshes_cached(meshes, "lod-test", std::nullopt, &cached));
  CHECK_FALSE(cached);
}
