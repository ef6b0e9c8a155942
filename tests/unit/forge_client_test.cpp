// assets/client.glb end to end: the forge is deterministic, every part is a closed surface,
// and the hip drape hides the massaged leg's flat cuts at the top of the thigh and at the
// midline. That the committed file is what the forge builds, byte for byte, is checked once, by
// the program a user runs (tests/cli/forge_cli_test.cpp, effleura-forge --part client --check).
#include "../support/test_paths.hpp"
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <cmath>
#include <utility>

#include "anatomy/client_pose.hpp"
#include "anatomy/model_loader.hpp"
#include "forge/client_forge.hpp"
#include "forge/client_shapes.hpp"
#include "forge/mesh_tools.hpp"
#include "../support/sanitizer.hpp"
#include "solid_parity.hpp"

using namespace effleura;
namespace fs = std::filesystem;

namespace {

const fs::path kAsset = EFFLEURA_SOURCE_DIR + "/assets/client.glb";

const anatomy::Model& committed() {
  static const anatomy::Model model = [] {
    auto m = anatomy::load_model(kAsset);
    REQUIRE_MESSAGE(m.has_value(), (m ? "" : m.error().describe()));
    return std::move(*m);
  }();
  return model;
}

}  // namespace

TEST_CASE("two coarse client forges give the same bytes") {
  forge::ClientForgeOptions o;
  o.content_dir = EFFLEURA_SOURCE_DIR + "/content";
  o.coarseness = 3.0f;
  auto a = forge::forge_client_glb(o), b = forge::forge_client_glb(o);
  REQUIRE_MESSAGE(a.has_value(), (a ? "" : a.error().describe()));
  REQUIRE(b.has_value());
  CHECK(*a == *b);
}

TEST_CASE("the client asset holds a body, its arms, the other leg, drapes and the table, each closed") {
  const char* names[] = {"client.body", "client.head", "client.arm-left", "client.arm-right", "client.leg-right", "drape.hips",
                         "drape.leg-right", "table.top", "table.frame", "table.bolster-knees", "table.bolster-ankles",
                         "table.wedge", "table.pillow"};
  std::size_t total = 0;
  for (const char* name : names) {
    CAPTURE(name);
    const anatomy::Mesh* m = committed().find(name);
    REQUIRE(m != nullptr);
    forge::TriMesh mesh{m->positions, m->indices};
    CHECK(forge::non_manifold_edges(mesh) == 0);
    CHECK(mesh.triangle_count() >= 300);
    total += mesh.triangle_count();
  }
  // Drawn every frame beside the ~150,000-triangle leg by a software rasteriser: kept small.
  CHECK(total < 50000);
}

TEST_CASE("only the other leg turns at an ankle: its foot fully, its shank not at all") {
  const anatomy::Mesh* leg = committed().find("client.leg-right");
  REQUIRE(leg != nullptr);
  REQUIRE(leg->ankle_blend.size() == leg->positions.size());
  for (std::size_t i = 0; i < leg->positions.size(); ++i) {
    const glm::vec3& p = leg->positions[i];
    CAPTURE(p.y);
    if (p.y < 0.03f) CHECK(leg->ankle_blend[i] == doctest::Approx(1.0f));  // the sole
    if (p.y > 0.17f) CHECK(leg->ankle_blend[i] == 0.0f);                   // the shank
  }
  for (const char* name : {"client.body", "client.arm-left", "drape.leg-right"}) {
    const anatomy::Mesh* m = committed().find(name);
    REQUIRE(m != nullptr);
    CHECK(std::all_of(m->ankle_blend.begin(), m->ankle_blend.end(), [](float w) { return w == 0.0f; }));
  }
}

