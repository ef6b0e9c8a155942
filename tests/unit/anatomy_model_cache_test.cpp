// The start-up cache of models (anatomy/model_cache.hpp): a warm start must give exactly the
// model a cold start builds, and a damaged cache file must be rebuilt, not trusted.
#include "../support/test_paths.hpp"
#include <doctest/doctest.h>

#include <chrono>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <limits>
#include <vector>

#include "anatomy/leg_surface_cache.hpp"
#include "anatomy/model_cache.hpp"
#include "anatomy/model_loader.hpp"
#include "anatomy/occlusion.hpp"
#include "core/cache_file.hpp"
#include "../support/temp_dir.hpp"
#include "../support/test_models.hpp"

using namespace effleura;
using namespace effleura::anatomy;
namespace fs = std::filesystem;

namespace {

// Field by field (not through the serialiser, which could drop a field on both sides).
void check_same(const Model& a, const Model& b) {
  REQUIRE(a.meshes.size() == b.meshes.size());
  for (std::size_t i = 0; i < a.meshes.size(); ++i) {
    const Mesh& m = a.meshes[i];
    const Mesh& n = b.meshes[i];
    CAPTURE(m.name);
    CHECK(m.name == n.name);
    CHECK(m.label == n.label);
    CHECK(m.layer == n.layer);
    CHECK(m.positions == n.positions);
    CHECK(m.normals == n.normals);
    CHECK(m.indices == n.indices);
    CHECK(m.area_weights == n.area_weights);
    CHECK(m.fibre_dirs == n.fibre_dirs);
    CHECK(m.tendon == n.tendon);
    CHECK(m.ankle_blend == n.ankle_blend);
    CHECK(m.occlusion == n.occlusion);
    CHECK(m.skin.joint_names == n.skin.joint_names);
    CHECK(m.skin.inverse_binds == n.skin.inverse_binds);
    CHECK(m.skin.joints == n.skin.joints);
    CHECK(m.skin.weights == n.skin.weights);
  }
  REQUIRE(a.landmarks.size() == b.landmarks.size());
  for (std::size_t i = 0; i < a.landmarks.size(); ++i) {
    CHECK(a.landmarks[i].name == b.landmarks[i].name);
    CHECK(a.landmarks[i].position == b.landmarks[i].position);
  }
  CHECK(a.source == b.source);
}

}  // namespace

TEST_CASE("model cache: the leg from a warm cache equals the cold import, every field") {
  const fs::path dir = test::temp_dir("model-cache-leg");
  const fs::path leg = fs::path(EFFLEURA_SOURCE_DIR) / "assets" / "leg.glb";
  bool hit = true;
  auto cold = load_model_cached(leg, "leg", 1, add_cavity_occlusion, dir, &hit);
  REQUIRE(cold);
  CHECK_FALSE(hit);
  auto warm = load_model_cached(leg, "leg", 1, add_cavity_occlusion, dir, &hit);
  REQUIRE(warm);
  CHECK(hit);
  // The leg carries every kind of per-vertex data and landmarks: all must come back.
  const Mesh* skin = warm->find("skin");
  REQUIRE(skin);
  CHECK_FALSE(skin->occlusion.empty());
  CHECK_FALSE(skin->area_weights.empty());
  CHECK_FALSE(warm->landmarks.empty());
  check_same(*cold, *warm);
  fs::remove_all(dir);
}

