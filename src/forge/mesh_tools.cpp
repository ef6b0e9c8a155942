#include "forge/mesh_tools.hpp"

#include <meshoptimizer.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <map>
#include <utility>

#include <glm/geometric.hpp>

namespace effleura::forge {

void drop_degenerate(TriMesh& mesh) {
  std::vector<std::uint32_t> kept;
  kept.reserve(mesh.indices.size());
  for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3) {
    const std::uint32_t a = mesh.indices[t], b = mesh.indices[t + 1], c = mesh.indices[t + 2];
    if (a == b || b == c || a == c) continue;
    const glm::vec3 n = glm::cross(mesh.positions[b] - mesh.positions[a], mesh.positions[c] - mesh.positions[a]);
    if (glm::length(n) < 1e-12f) continue;
    kept.insert(kept.end(), {a, b, c});
  }
  mesh.indices = std::move(kept);
}

void drop_folded_pairs(TriMesh& mesh) {
  // Edge collapses occasionally fold two triangles onto the same three vertices, back to
  // back: the pair adds nothing to the surface but makes four triangles share its edges.
  std::map<std::array<std::uint32_t, 3>, std::vector<std::size_t>> by_vertices;
  for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3) {
    std::array<std::uint32_t, 3> key{mesh.indices[t], mesh.indices[t + 1], mesh.indices[t + 2]};
    std::sort(key.begin(), key.end());
    by_vertices[key].push_back(t);
  }
  std::vector<bool> drop(mesh.indices.size() / 3, false);
  for (const auto& [key, tris] : by_vertices)
    if (tris.size() > 1)
      for (std::size_t t : tris) drop[t / 3] = true;
  std::vector<std::uint32_t> kept;
  kept.reserve(mesh.indices.size());
  for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3)
    if (!drop[t / 3]) kept.insert(kept.end(), {mesh.indices[t], mesh.indices[t + 1], mesh.indices[t + 2]});
  mesh.indices = std::move(kept);
}

namespace {

// The directed edges of `mesh` that are not matched once by the reverse edge (an open or
// non-manifold edge), in ascending order of (from, to), each once. A sorted list, not a map:
// the client's forge asks this of every part's raw mesh (up to 160,000 triangles), and the
// map's nodes were a tenth of its CPU.
std::vector<std::pair<std::uint32_t, std::uint32_t>> unmatched_edges(const TriMesh& mesh) {
  std::vector<std::pair<std::uint32_t, std::uint32_t>> directed;
  directed.reserve(mesh.indices.size());
  for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3)
    for (int e = 0; e < 3; ++e) directed.emplace_back(mesh.indices[t + e], mesh.indices[t + (e + 1) % 3]);
  std::sort(directed.begin(), directed.end());
  std::vector<std::pair<std::uint32_t, std::uint32_t>> out;
  for (std::size_t i = 0; i < directed.size();) {
    std::size_t j = i + 1;
    while (j < directed.size() && directed[j] == directed[i]) ++j;
    const std::pair<std::uint32_t, std::uint32_t> reverse{directed[i].second, directed[i].first};
    if (j - i != 1 || !std::binary_search(directed.begin(), directed.end(), reverse)) out.push_back(directed[i]);
    i = j;
  }
  return out;
}

}  // namespace

std::size_t non_manifold_edges(const TriMesh& mesh) { return unmatched_edges(mesh).size(); }

namespace {

// Vertices of the directed edges non_manifold_edges counts.
std::vector<std::uint32_t> non_manifold_vertices(const TriMesh& mesh) {
  std::vector<std::uint32_t> out;
  for (const auto& [from, to] : unmatched_edges(mesh)) out.insert(out.end(), {from, to});
  return out;
}

// Collapses toward `target_triangles`. Triangles near a `guarded` point are left as they are:
// they are taken out, so the hole they leave has a border that meshoptimizer keeps fixed
// (LockBorder), and are put back afterwards, which closes the surface again exactly.
void collapse_to(TriMesh& mesh, std::size_t target_triangles, float max_error,
                 const std::vector<glm::vec3>& guarded, float guard_radius) {
  if (mesh.triangle_count() <= target_triangles) return;
  // meshoptimizer's error is relative to the mesh extent.
  const float extent = meshopt_simplifyScale(&mesh.positions[0].x, mesh.positions.size(), sizeof(glm::vec3));
  std::vector<std::uint32_t> free_tris, kept;
  for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3) {
    bool near = false;
    for (int k = 0; k < 3 && !near; ++k)
      for (const auto& g : guarded)
        if (glm::length(mesh.positions[mesh.indices[t + static_cast<std::size_t>(k)]] - g) < guard_radius) {
          near = true;
          break;
        }
    auto& to = near ? kept : free_tris;
    to.insert(to.end(), {mesh.indices[t], mesh.indices[t + 1], mesh.indices[t + 2]});
  }
  const std::size_t target = target_triangles > kept.size() / 3 ? target_triangles - kept.size() / 3 : 0;
  std::vector<std::uint32_t> out(free_tris.size());
  const std::size_t n = meshopt_simplify(out.data(), free_tris.data(), free_tris.size(), &mesh.positions[0].x,
                                         mesh.positions.size(), sizeof(glm::vec3), target * 3,
                                         max_error / std::max(extent, 1e-6f),
                                         kept.empty() ? 0u : static_cast<unsigned>(meshopt_SimplifyLockBorder), nullptr);
  out.resize(n);
  out.insert(out.end(), kept.begin(), kept.end());
  mesh.indices = std::move(out);
}

}  // namespace

