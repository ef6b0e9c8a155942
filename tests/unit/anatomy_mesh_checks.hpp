#pragma once
// Geometry checks on loaded meshes shared by the anatomy tests: welding, closedness,
// horizontal cross-sections.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <map>
#include <tuple>
#include <utility>
#include <vector>

#include <glm/common.hpp>
#include <glm/geometric.hpp>
#include <glm/vec2.hpp>

#include "anatomy/model.hpp"

namespace effleura::test {

// Vertex ids after merging vertices at exactly the same position (a file may split vertices
// to carry different attributes; the surface is what counts).
inline std::vector<std::uint32_t> weld(const anatomy::Mesh& m) {
  std::map<std::tuple<float, float, float>, std::uint32_t> ids;
  std::vector<std::uint32_t> out(m.positions.size());
  for (std::size_t i = 0; i < m.positions.size(); ++i) {
    const auto key = std::make_tuple(m.positions[i].x, m.positions[i].y, m.positions[i].z);
    auto it = ids.emplace(key, static_cast<std::uint32_t>(ids.size())).first;
    out[i] = it->second;
  }
  return out;
}

struct Closedness {
  std::size_t open_edges = 0;        // used by one triangle
  std::size_t overused_edges = 0;    // used by three or more
  std::size_t misoriented_edges = 0; // both users run the edge the same way
  std::size_t degenerate = 0;        // repeated vertex or no area
};

inline Closedness check_closed(const anatomy::Mesh& m) {
  const auto id = weld(m);
  std::map<std::pair<std::uint32_t, std::uint32_t>, int> directed;
  Closedness c;
  for (std::size_t t = 0; t + 2 < m.indices.size(); t += 3) {
    const std::uint32_t v[3] = {id[m.indices[t]], id[m.indices[t + 1]], id[m.indices[t + 2]]};
    const glm::vec3 a = m.positions[m.indices[t]], b = m.positions[m.indices[t + 1]], cc = m.positions[m.indices[t + 2]];
    if (v[0] == v[1] || v[1] == v[2] || v[0] == v[2] || glm::length(glm::cross(b - a, cc - a)) < 1e-12f) ++c.degenerate;
    for (int e = 0; e < 3; ++e) ++directed[{v[e], v[(e + 1) % 3]}];
  }
  std::map<std::pair<std::uint32_t, std::uint32_t>, int> undirected;
  for (const auto& [e, n] : directed) {
    undirected[{std::min(e.first, e.second), std::max(e.first, e.second)}] += n;
    if (n > 1) ++c.misoriented_edges;
  }
  for (const auto& [e, n] : undirected) {
    if (n == 1) ++c.open_edges;
    if (n > 2) ++c.overused_edges;
  }
  return c;
}

struct Section {
  std::vector<double> loops;  // length of each closed curve (m), longest first
  float min_x = std::numeric_limits<float>::max(), max_x = std::numeric_limits<float>::lowest();
  float min_z = std::numeric_limits<float>::max(), max_z = std::numeric_limits<float>::lowest();
  [[nodiscard]] double longest() const { return loops.empty() ? 0.0 : loops.front(); }
};

// The cross-section of a closed mesh with the plane y = const, as closed curves.
inline Section section(const anatomy::Mesh& m, float y) {
  const auto id = weld(m);
  using Edge = std::pair<std::uint32_t, std::uint32_t>;
  std::map<Edge, std::size_t> node;  // a mesh edge that crosses the plane -> curve point
  std::vector<std::size_t> parent;
  auto find = [&](std::size_t i) {
    while (parent[i] != i) i = parent[i] = parent[parent[i]];
    return i;
  };
  std::vector<std::tuple<std::size_t, std::size_t, double>> segments;
  Section s;
  for (std::size_t t = 0; t + 2 < m.indices.size(); t += 3) {
    std::vector<std::pair<std::size_t, glm::vec3>> hits;
    for (int e = 0; e < 3; ++e) {
      const std::uint32_t i = m.indices[t + e], j = m.indices[t + (e + 1) % 3];
      const glm::vec3 a = m.positions[i], b = m.positions[j];
      if ((a.y < y) == (b.y < y)) continue;
      const Edge key{std::min(id[i], id[j]), std::max(id[i], id[j])};
      auto [it, fresh] = node.emplace(key, parent.size());
      if (fresh) parent.push_back(parent.size());
      const glm::vec3 p = a + (b - a) * ((y - a.y) / (b.y - a.y));
      hits.emplace_back(it->second, p);
      s.min_x = std::min(s.min_x, p.x);
      s.max_x = std::max(s.max_x, p.x);
      s.min_z = std::min(s.min_z, p.z);
      s.max_z = std::max(s.max_z, p.z);
    }
    if (hits.size() == 2)
      segments.emplace_back(hits[0].first, hits[1].first,
                            static_cast<double>(glm::length(hits[0].second - hits[1].second)));
  }
  for (const auto& [a, b, len] : segments) parent[find(a)] = find(b);
  std::map<std::size_t, double> loops;
  for (const auto& [a, b, len] : segments) loops[find(a)] += len;
  for (const auto& [root, len] : loops) s.loops.push_back(len);
  std::sort(s.loops.rbegin(), s.loops.rend());
  return s;
}

// Euler characteristic V - E + F of a mesh after welding: 2 for one closed surface with no
// handles (a sphere's topology); every tunnel through the surface lowers it by 2.
inline long euler_characteristic(const anatomy::Mesh& m) {
  const auto id = weld(m);
  std::size_t vertices = 0;
  for (std::uint32_t v : id) vertices = std::max<std::size_t>(vertices, v + 1u);
  std::map<std::pair<std::uint32_t, std::uint32_t>, int> edges;
  for (std::size_t t = 0; t + 2 < m.indices.size(); t += 3)
    for (std::size_t e = 0; e < 3; ++e) {
      const std::uint32_t a = id[m.indices[t + e]], b = id[m.indices[t + (e + 1) % 3]];
      ++edges[{std::min(a, b), std::max(a, b)}];
    }
  return static_cast<long>(vertices) - static_cast<long>(edges.size()) + static_cast<long>(m.indices.size() / 3);
}

// Point-in-closed-mesh by ray parity: a ray from the point toward +x crosses the surface an odd
// number of times from inside. Triangles are binned by their (y, z) extent so each query only
// tests the few a ray can hit.
class InsideTest {
 public:
  explicit InsideTest(const anatomy::Mesh& m, float cell = 0.005f) : m_(m), cell_(cell) {
    glm::vec2 hi(std::numeric_limits<float>::lowest());
    for (const auto& p : m.positions) {
      lo_ = glm::min(lo_, glm::vec2(p.y, p.z));
      hi = glm::max(hi, glm::vec2(p.y, p.z));
    }
    ny_ = static_cast<int>((hi.x - lo_.x) / cell_) + 1;
    nz_ = static_cast<int>((hi.y - lo_.y) / cell_) + 1;
    bins_.resize(static_cast<std::size_t>(ny_) * static_cast<std::size_t>(nz_));
    for (std::size_t t = 0; t + 2 < m.indices.size(); t += 3) {
      glm::vec2 a(std::numeric_limits<float>::max()), b(std::numeric_limits<float>::lowest());
      for (std::size_t k = 0; k < 3; ++k) {
        const glm::vec3& p = m.positions[m.indices[t + k]];
        a = glm::min(a, glm::vec2(p.y, p.z));
        b = glm::max(b, glm::vec2(p.y, p.z));
      }
      for (int j = index(a.x, lo_.x); j <= index(b.x, lo_.x); ++j)
        for (int k = index(a.y, lo_.y); k <= index(b.y, lo_.y); ++k) bins_[bin(j, k)].push_back(t);
    }
  }