TEST_CASE("model cache: skinned hands round-trip, and a damaged cache file is rebuilt") {
  const fs::path dir = test::temp_dir("model-cache-hands");
  const fs::path hands = fs::path(EFFLEURA_SOURCE_DIR) / "assets" / "hands.glb";
  bool hit = true;
  auto cold = load_model_cached(hands, "hands-test", 1, nullptr, dir, &hit);
  REQUIRE(cold);
  CHECK_FALSE(hit);
  bool skinned = false;
  for (const Mesh& m : cold->meshes) skinned = skinned || !m.skin.empty();
  CHECK(skinned);

  const fs::path file = test::only_file(dir, "hands-test-");
  std::vector<char> bytes;
  {
    std::ifstream in(file, std::ios::binary);
    bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  bytes[bytes.size() / 2] = static_cast<char>(bytes[bytes.size() / 2] ^ 0x01);
  std::ofstream(file, std::ios::binary | std::ios::trunc).write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  auto rebuilt = load_model_cached(hands, "hands-test", 1, nullptr, dir, &hit);
  REQUIRE(rebuilt);
  CHECK_FALSE(hit);
  check_same(*cold, *rebuilt);
  auto warm = load_model_cached(hands, "hands-test", 1, nullptr, dir, &hit);
  REQUIRE(warm);
  CHECK(hit);
  check_same(*cold, *warm);
  // A newer version of the product misses, and replaces the old entry.
  auto newer = load_model_cached(hands, "hands-test", 2, nullptr, dir, &hit);
  REQUIRE(newer);
  CHECK_FALSE(hit);
  CHECK(test::only_file(dir, "hands-test-") != file);
  // A load with a finish step never takes a plain load's entry (a test once stored the plain leg
  // where the app reads the leg with its occlusion, and the goldens lost their shading).
  auto finished = load_model_cached(hands, "hands-test", 2, add_cavity_occlusion, dir, &hit);
  REQUIRE(finished);
  CHECK_FALSE(hit);
  fs::remove_all(dir);
}

TEST_CASE("model cache: a model file touched since its entry was made is imported again") {
  // The file is keyed by its path, size and times (not its bytes): any write gives it new ones.
  const fs::path dir = test::temp_dir("model-cache-touched");
  const fs::path hands = dir / "hands.glb";
  fs::copy_file(fs::path(EFFLEURA_SOURCE_DIR) / "assets" / "hands.glb", hands);
  bool hit = true;
  REQUIRE(load_model_cached(hands, "hands-touched", 1, nullptr, dir, &hit));
  CHECK_FALSE(hit);
  REQUIRE(load_model_cached(hands, "hands-touched", 1, nullptr, dir, &hit));
  CHECK(hit);
  const fs::path entry = test::only_file(dir, "hands-touched-");

  // Touched: same bytes, a new time. Imported again, and its entry replaces the old one.
  fs::last_write_time(hands, fs::last_write_time(hands) + std::chrono::seconds(2));
  auto again = load_model_cached(hands, "hands-touched", 1, nullptr, dir, &hit);
  REQUIRE(again);
  CHECK_FALSE(hit);
  CHECK(test::only_file(dir, "hands-touched-") != entry);
  REQUIRE(load_model_cached(hands, "hands-touched", 1, nullptr, dir, &hit));
  CHECK(hit);

  fs::remove_all(dir);
}

TEST_CASE("model cache: payloads that pass a checksum but do not hold a whole model are refused") {
  const fs::path dir = test::temp_dir("model-cache-lathe");
  test::write_lathe_obj(dir / "lathe.obj");
  auto model = load_model(dir / "lathe.obj");
  REQUIRE(model);
  const auto good = model_to_bytes(*model);
  CHECK(model_from_bytes(good));
  // Every prefix is refused (a sample of cut points).
  for (std::size_t cut = 0; cut < good.size(); cut += 331) CHECK_FALSE(model_from_bytes(std::span(good).first(cut)));
  // An index past the vertices, or normals missing, make the mesh inconsistent.
  Model bad = *model;
  bad.meshes[0].indices[4] = static_cast<std::uint32_t>(bad.meshes[0].positions.size());
  CHECK_FALSE(model_from_bytes(model_to_bytes(bad)));
  bad = *model;
  bad.meshes[0].normals.pop_back();
  CHECK_FALSE(model_from_bytes(model_to_bytes(bad)));
  bad = *model;
  bad.meshes[0].occlusion.assign(3, 1.0f);
  CHECK_FALSE(model_from_bytes(model_to_bytes(bad)));
  // What load_model refuses in a file: a position that is not a number, or no extent at all.
  bad = *model;
  bad.meshes[0].positions[1].y = std::numeric_limits<float>::quiet_NaN();
  CHECK_FALSE(model_from_bytes(model_to_bytes(bad)));
  bad = *model;
  bad.meshes[0].normals[2].x = std::numeric_limits<float>::infinity();
  CHECK_FALSE(model_from_bytes(model_to_bytes(bad)));
  bad = *model;
  for (Mesh& m : bad.meshes)
    for (glm::vec3& p : m.positions) p = glm::vec3(0.1f, 0.2f, 0.3f);
  CHECK_FALSE(model_from_bytes(model_to_bytes(bad)));
  // Extra bytes after the model are not ignored either.
  auto longer = good;
  longer.push_back(0);
  CHECK_FALSE(model_from_bytes(longer));
  fs::remove_all(dir);
}

TEST_CASE("model cache: the leg surface from a warm cache equals the fitted one, and a bad one is refitted") {
  const fs::path dir = test::temp_dir("model-cache-surface");
  auto leg = load_model_cached(fs::path(EFFLEURA_SOURCE_DIR) / "assets" / "leg.glb", "leg-plain-test", 1, nullptr, dir);
  REQUIRE(leg);
  bool hit = true;
  auto cold = build_leg_surface_cached(*leg, dir, &hit);
  REQUIRE(cold);
  CHECK_FALSE(hit);
  auto warm = build_leg_surface_cached(*leg, dir, &hit);
  REQUIRE(warm);
  CHECK(hit);
  CHECK(warm->missed_rays() == cold->missed_rays());
  CHECK(warm->min_along() == cold->min_along());
  CHECK(warm->max_along() == cold->max_along());
  REQUIRE(cold->foot().measured());
  CHECK(warm->foot().sole_heights().size() == cold->foot().sole_heights().size());
  CHECK(warm->foot().floor() == cold->foot().floor());
  // Radii between the grid points and the sole, sampled: bit for bit the same.
  int differ = 0;
  for (float along = cold->min_along(); along < cold->max_along(); along += 0.0137f)
    for (float around = 0.0f; around < 6.28f; around += 0.31f)
      differ += cold->radius(along, around) != warm->radius(along, around) ? 1 : 0;
  for (float u = 0.0f; u <= 1.0f; u += 0.05f)
    for (float v = -1.0f; v <= 1.0f; v += 0.2f)
      differ += cold->foot_point(u, v, 10.0f) != warm->foot_point(u, v, 10.0f) ? 1 : 0;
  // The heel's sections and turn shares (stored since cache version 2).
  REQUIRE(cold->heel().measured());
  REQUIRE(warm->heel().measured());
  for (float y = 0.0f; y < HeelShape::kTurnTop; y += 0.0071f)
    for (float around = 0.0f; around < 6.28f; around += 0.31f)
      differ += cold->heel().radius(y, around) != warm->heel().radius(y, around) ||
                        cold->heel().turn_share(y, around) != warm->heel().turn_share(y, around)
                    ? 1
                    : 0;
  CHECK(differ == 0);
  // Another skin (one vertex moved) is another key.
  Model moved = *leg;
  for (Mesh& m : moved.meshes)
    if (m.layer == Layer::skin) m.positions[0].x += 0.001f;
  REQUIRE(build_leg_surface_cached(moved, dir, &hit));
  CHECK_FALSE(hit);
  // Grids that pass a checksum but are not whole are refused.
  const auto good = cold->to_bytes();
  CHECK(MeshLegSurface::from_bytes(good));
  CHECK_FALSE(MeshLegSurface::from_bytes(std::span(good).first(good.size() - 4)));
  auto bad = good;
  const float nan = std::nanf("");
  std::memcpy(bad.data() + 4 * sizeof(float) + sizeof(std::uint64_t) + 4, &nan, sizeof nan);  // a radius
  CHECK_FALSE(MeshLegSurface::from_bytes(bad));
  fs::remove_all(dir);
}
