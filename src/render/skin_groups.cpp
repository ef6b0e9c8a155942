#include "render/skin_groups.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <utility>
#include <numeric>

#include <glm/common.hpp>
#include <glm/geometric.hpp>
#include <glm/trigonometric.hpp>

#include "render/vertex_reach.hpp"

namespace effleura::render {
namespace {

// Float rounding in the shader's distances: a reach a hair wider, never narrower.
constexpr float kSlackM = 1e-4f;

float segment_distance(const glm::vec3& p, const glm::vec3& a, const glm::vec3& b) {
  const glm::vec3 ab = b - a;
  const float t = std::clamp(glm::dot(p - a, ab) / std::max(glm::dot(ab, ab), 1e-12f), 0.0f, 1.0f);
  return glm::length(p - (a + t * ab));
}

}  // namespace

SkinGroups build_skin_groups(std::span<const glm::vec3> positions, std::span<const std::uint32_t> indices,
                             std::span<const float> ankle_blend, const glm::vec3& ankle_centre,
                             std::size_t group_count) {
  SkinGroups out;
  const std::size_t triangles = indices.size() / 3;
  if (group_count == 0 || triangles < group_count) return out;
  for (std::uint32_t i : indices)
    if (i >= positions.size()) return out;  // not a mesh this can cut: drawn whole
  // Each triangle's rank up the leg is that of its key: the sum of its corners' heights as an
  // ordered integer above, its number below (ties keep the mesh's order). A band needs only
  // which triangles fall in its slice of ranks, not their order: the slices' edges are picked
  // by selection (nth_element, halving the bands each time), not by sorting all 48,000
  // triangles (the stable sort took ~6 ms of the levels' thread at start-up, session 28).
  std::vector<std::uint64_t> key(triangles);
  for (std::size_t t = 0; t < triangles; ++t) {
    float h = positions[indices[3 * t]].y + positions[indices[3 * t + 1]].y + positions[indices[3 * t + 2]].y;
    if (h == 0.0f) h = 0.0f;  // -0 ties with +0, as under <
    std::uint32_t bits = 0;
    std::memcpy(&bits, &h, sizeof bits);
    bits = (bits & 0x80000000u) ? ~bits : (bits | 0x80000000u);  // a float's order as an integer's
    key[t] = (std::uint64_t{bits} << 32) | t;
  }
  const auto edge = [&](std::size_t g) { return triangles * g / group_count; };
  std::vector<std::pair<std::size_t, std::size_t>> spans{{0, group_count}};  // bands [a, b) to split
  while (!spans.empty()) {
    const auto [a, b] = spans.back();
    spans.pop_back();
    if (b - a < 2) continue;
    const std::size_t mid = (a + b) / 2;
    std::nth_element(key.begin() + static_cast<std::ptrdiff_t>(edge(a)), key.begin() + static_cast<std::ptrdiff_t>(edge(mid)),
                     key.begin() + static_cast<std::ptrdiff_t>(edge(b)));
    spans.push_back({a, mid});
    spans.push_back({mid, b});
  }
  // Each triangle's band, then the bands filled in the mesh's order (no sort inside a band).
  std::vector<std::uint32_t> band_of(triangles);
  std::vector<std::size_t> start(group_count + 1, 0);
  for (std::size_t g = 0; g < group_count; ++g) {
    for (std::size_t r = edge(g); r < edge(g + 1); ++r) band_of[static_cast<std::uint32_t>(key[r])] = static_cast<std::uint32_t>(g);
    start[g + 1] = 3 * edge(g + 1);
  }
  out.indices.resize(3 * triangles);
  std::vector<std::size_t> fill(start.begin(), start.end() - 1);
  for (std::size_t t = 0; t < triangles; ++t)
    for (std::size_t k = 0; k < 3; ++k) out.indices[fill[band_of[t]]++] = indices[3 * t + k];
  for (std::size_t g = 0; g < group_count; ++g) {
    SkinGroup group;
    group.first = static_cast<std::uint32_t>(start[g]);
    group.count = static_cast<std::uint32_t>(start[g + 1] - start[g]);
    glm::vec3 lo(1e30f), hi(-1e30f);
    for (std::size_t i = start[g]; i < start[g + 1]; ++i) {
      lo = glm::min(lo, positions[out.indices[i]]);
      hi = glm::max(hi, positions[out.indices[i]]);
    }
    group.centre = 0.5f * (lo + hi);
    for (std::uint32_t i = group.first; i < group.first + group.count; ++i) {
      const std::uint32_t v = out.indices[i];
      group.radius = std::max(group.radius, glm::length(positions[v] - group.centre));
      if (v < ankle_blend.size())
        group.ankle_arm = std::max(group.ankle_arm, glm::length(positions[v] - ankle_centre) * std::abs(ankle_blend[v]));
    }
    group.radius = group.radius * 1.001f + kSlackM;
    out.groups.push_back(group);
  }
  return out;
}

glm::vec4 group_sphere(const SkinGroup& group, float ankle_deg) {
  // A turn by phi moves a point at distance d from the axis by 2 d sin(phi / 2) <= d |phi|.
  const float phi = std::abs(glm::radians(ankle_deg));
  return glm::vec4(group.centre, group.radius + group.ankle_arm * phi * 1.001f);
}

bool tissue_reaches_finely(const technique::TissueShape& tissue, std::span<const glm::vec4> occluders,
                           const glm::vec3& centre, float radius) {
  for (const technique::HandCapsules& hand : tissue.hands)
    for (const technique::Capsule& c : hand)
      if (c.radius > 0.0f && segment_distance(centre, c.a, c.b) - c.radius - radius < kHandFarM + kSlackM) return true;
  // Each sphere's shade fades to exactly 0 at sqrt(12 r^2 + 3e-8) (render/vertex_reach.hpp).
  for (const glm::vec4& o : occluders)
    if (o.w > 0.0f && glm::length(glm::vec3(o) - centre) - radius < std::sqrt(12.0f * o.w * o.w + 3e-8f) * 1.001f + kSlackM)
      return true;
  for (const technique::TissueDent& d : tissue.dents)
    if (d.radius > 0.0f && glm::length(d.centre - centre) - radius < kDentReachRadii * d.radius + kSlackM) return true;
  return false;
}

void groups_reached(const SkinGroups& groups, const technique::TissueShape& tissue,
                    std::span<const glm::vec4> occluders, float ankle_deg, std::vector<char>& reached) {
  reached.resize(groups.groups.size());
  for (std::size_t g = 0; g < groups.groups.size(); ++g) {
    const glm::vec4 s = group_sphere(groups.groups[g], ankle_deg);
    reached[g] = tissue_reaches_finely(tissue, occluders, glm::vec3(s), s.w) ? 1 : 0;
  }
}

}  // namespace effleura::render
