// The skin's coarse level (render/skin_lod.hpp), measured on the shipped skin: far fewer
// triangles, a surface within a few millimetres of the full one both ways, the areas' borders
// kept vertex for vertex and each area's surface kept; and drawn only when nothing presses the
// skin. No GL.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <map>
#include <set>
#include <tuple>

#include <glm/geometric.hpp>

#include "../support/temp_dir.hpp"
#include "render/skin_lod.hpp"
#include "shipped_assets.hpp"
#include "../support/closest_on_triangle.hpp"

using namespace effleura;

namespace {

const render::SkinGeometry& skin() {
  static const render::SkinGeometry g = [] {
    const Expected<anatomy::Model>& model = test::shipped_model("leg.glb");
    if (!model) FAIL(model.error().describe());
    return render::skin_geometry(*model);
  }();
  return g;
}

const render::CoarseMesh& coarse() {
  static const render::CoarseMesh c = render::build_skin_lod(skin());
  return c;
}

// Distances from points to a triangle list, through a grid of cells `reach` wide: a point
// farther than `reach` from every triangle reads as `reach` (the bounds checked are smaller).
class TriangleGrid {
 public:
  TriangleGrid(const std::vector<glm::vec3>& positions, const std::vector<std::uint32_t>& indices, float reach)
      : positions_(positions), indices_(indices), reach_(reach) {
    for (std::uint32_t t = 0; 3 * t + 2 < indices.size(); ++t) {
      glm::vec3 lo = positions[indices[3 * t]], hi = lo;
      for (int k = 1; k < 3; ++k) lo = glm::min(lo, positions[indices[3 * t + k]]), hi = glm::max(hi, positions[indices[3 * t + k]]);
      const Cell a = cell(lo - reach), b = cell(hi + reach);
      for (int x = std::get<0>(a); x <= std::get<0>(b); ++x)
        for (int y = std::get<1>(a); y <= std::get<1>(b); ++y)
          for (int z = std::get<2>(a); z <= std::get<2>(b); ++z) cells_[{x, y, z}].push_back(t);
    }
  }
  [[nodiscard]] float distance(const glm::vec3& p) const {
    float best = reach_;
    const auto it = cells_.find(cell(p));
    if (it == cells_.end()) return best;
    for (std::uint32_t t : it->second) {
      const glm::vec3 q = test::closest_on_triangle(p, positions_[indices_[3 * t]], positions_[indices_[3 * t + 1]],
                                              positions_[indices_[3 * t + 2]]);
      best = std::min(best, glm::length(p - q));
    }
    return best;
  }

 private:
  using Cell = std::tuple<int, int, int>;
  [[nodiscard]] Cell cell(const glm::vec3& p) const {
    return {static_cast<int>(std::floor(p.x / reach_)), static_cast<int>(std::floor(p.y / reach_)),
            static_cast<int>(std::floor(p.z / reach_))};
  }
  const std::vector<glm::vec3>& positions_;
  const std::vector<std::uint32_t>& indices_;
  float reach_;
  std::map<Cell, std::vector<std::uint32_t>> cells_;
};

float triangle_area_m2(const std::vector<glm::vec3>& p, const std::vector<std::uint32_t>& idx, std::size_t t) {
  return 0.5f * glm::length(glm::cross(p[idx[3 * t + 1]] - p[idx[3 * t]], p[idx[3 * t + 2]] - p[idx[3 * t]]));
}

}  // namespace

