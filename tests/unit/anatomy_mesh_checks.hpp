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

#include <glm/geometric.hpp>

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

}  // namespace effleura::test
