// The skin in bands along the leg (render/skin_groups.hpp): the bands hold every triangle once,
// their spheres hold their vertices however the foot turns, and a band the finer reach test
// leaves out is one the skin's tissue lines (shaders/model.vert) leave where it was. No GL.
#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <numeric>
#include <random>
#include <vector>

#include <glm/geometric.hpp>
#include <glm/trigonometric.hpp>

#include "render/skin_groups.hpp"
#include "render/vertex_reach.hpp"
#include "../support/shader_mirror.hpp"

using namespace effleura;
using test::capsule_u;
using test::shadow_fade;

namespace {

glm::vec3 random_in_box(std::mt19937& rng, glm::vec3 lo, glm::vec3 hi) {
  std::uniform_real_distribution<float> u(0.0f, 1.0f);
  return lo + glm::vec3(u(rng), u(rng), u(rng)) * (hi - lo);
}

// A leg-sized cloud of triangles (x, z across, y along the leg), the lowest 15 cm turning with
// the foot.
struct Cloud {
  std::vector<glm::vec3> positions;
  std::vector<std::uint32_t> indices;
  std::vector<float> ankle;
};

Cloud cloud(std::mt19937& rng, std::size_t vertices, std::size_t triangles) {
  Cloud c;
  for (std::size_t i = 0; i < vertices; ++i)
    c.positions.push_back(random_in_box(rng, {-0.08f, 0.0f, -0.08f}, {0.08f, 0.95f, 0.2f}));
  // Neighbouring numbers lie at neighbouring heights, so each triangle is small; the triangles
  // themselves come in random order.
  std::sort(c.positions.begin(), c.positions.end(), [](glm::vec3 a, glm::vec3 b) { return a.y < b.y; });
  for (const glm::vec3& p : c.positions) c.ankle.push_back(std::clamp((0.15f - p.y) / 0.1f, 0.0f, 1.0f));
  for (std::size_t t = 0; t < triangles; ++t) {
    const auto v = static_cast<std::uint32_t>(rng() % vertices);
    c.indices.insert(c.indices.end(), {v, static_cast<std::uint32_t>((v + 1 + rng() % 7) % vertices),
                                       static_cast<std::uint32_t>((v + 2 + rng() % 11) % vertices)});
  }
  return c;
}

// shaders/model.vert's turn of the foot.
glm::vec3 turned(glm::vec3 p, float blend, float ankle_deg, glm::vec3 centre) {
  const float phi = glm::radians(ankle_deg) * blend, c = std::cos(phi), s = std::sin(phi);
  const glm::vec3 q = p - centre;
  return centre + glm::vec3(q.x, q.y * c + q.z * s, -q.y * s + q.z * c);
}

}  // namespace

TEST_CASE("the skin's bands hold every triangle once, in order up the leg, each inside its sphere as the foot turns") {
  std::mt19937 rng(3);
  const Cloud c = cloud(rng, 3000, 4800);
  const glm::vec3 ankle(-0.02f, 0.08f, -0.01f);
  const render::SkinGroups g = render::build_skin_groups(c.positions, c.indices, c.ankle, ankle);
  REQUIRE(g.groups.size() == render::kSkinGroups);
  REQUIRE(g.indices.size() == c.indices.size());
  // The same triangles (each with its corners in their own order, so faces keep their side).
  auto triangles = [](const std::vector<std::uint32_t>& idx) {
    std::vector<std::array<std::uint32_t, 3>> t;
    for (std::size_t i = 0; i + 2 < idx.size(); i += 3) t.push_back({idx[i], idx[i + 1], idx[i + 2]});
    std::sort(t.begin(), t.end());
    return t;
  };
  CHECK(triangles(g.indices) == triangles(c.indices));
  // Exactly: equal slices of the triangles ranked by the sum of their corners' heights (ties in
  // the mesh's order), each slice in the mesh's order. Also with heights in 5 cm steps, where
  // most triangles tie with others.
  Cloud stepped = c;
  for (glm::vec3& p : stepped.positions) p.y = std::round(p.y * 20.0f) / 20.0f;
  for (const Cloud* m : std::array<const Cloud*, 2>{&c, &stepped}) {
    const std::size_t n = m->indices.size() / 3;
    auto height = [&](std::uint32_t t) {
      return m->positions[m->indices[3 * t]].y + m->positions[m->indices[3 * t + 1]].y + m->positions[m->indices[3 * t + 2]].y;
    };
    std::vector<std::uint32_t> ranked(n);
    std::iota(ranked.begin(), ranked.end(), 0u);
    std::stable_sort(ranked.begin(), ranked.end(), [&](std::uint32_t a, std::uint32_t b) { return height(a) < height(b); });
    std::vector<std::uint32_t> expected;
    for (std::size_t band = 0; band < render::kSkinGroups; ++band) {
      std::vector<std::uint32_t> slice(ranked.begin() + static_cast<std::ptrdiff_t>(n * band / render::kSkinGroups),
                                       ranked.begin() + static_cast<std::ptrdiff_t>(n * (band + 1) / render::kSkinGroups));
      std::sort(slice.begin(), slice.end());
      for (std::uint32_t t : slice) expected.insert(expected.end(), {m->indices[3 * t], m->indices[3 * t + 1], m->indices[3 * t + 2]});
    }
    CHECK(render::build_skin_groups(m->positions, m->indices, m->ankle, ankle).indices == expected);
  }
  std::uint32_t next = 0;
  float last_top = -1e9f;
  for (const render::SkinGroup& group : g.groups) {
    CHECK(group.first == next);  // back to back, none empty
    CHECK(group.count > 0);
    CHECK(group.count % 3 == 0);
    next = group.first + group.count;
    float bottom = 1e9f, top = -1e9f;
    for (std::uint32_t i = group.first; i < group.first + group.count; i += 3) {
      float h = 0.0f;
      for (std::uint32_t k = 0; k < 3; ++k) h += c.positions[g.indices[i + k]].y;
      bottom = std::min(bottom, h);
      top = std::max(top, h);
    }
    CHECK(bottom >= last_top);  // bands follow each other up the leg
    last_top = top;
    for (float deg : {-40.0f, -10.0f, 0.0f, 25.0f, 45.0f}) {
      const glm::vec4 s = render::group_sphere(group, deg);
      for (std::uint32_t i = group.first; i < group.first + group.count; ++i) {
        const std::uint32_t v = g.indices[i];
        REQUIRE(glm::length(turned(c.positions[v], c.ankle[v], deg, ankle) - glm::vec3(s)) <= s.w);
      }
    }
  }
  CHECK(next == g.indices.size());
  // The bands are narrow: on this cloud about 4 cm of its 95 each.
  CHECK(g.groups[render::kSkinGroups / 2].radius < 0.2f);
  CHECK(render::build_skin_groups(c.positions, std::span(c.indices).first(9), c.ankle, ankle).groups.empty());
}