TEST_CASE("the table is a massage table: its top at 0.70 m with a face hole at the head end") {
  const anatomy::Mesh* top = committed().find("table.top");
  REQUIRE(top != nullptr);
  float max_y = -1.0f, min_x = 9.0f, max_x = -9.0f;
  bool hole_rim = false;
  for (const auto& p : top->positions) {
    max_y = std::max(max_y, p.y);
    min_x = std::min(min_x, p.x);
    max_x = std::max(max_x, p.x);
    // Vertices inside the outline of the top, on the rim of the oval hole.
    const float q = std::hypot((p.x - anatomy::Table::kFaceHoleX) / anatomy::Table::kFaceHoleHalfLength, p.z / anatomy::Table::kFaceHoleHalfWidth);
    if (q < 1.1f && p.y > anatomy::Table::kTopY - 0.05f) hole_rim = true;
  }
  CHECK(max_y == doctest::Approx(anatomy::Table::kTopY).epsilon(0.01));
  CHECK(max_x - min_x == doctest::Approx(anatomy::Table::kLength).epsilon(0.02));
  CHECK(hole_rim);
  // The hole is open: no vertex of the top lies at its centre.
  const bool filled = std::any_of(top->positions.begin(), top->positions.end(), [](const glm::vec3& p) {
    return std::hypot(p.x - anatomy::Table::kFaceHoleX, p.z) < 0.03f;
  });
  CHECK_FALSE(filled);
}

TEST_CASE("the hip drape covers the leg's cut across the top of the thigh and along the midline") {
  const fs::path leg_path = EFFLEURA_SOURCE_DIR + "/assets/leg.glb";
  auto leg = anatomy::load_model(leg_path);
  REQUIRE_MESSAGE(leg.has_value(), (leg ? "" : leg.error().describe()));
  const anatomy::Mesh* skin = leg->find("skin");
  REQUIRE(skin != nullptr);
  float top = -1.0f;
  for (const auto& p : skin->positions) top = std::max(top, p.y);
  std::size_t near_cut = 0, uncovered = 0;
  for (const auto& p : skin->positions) {
    // Within 4 cm of the top cut, or on the inner cut above the crotch (0.835 m up to the midline).
    const bool top_cut = p.y > top - 0.04f;
    const bool inner_cut = p.x < anatomy::kMidlineX + 0.004f && p.y > 0.86f;
    if (!top_cut && !inner_cut) continue;
    ++near_cut;
    if (forge::hip_drape_distance(p) >= 0.0f) ++uncovered;
  }
  CHECK(near_cut > 100);
  CHECK(uncovered == 0);
}

TEST_CASE("the client's body has an adult's proportions") {
  // Segment heights and breadths as fractions of stature H, from Drillis and Contini (1966, the
  // segment-length diagram in Winter's Biomechanics and Motor Control of Human Movement): stature
  // 1.75 m; shoulder (biacromial) breadth 0.259 H, hip breadth 0.191 H, wrist height 0.485 H,
  // fingertip height 0.377 H (so the hand is 0.108 H long), foot length 0.152 H, foot breadth
  // 0.055 H. Ranges: those figures +-10 % (adults differ). Hip breadth over the buttocks' soft
  // tissue runs wider than Drillis and Contini's: about 0.20-0.21 H for the mean adult in the US
  // Army's ANSUR II survey (Gordon et al. 2014: ~35 cm men, ~37 cm women), so 0.17-0.23 H.
  // Measured on the committed meshes in the body's frame (standing, +Y up from the floor).
  auto extent = [](const char* name, int axis, float y_lo, float y_hi) {
    const anatomy::Mesh* m = committed().find(name);
    REQUIRE(m != nullptr);
    float lo = 1e9f, hi = -1e9f;
    for (const auto& p : m->positions)
      if (p.y >= y_lo && p.y <= y_hi) lo = std::min(lo, p[axis]), hi = std::max(hi, p[axis]);
    REQUIRE(hi > lo);
    return std::pair{lo, hi};
  };
  // Stature: the top of the head (its own mesh since session 15).
  const float stature = extent("client.head", 1, 0.0f, 9.0f).second;
  CHECK(stature == doctest::Approx(1.75f).epsilon(0.03));
  const float h = 1.75f;
  auto within = [h](float measured, float fraction) {
    CAPTURE(measured / h);
    CHECK(measured / h >= 0.9f * fraction);
    CHECK(measured / h <= 1.1f * fraction);
  };
  const auto shoulders = extent("client.body", 0, 1.36f, 1.47f);
  within(shoulders.second - shoulders.first, 0.259f);
  // The pelvis: the body holds its right half and the middle; its left half is the detailed
  // leg's hip (x > 0 is inside the leg), so twice the right half's reach from the midline.
  const auto hips = extent("client.body", 0, 0.85f, 1.0f);
  const float hip_breadth = 2.0f * (anatomy::kMidlineX - hips.first) / h;
  CAPTURE(hip_breadth);
  CHECK(hip_breadth >= 0.17f);
  CHECK(hip_breadth <= 0.23f);
  // The hand: from the wrist (0.485 H, where the shape puts it) to the lowest fingertip.
  const float fingertip = extent("client.arm-left", 1, 0.0f, 9.0f).first;
  within(fingertip, 0.377f);
  within(0.485f * h - fingertip, 0.108f);
  // The other foot, its sole on the floor. Since session 21 it is the massaged leg's own foot
  // mirrored (forge_client_foot_test), whose sole is 10.6 cm across the ball and 10.8 cm at its
  // widest (0.062 H, assets/leg.glb): 12 % over Drillis and Contini's 0.055 H, so the breadth
  // takes up to 15 % over (the ellipsoid foot before it was 0.052 H).
  const auto foot_length = extent("client.leg-right", 2, 0.0f, 0.03f);
  within(foot_length.second - foot_length.first, 0.152f);
  const auto foot_breadth = extent("client.leg-right", 0, 0.0f, 0.03f);
  CHECK((foot_breadth.second - foot_breadth.first) / h >= 0.9f * 0.055f);
  CHECK((foot_breadth.second - foot_breadth.first) / h <= 1.15f * 0.055f);
}