TEST_CASE("the skin's coarse level has a tenth of the triangles and stays within 4.5 mm of the full skin") {
  const render::SkinGeometry& full = skin();
  REQUIRE(full.indices.size() > 3 * 40000);  // the shipped skin: 47,996 triangles
  const render::CoarseMesh& c = coarse();
  REQUIRE_FALSE(c.indices.empty());
  const std::size_t full_tris = full.indices.size() / 3, coarse_tris = c.indices.size() / 3;
  MESSAGE("skin " << full_tris << " -> " << coarse_tris << " triangles, estimated error " << c.error_m * 1000.0f << " mm");
  CHECK(10 * coarse_tris <= full_tris);
  CHECK(c.error_m > 0.0f);
  CHECK(c.error_m <= render::kSkinLodErrorM);
  // Both ways, measured on the surfaces: every vertex of the full skin to the coarse surface,
  // and every coarse triangle's centre (where a flat triangle sags most) to the full surface.
  // Measured on the shipped skin: 47,996 -> 3,294 triangles; full skin to coarse at most 4.04 mm
  // (meshoptimizer's estimate 1.98 mm), coarse centres to the full skin 3.11 mm. The same every
  // run (no sampling), so the bound sits just above the worse figure.
  constexpr float kBoundM = 0.0045f;
  const TriangleGrid coarse_grid(full.positions, c.indices, 0.01f), full_grid(full.positions, full.indices, 0.01f);
  float worst_in = 0.0f, worst_out = 0.0f;
  std::set<std::uint32_t> used(full.indices.begin(), full.indices.end());
  for (std::uint32_t v : used) worst_in = std::max(worst_in, coarse_grid.distance(full.positions[v]));
  for (std::size_t t = 0; 3 * t + 2 < c.indices.size(); ++t) {
    const glm::vec3 centre =
        (full.positions[c.indices[3 * t]] + full.positions[c.indices[3 * t + 1]] + full.positions[c.indices[3 * t + 2]]) / 3.0f;
    worst_out = std::max(worst_out, full_grid.distance(centre));
  }
  MESSAGE("full skin to coarse " << worst_in * 1000.0f << " mm, coarse centres to full skin " << worst_out * 1000.0f << " mm");
  CHECK(worst_in <= kBoundM);
  CHECK(worst_out <= kBoundM);
}

TEST_CASE("the coarse skin keeps the borders between areas vertex for vertex and each area's surface") {
  const render::SkinGeometry& full = skin();
  REQUIRE(full.areas.size() == full.positions.size());
  const render::CoarseMesh& c = coarse();
  REQUIRE_FALSE(c.indices.empty());
  // A vertex on a border: its triangles lie in more than one area.
  std::vector<std::size_t> area_of(full.positions.size(), anatomy::kAreaCount + 1);
  std::set<std::uint32_t> border;
  for (std::size_t t = 0; 3 * t + 2 < full.indices.size(); ++t) {
    const std::size_t a = render::triangle_area(full, t);
    for (int k = 0; k < 3; ++k) {
      const std::uint32_t v = full.indices[3 * t + k];
      if (area_of[v] == anatomy::kAreaCount + 1) area_of[v] = a;
      else if (area_of[v] != a) border.insert(v);
    }
  }
  REQUIRE(border.size() > 100);
  const std::set<std::uint32_t> kept(c.indices.begin(), c.indices.end());
  std::size_t lost = 0;
  for (std::uint32_t v : border) lost += kept.count(v) == 0 ? 1 : 0;
  MESSAGE(border.size() << " border vertices, " << lost << " not in the coarse level; " << kept.size() << " vertices used");
  CHECK(lost == 0);
  // Each area's surface (triangles by their corners' weights, as the highlight reads them).
  render::SkinGeometry coarse_geometry{full.positions, c.indices, full.areas};
  std::array<double, anatomy::kAreaCount + 1> full_m2{}, coarse_m2{};
  for (std::size_t t = 0; 3 * t + 2 < full.indices.size(); ++t)
    full_m2[render::triangle_area(full, t)] += triangle_area_m2(full.positions, full.indices, t);
  for (std::size_t t = 0; 3 * t + 2 < c.indices.size(); ++t)
    coarse_m2[render::triangle_area(coarse_geometry, t)] += triangle_area_m2(full.positions, c.indices, t);
  for (std::size_t a = 0; a < anatomy::kAreaCount; ++a) {
    CAPTURE(a);
    REQUIRE(full_m2[a] > 0.0);
    // Measured: within 2.5 % (0.3-2.5) until session 15; on the skin over the calf's bellies
    // (re-forged, session 15) the popliteal area (5) 3.6 %, so the bound is 4 %.
    CHECK(std::abs(coarse_m2[a] / full_m2[a] - 1.0) < 0.04);
  }
}

