#include "forge/vein_tubes.hpp"

#include <algorithm>
#include <cmath>

#include <glm/geometric.hpp>
#include <glm/gtc/constants.hpp>

namespace effleura::forge {
namespace {

constexpr int kSides = 8;
constexpr float kSpacing = 0.012f;  // metres between rings (at 1.75 m)

struct Ring {
  glm::vec3 centre;
  float radius;
};

// Catmull-Rom through the centre line so bends are round, sampled every kSpacing.
std::vector<Ring> sample(const anatomy::Vein& v, float scale) {
  std::vector<Ring> out;
  const std::size_t n = v.points.size();
  auto pt = [&](std::ptrdiff_t i) {
    return v.points[static_cast<std::size_t>(std::clamp<std::ptrdiff_t>(i, 0, static_cast<std::ptrdiff_t>(n) - 1))] * scale;
  };
  auto rad = [&](std::ptrdiff_t i) {
    return v.radii_m[static_cast<std::size_t>(std::clamp<std::ptrdiff_t>(i, 0, static_cast<std::ptrdiff_t>(n) - 1))] * scale;
  };
  for (std::size_t i = 0; i + 1 < n; ++i) {
    const auto s = static_cast<std::ptrdiff_t>(i);
    const int steps = std::max(1, static_cast<int>(std::ceil(glm::length(pt(s + 1) - pt(s)) / (kSpacing * scale))));
    for (int k = 0; k < steps; ++k) {
      const float t = static_cast<float>(k) / static_cast<float>(steps);
      const float t2 = t * t, t3 = t2 * t;
      const float w0 = -0.5f * t3 + t2 - 0.5f * t, w1 = 1.5f * t3 - 2.5f * t2 + 1.0f,
                  w2 = -1.5f * t3 + 2.0f * t2 + 0.5f * t, w3 = 0.5f * t3 - 0.5f * t2;
      out.push_back({pt(s - 1) * w0 + pt(s) * w1 + pt(s + 1) * w2 + pt(s + 2) * w3,
                     rad(s) + (rad(s + 1) - rad(s)) * t});
    }
  }
  out.push_back({pt(static_cast<std::ptrdiff_t>(n) - 1), rad(static_cast<std::ptrdiff_t>(n) - 1)});
  return out;
}

// One closed tube: rings of kSides vertices framed by parallel transport, capped at both ends.
void add_tube(TriMesh& mesh, const std::vector<Ring>& rings, const glm::vec3& offset_dir, float offset) {
  if (rings.size() < 2) return;
  const auto base = static_cast<std::uint32_t>(mesh.positions.size());
  glm::vec3 tangent = glm::normalize(rings[1].centre - rings[0].centre);
  glm::vec3 normal = glm::cross(tangent, std::abs(tangent.x) < 0.9f ? glm::vec3(1, 0, 0) : glm::vec3(0, 0, 1));
  normal = glm::normalize(normal);
  for (std::size_t r = 0; r < rings.size(); ++r) {
    const glm::vec3 next = r + 1 < rings.size() ? rings[r + 1].centre : rings[r].centre;
    const glm::vec3 prev = r > 0 ? rings[r - 1].centre : rings[r].centre;
    const glm::vec3 d = next - prev;
    if (glm::length(d) > 1e-9f) {
      const glm::vec3 t = glm::normalize(d);
      normal = glm::normalize(normal - t * glm::dot(normal, t));  // parallel transport
      tangent = t;
    }
    const glm::vec3 binormal = glm::cross(tangent, normal);
    const glm::vec3 centre = rings[r].centre + offset_dir * offset;
    for (int s = 0; s < kSides; ++s) {
      const float a = 2.0f * glm::pi<float>() * static_cast<float>(s) / kSides;
      mesh.positions.push_back(centre + (normal * std::cos(a) + binormal * std::sin(a)) * rings[r].radius);
    }
  }
  const auto ring_count = static_cast<std::uint32_t>(rings.size());
  for (std::uint32_t r = 0; r + 1 < ring_count; ++r)
    for (std::uint32_t s = 0; s < kSides; ++s) {
      const std::uint32_t a = base + r * kSides + s, b = base + r * kSides + (s + 1) % kSides;
      const std::uint32_t c = a + kSides, e = b + kSides;
      mesh.indices.insert(mesh.indices.end(), {a, b, e, a, e, c});
    }
  const auto cap = [&](std::uint32_t ring, const glm::vec3& centre, bool flip) {
    const auto middle = static_cast<std::uint32_t>(mesh.positions.size());
    mesh.positions.push_back(centre + offset_dir * offset);
    for (std::uint32_t s = 0; s < kSides; ++s) {
      const std::uint32_t a = base + ring * kSides + s, b = base + ring * kSides + (s + 1) % kSides;
      if (flip) mesh.indices.insert(mesh.indices.end(), {middle, a, b});
      else mesh.indices.insert(mesh.indices.end(), {middle, b, a});
    }
  };
  cap(0, rings.front().centre, false);
  cap(ring_count - 1, rings.back().centre, true);
}

}  // namespace

TriMesh vein_tube(const anatomy::Vein& vein, float scale) {
  TriMesh mesh;
  if (vein.points.size() < 2 || vein.radii_m.size() != vein.points.size()) return mesh;
  const std::vector<Ring> rings = sample(vein, scale);
  if (vein.paired >= 2) {
    // Companion veins run either side of their artery: offset sideways, across the leg's axis.
    const glm::vec3 along = glm::normalize(rings.back().centre - rings.front().centre);
    glm::vec3 side = glm::cross(along, glm::vec3(0.0f, 0.0f, 1.0f));
    if (glm::length(side) < 1e-6f) side = glm::vec3(1.0f, 0.0f, 0.0f);
    side = glm::normalize(side);
    float r = 0.0f;
    for (const auto& ring : rings) r = std::max(r, ring.radius);
    add_tube(mesh, rings, side, 1.3f * r);
    add_tube(mesh, rings, side, -1.3f * r);
  } else {
    add_tube(mesh, rings, glm::vec3(0.0f), 0.0f);
  }
  return mesh;
}

}  // namespace effleura::forge