// The normals and the Newton steps onto the surface both take it, and the client's parts lit by
// a field other than their own (forge/client_shapes.cpp).
glm::vec3 central_difference(const Field& field, const glm::vec3& p, float step) {
  const glm::vec3 dx(step, 0, 0), dy(0, step, 0), dz(0, 0, step);
  return {field(p + dx) - field(p - dx), field(p + dy) - field(p - dy), field(p + dz) - field(p - dz)};
}

namespace {

// The vertices reordered for the GPU's fetch after the triangles were ordered for its cache,
// unused ones dropped: how simplify and split_long_edges leave a mesh.
void order_vertices_for_fetch(TriMesh& mesh) {
  std::vector<glm::vec3> positions(mesh.positions.size());
  const std::size_t used = meshopt_optimizeVertexFetch(positions.data(), mesh.indices.data(), mesh.indices.size(),
                                                       mesh.positions.data(), mesh.positions.size(), sizeof(glm::vec3));
  positions.resize(used);
  mesh.positions = std::move(positions);
}

}  // namespace

void simplify(TriMesh& mesh, std::size_t target_triangles, float max_error, std::vector<glm::vec3>* carried) {
  if (mesh.indices.empty()) return;
  // Now and then an edge collapse pinches the surface (an edge ends up shared by four
  // triangles). Simplify in steps and check each step; when a step pinches, guard the place
  // where it pinched (its triangles keep their full resolution) and take the step again. If it
  // still pinches after kMaxGuards places, stop at the last clean mesh (more triangles, never
  // a broken surface). All of it is deterministic.
  const bool check = non_manifold_edges(mesh) == 0;
  std::vector<glm::vec3> guarded;
  const float guard_radius = 6.0f * max_error;
  constexpr std::size_t kMaxGuards = 16;
  while (mesh.triangle_count() > target_triangles) {
    const std::size_t step = std::max(target_triangles, mesh.triangle_count() * 6 / 10);
    TriMesh trial = mesh;
    collapse_to(trial, step, max_error, guarded, guard_radius);
    drop_degenerate(trial);
    drop_folded_pairs(trial);
    if (trial.triangle_count() >= mesh.triangle_count()) break;  // the error bound stops it
    const auto bad = check ? non_manifold_vertices(trial) : std::vector<std::uint32_t>{};
    if (bad.empty()) {
      mesh = std::move(trial);
      continue;
    }
    const std::size_t before = guarded.size();
    for (std::uint32_t v : bad) {
      const glm::vec3 p = trial.positions[v];
      const bool covered = std::any_of(guarded.begin(), guarded.end(),
                                       [&](const glm::vec3& g) { return glm::length(g - p) < 0.5f * guard_radius; });
      if (!covered && guarded.size() < kMaxGuards) guarded.push_back(p);
    }
    if (guarded.size() == before) break;  // out of guards, or guarding did not help
  }
  meshopt_optimizeVertexCache(mesh.indices.data(), mesh.indices.data(), mesh.indices.size(), mesh.positions.size());
  if (carried) {
    std::vector<std::uint32_t> remap(mesh.positions.size());
    const std::size_t used = meshopt_optimizeVertexFetchRemap(remap.data(), mesh.indices.data(), mesh.indices.size(),
                                                              mesh.positions.size());
    meshopt_remapIndexBuffer(mesh.indices.data(), mesh.indices.data(), mesh.indices.size(), remap.data());
    for (std::vector<glm::vec3>* v : {&mesh.positions, carried}) {
      std::vector<glm::vec3> moved(used);
      meshopt_remapVertexBuffer(moved.data(), v->data(), v->size(), sizeof(glm::vec3), remap.data());
      *v = std::move(moved);
    }
    return;
  }
  order_vertices_for_fetch(mesh);
}