// Walking, a thin dark strip showed along the hip drape's edge behind the swung buttock: the
// sheet stood 8 mm off the body to its very edge, and its cut edge, an 8 mm band facing down,
// tilted toward a camera behind as the hip folded. The hem now comes in to 2 mm off the body
// over its last 4 cm (client_shapes.cpp hip_drape_distance). On the committed meshes: the
// sheet's outer side at its edge (1 cm below and 3 mm in lies outside the drape: the cut), and
// how deep beneath it the body or a leg begins (stepped 2 mm at a time). Where they lie within
// 14 mm (not where the sheet bridges the crotch or the small of the back), the old hem had them
// 10-14 mm beneath (8 mm of gap and the meshes' error), 13 of 85 within 8 mm; the tapered hem 38
// of 68 (every 4th vertex, as the sanitized pass samples: 3 of 25 and 10 of 16), and with the
// sheet's back split finer (client_part_seam) 69 of 104.
TEST_CASE("the hip drape's hem lies on the body, its cut edge no longer an 8 mm band") {
  auto leg = anatomy::load_model(EFFLEURA_SOURCE_DIR + "/assets/leg.glb");
  auto client = anatomy::load_model(EFFLEURA_SOURCE_DIR + "/assets/client.glb");
  REQUIRE_MESSAGE(leg.has_value(), (leg ? "" : leg.error().describe()));
  REQUIRE_MESSAGE(client.has_value(), (client ? "" : client.error().describe()));
  const anatomy::Mesh* skin = leg->find("skin");
  const anatomy::Mesh* body = client->find("client.body");
  const anatomy::Mesh* right = client->find("client.leg-right");
  const anatomy::Mesh* drape = client->find("drape.hips");
  REQUIRE((skin && body && right && drape));
  REQUIRE(drape->normals.size() == drape->positions.size());
  const test::Solid in_skin(*skin), in_body(*body), in_right(*right);
  int near = 0, close = 0;
  for (std::size_t i = 0; i < drape->positions.size(); i += test::kSanitizedStride) {
    const glm::vec3& p = drape->positions[i];
    const glm::vec3& n = drape->normals[i];
    if (std::abs(n.y) > 0.5f || p.y > 1.1f) continue;  // the sheet's side, below the waist
    if (forge::hip_drape_distance(p - 0.003f * n - glm::vec3(0.0f, 0.01f, 0.0f)) < 0.0f) continue;  // not at the edge
    for (int mm = 2; mm <= 14; mm += 2) {
      const glm::vec3 q = p - 0.001f * static_cast<float>(mm) * n;
      if (!(in_skin.inside(q) || in_body.inside(q) || in_right.inside(q))) continue;
      ++near;
      close += mm <= 8;
      break;
    }
  }
  MESSAGE("hem vertices with the body within 14 mm beneath: " << near << ", within 8 mm: " << close);
  REQUIRE(near > 40 / test::kSanitizedStride);
  CHECK(close > 0.4 * near);  // measured 0.56 (stride 4: 0.63), now 0.66; the old hem 0.15 (0.12)
}