  [[nodiscard]] bool inside(const glm::vec3& p) const {
    const int j = index(p.y, lo_.x), k = index(p.z, lo_.y);
    if (j < 0 || j >= ny_ || k < 0 || k >= nz_) return false;
    int crossings = 0;
    auto cross2 = [](glm::vec2 u, glm::vec2 v) { return u.x * v.y - u.y * v.x; };
    for (std::size_t t : bins_[bin(j, k)]) {
      const glm::vec3 &a = m_.positions[m_.indices[t]], &b = m_.positions[m_.indices[t + 1]],
                      &c = m_.positions[m_.indices[t + 2]];
      const glm::vec2 q(p.y, p.z), A(a.y, a.z), B(b.y, b.z), C(c.y, c.z);
      const float wc = cross2(B - A, q - A), wa = cross2(C - B, q - B), wb = cross2(A - C, q - C);
      if (!((wa > 0 && wb > 0 && wc > 0) || (wa < 0 && wb < 0 && wc < 0))) continue;
      if ((wa * a.x + wb * b.x + wc * c.x) / (wa + wb + wc) > p.x) ++crossings;
    }
    return crossings % 2 == 1;
  }

 private:
  [[nodiscard]] int index(float v, float origin) const { return static_cast<int>(std::floor((v - origin) / cell_)); }
  [[nodiscard]] std::size_t bin(int j, int k) const {
    return static_cast<std::size_t>(j) * static_cast<std::size_t>(nz_) + static_cast<std::size_t>(k);
  }
  const anatomy::Mesh& m_;
  float cell_;
  glm::vec2 lo_{std::numeric_limits<float>::max()};
  int ny_ = 0, nz_ = 0;
  std::vector<std::vector<std::size_t>> bins_;
};

}  // namespace effleura::test