namespace {

glm::vec3 onto_surface(const Field& field, glm::vec3 p, float step) {
  for (int k = 0; k < 4; ++k) {
    const float f = field(p);
    const glm::vec3 g = central_difference(field, p, step) / (2.0f * step);
    const float g2 = glm::dot(g, g);
    if (g2 < 1e-8f) break;
    p -= f * g / g2;
  }
  return p;
}

void split_passes(TriMesh& mesh, const Field& field, float max_edge, float step, const std::function<bool(const glm::vec3&)>& zone) {
  for (int pass = 0; pass < 12; ++pass) {
    std::map<std::pair<std::uint32_t, std::uint32_t>, std::uint32_t> mid;
    const auto key = [](std::uint32_t a, std::uint32_t b) { return std::pair{std::min(a, b), std::max(a, b)}; };
    for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3) {
      const std::array<std::uint32_t, 3> v{mesh.indices[t], mesh.indices[t + 1], mesh.indices[t + 2]};
      if (std::none_of(v.begin(), v.end(), [&](std::uint32_t i) { return zone(mesh.positions[i]); }))
        continue;
      for (int e = 0; e < 3; ++e) {
        const glm::vec3 a = mesh.positions[v[e]], b = mesh.positions[v[(e + 1) % 3]];
        if (glm::distance(a, b) <= max_edge || mid.contains(key(v[e], v[(e + 1) % 3]))) continue;
        mid.emplace(key(v[e], v[(e + 1) % 3]), static_cast<std::uint32_t>(mesh.positions.size()));
        mesh.positions.push_back(onto_surface(field, 0.5f * (a + b), step));
      }
    }
    if (mid.empty()) return;
    std::vector<std::uint32_t> out;
    out.reserve(mesh.indices.size() * 2);
    for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3) {
      const std::array<std::uint32_t, 3> v{mesh.indices[t], mesh.indices[t + 1], mesh.indices[t + 2]};
      std::array<std::int64_t, 3> m{-1, -1, -1};  // m[e]: the midpoint of edge v[e] v[e + 1]
      int split = 0;
      for (int e = 0; e < 3; ++e)
        if (auto it = mid.find(key(v[e], v[(e + 1) % 3])); it != mid.end()) {
          m[e] = it->second;
          ++split;
        }
      const auto tri = [&out](std::int64_t a, std::int64_t b, std::int64_t c) {
        out.insert(out.end(), {static_cast<std::uint32_t>(a), static_cast<std::uint32_t>(b), static_cast<std::uint32_t>(c)});
      };
      if (split == 0) {
        tri(v[0], v[1], v[2]);
      } else if (split == 3) {
        tri(v[0], m[0], m[2]);
        tri(m[0], v[1], m[1]);
        tri(m[2], m[1], v[2]);
        tri(m[0], m[1], m[2]);
      } else if (split == 1) {
        const int e = m[0] >= 0 ? 0 : (m[1] >= 0 ? 1 : 2);
        tri(v[e], m[e], v[(e + 2) % 3]);
        tri(m[e], v[(e + 1) % 3], v[(e + 2) % 3]);
      } else {
        // Edge j is whole: the corner between the two split edges is cut off, the quad left is
        // split along its shorter diagonal.
        const int j = m[0] < 0 ? 0 : (m[1] < 0 ? 1 : 2);
        const std::uint32_t a = v[j], b = v[(j + 1) % 3], c = v[(j + 2) % 3];
        const std::int64_t mb = m[(j + 1) % 3], mc = m[(j + 2) % 3];  // on b c and on c a
        tri(mb, c, mc);
        const auto& P = mesh.positions;
        if (glm::distance(P[a], P[static_cast<std::size_t>(mb)]) <= glm::distance(P[b], P[static_cast<std::size_t>(mc)])) {
          tri(a, b, mb);
          tri(a, mb, mc);
        } else {
          tri(a, b, mc);
          tri(b, mb, mc);
        }
      }
    }
    mesh.indices = std::move(out);
  }
}

}  // namespace

void split_long_edges(TriMesh& mesh, const Field& field, float max_edge, float step,
                      const std::function<bool(const glm::vec3&)>& zone) {
  split_passes(mesh, field, max_edge, step, zone);
  // Ordered again for the GPU's caches, as simplify leaves a mesh (the new triangles were appended).
  meshopt_optimizeVertexCache(mesh.indices.data(), mesh.indices.data(), mesh.indices.size(), mesh.positions.size());
  order_vertices_for_fetch(mesh);
}

std::vector<glm::vec3> field_normals(const TriMesh& mesh, const Field& field, float step) {
  std::vector<glm::vec3> normals;
  normals.reserve(mesh.positions.size());
  for (const auto& p : mesh.positions) {
    const glm::vec3 g = central_difference(field, p, step);
    const float len = glm::length(g);
    normals.push_back(len > 1e-12f ? g / len : glm::vec3(0, 1, 0));
  }
  return normals;
}

std::vector<glm::vec3> surface_normals(const TriMesh& mesh) {
  std::vector<glm::vec3> normals(mesh.positions.size(), glm::vec3(0.0f));
  for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3) {
    const std::uint32_t a = mesh.indices[t], b = mesh.indices[t + 1], c = mesh.indices[t + 2];
    const glm::vec3 n = glm::cross(mesh.positions[b] - mesh.positions[a], mesh.positions[c] - mesh.positions[a]);
    normals[a] += n;
    normals[b] += n;
    normals[c] += n;
  }
  for (auto& n : normals) {
    const float len = glm::length(n);
    n = len > 1e-20f ? n / len : glm::vec3(0.0f, 1.0f, 0.0f);
  }
  return normals;
}

}  // namespace effleura::forge