TEST_CASE("a band the finer reach leaves out is untouched by every capsule, shadow and dent, and it leaves out more than the hand's sphere") {
  std::mt19937 rng(17);
  int plain = 0, kept = 0, finer = 0;
  for (int trial = 0; trial < 40; ++trial) {
    technique::TissueShape tissue{};
    const glm::vec3 at = random_in_box(rng, {-0.1f, 0.1f, -0.1f}, {0.1f, 0.9f, 0.1f});
    // A hand lying across the leg: 9 capsules along x, ~2 cm each side of `at` along y.
    for (std::size_t c = 0; c < 9; ++c) {
      tissue.hands[0][c].a = at + random_in_box(rng, {-0.09f, -0.02f, -0.01f}, {0.09f, 0.02f, 0.01f});
      tissue.hands[0][c].b = tissue.hands[0][c].a + random_in_box(rng, {-0.01f, -0.01f, -0.01f}, {0.01f, 0.01f, 0.01f});
      tissue.hands[0][c].radius = 0.008f;
    }
    tissue.dents[0] = {at + random_in_box(rng, glm::vec3(-0.03f), glm::vec3(0.03f)), 0.03f, 0.004f, glm::vec3(0.0f, 0.0f, 1.0f)};
    std::array<glm::vec4, 14> shadows{};
    shadows[0] = glm::vec4(at + glm::vec3(0.0f, 0.0f, 0.03f), 0.04f);
    shadows[1] = glm::vec4(at + glm::vec3(0.06f, 0.01f, 0.03f), 0.02f);
    const glm::vec3 centre = at + random_in_box(rng, {-0.05f, -0.5f, -0.05f}, {0.05f, 0.5f, 0.05f});
    const float radius = 0.02f + 0.1f * static_cast<float>(rng() % 100) / 100.0f;
    if (render::tissue_reaches_finely(tissue, shadows, centre, radius)) {
      ++kept;
      continue;
    }
    ++plain;
    if (render::tissue_reaches(render::tissue_reach(tissue, shadows), centre, radius)) ++finer;
    for (int k = 0; k < 100; ++k) {
      std::normal_distribution<float> n(0.0f, 1.0f);
      const glm::vec3 p = centre + radius * static_cast<float>(rng() % 101) / 100.0f * glm::normalize(glm::vec3(n(rng), n(rng), n(rng)));
      for (std::size_t c = 0; c < 9; ++c) REQUIRE(capsule_u(p, tissue.hands[0][c]) >= render::kHandFarM);
      for (const glm::vec4& o : shadows)
        if (o.w > 0.0f) REQUIRE(shadow_fade(p, o) == 0.0f);
      const glm::vec3 rel = p - tissue.dents[0].centre;
      REQUIRE(std::exp(-2.0f * glm::dot(rel, rel) / (0.03f * 0.03f)) < 2e-8f);
    }
  }
  CHECK(plain > 5);  // both answers came up (fixed seed)
  CHECK(kept > 5);
  CHECK(finer > 0);  // bands the one sphere per hand would have kept
  // Beside a capsule's end, within HAND_FAR: kept.
  technique::TissueShape one{};
  one.hands[1][0] = {glm::vec3(0.0f, 0.5f, 0.0f), glm::vec3(0.0f, 0.5f, 0.1f), 0.01f};
  const std::array<glm::vec4, 1> none{};
  const float far = render::kHandFarM;
  CHECK(render::tissue_reaches_finely(one, none, glm::vec3(0.0f, 0.5f + 0.01f + far - 0.01f + 0.05f, 0.0f), 0.05f));
  CHECK_FALSE(render::tissue_reaches_finely(one, none, glm::vec3(0.0f, 0.5f + 0.01f + far + 0.001f + 0.05f, 0.0f), 0.05f));
}