TEST_CASE("the coarse skin stands in only when no hand is drawn and no dent or fold moves the skin") {
  render::FrameView view;
  CHECK(render::skin_at_rest(view));
  view.hands[1].visible = true;
  CHECK_FALSE(render::skin_at_rest(view));
  view.hands[1].visible = false;
  view.tissue.dents[0] = {glm::vec3(0.0f, 0.3f, 0.05f), 0.04f, 0.002f, glm::vec3(0.0f, 0.0f, 1.0f)};  // refilling
  CHECK_FALSE(render::skin_at_rest(view));
  view.tissue.dents[0].depth = 0.0f;
  CHECK(render::skin_at_rest(view));
  view.tissue.dents[2] = {glm::vec3(0.0f, 0.3f, 0.05f), 0.05f, -0.004f, glm::vec3(0.0f, 0.0f, 1.0f)};  // a fold
  CHECK_FALSE(render::skin_at_rest(view));
  view.tissue.dents[2].depth = 0.0f;
  view.tissue.hands[0][0].radius = 0.01f;  // a palm's flesh, the hand itself not drawn
  CHECK_FALSE(render::skin_at_rest(view));
}

TEST_CASE("the desktop draws a finer skin only see-through and at rest, the page its own level at rest") {
  using render::SkinLevel;
  // Desktop: a hand or a dent on the skin, or an opaque skin, keeps every triangle.
  CHECK(render::skin_level(false, true, false) == SkinLevel::full);
  CHECK(render::skin_level(true, false, false) == SkinLevel::full);
  CHECK(render::skin_level(false, false, false) == SkinLevel::full);
  CHECK(render::skin_level(true, true, false) == SkinLevel::coarse_if_fine);
  // The page: its coarse level whenever the skin is at rest, opaque or not.
  CHECK(render::skin_level(true, false, true) == SkinLevel::coarse);
  CHECK(render::skin_level(true, true, true) == SkinLevel::coarse);
  CHECK(render::skin_level(false, true, true) == SkinLevel::full);
}

TEST_CASE("the desktop's finer skin level halves the triangles within 1 mm, and is kept in the start-up cache") {
  const render::SkinGeometry& full = skin();
  const test::TempDir dir("effleura-skin-lod");
  bool cached = true;
  const render::CoarseMesh fine = render::build_skin_lod_cached(full, render::kFineSkinLodErrorM, dir.path, &cached);
  CHECK_FALSE(cached);
  REQUIRE_FALSE(fine.indices.empty());
  const std::size_t full_tris = full.indices.size() / 3, fine_tris = fine.indices.size() / 3;
  MESSAGE("skin " << full_tris << " -> " << fine_tris << " triangles (finer level), estimated error "
                  << fine.error_m * 1000.0f << " mm");
  CHECK(2 * fine_tris <= full_tris);
  CHECK(fine_tris > coarse().indices.size() / 3);  // finer than the page's level
  CHECK(fine.error_m > 0.0f);
  CHECK(fine.error_m <= render::kFineSkinLodErrorM);

  const auto same = [&](const render::CoarseMesh& got) {
    CHECK(got.indices == fine.indices);
    CHECK(got.error_m == fine.error_m);
  };
  same(render::build_skin_lod_cached(full, render::kFineSkinLodErrorM, dir.path, &cached));
  CHECK(cached);
  // Another error allowed is another key: the stored level never answers for it.
  (void)render::build_skin_lod_cached(full, 2.0f * render::kFineSkinLodErrorM, dir.path, &cached);
  CHECK_FALSE(cached);

  // A flipped byte in a stored level fails the file's checksum: rebuilt, the same level.
  for (const auto& e : std::filesystem::directory_iterator(dir.path)) test::flip_byte_near_end(e.path());
  same(render::build_skin_lod_cached(full, render::kFineSkinLodErrorM, dir.path, &cached));
  CHECK_FALSE(cached);
}
