#include "render/mesh_lod.hpp"

#include <algorithm>
#include <cstring>
#include <map>
#include <mutex>

#include <meshoptimizer.h>

namespace effleura::render {

namespace {
// Relative to each mesh's extent: 0.2 % is about half a millimetre on a calf muscle (a
// millimetre at most, as bounded below), under a pixel at the default distance at 1280x720. Measured on the leg: the inner layers go from
// 64,000 to 26,500 triangles (muscles 32,900 -> 11,700), the client from 21,900 to 8,500.
constexpr float kRelativeError = 0.002f;

// A mesh's geometry as one number, so a model loaded again in the same process (tests load the
// leg for each case; a lesson reloads nothing) reuses its levels instead of simplifying again.
std::uint64_t geometry_key(const MeshGeometry& g) {
  // Widen before the shift: in the page (wasm32) size_t has 32 bits and `<< 32` would be undefined.
  std::uint64_t h = 1469598103934665603ull ^ std::uint64_t{g.positions.size()} ^ (std::uint64_t{g.indices.size()} << 32);
  auto mix = [&h](const void* data, std::size_t bytes) {
    const auto* p = static_cast<const unsigned char*>(data);
    for (std::size_t i = 0; i + 8 <= bytes; i += 8) {
      std::uint64_t w;
      std::memcpy(&w, p + i, 8);
      h = (h ^ w) * 1099511628211ull;
    }
  };
  mix(g.positions.data(), g.positions.size() * sizeof(glm::vec3));
  mix(g.indices.data(), g.indices.size() * sizeof(std::uint32_t));
  return h;
}

std::mutex cache_mutex;
std::map<std::uint64_t, CoarseMesh>& cache() {
  static std::map<std::uint64_t, CoarseMesh> c;
  return c;
}

CoarseMesh simplify(const MeshGeometry& g) {
  CoarseMesh out;
  std::vector<std::uint32_t> coarse(g.indices.size());
  float relative_error = 0.0f;
  const std::size_t n =
      meshopt_simplify(coarse.data(), g.indices.data(), g.indices.size(), &g.positions[0].x, g.positions.size(),
                       sizeof(glm::vec3), 0, kRelativeError, meshopt_SimplifyLockBorder, &relative_error);
  if (n == 0 || 3 * n > 2 * g.indices.size()) return out;
  coarse.resize(n);
  out.indices = std::move(coarse);
  // The scale turns meshoptimizer's relative error into metres. Its error is a quadric's
  // estimate: a flat triangle across a curved patch sagged up to 1.8x that on a sphere
  // (render/mesh_lod_test.cpp), so twice it bounds what the eye sees.
  out.error_m = 2.0f * std::max(relative_error, kRelativeError) *
                meshopt_simplifyScale(&g.positions[0].x, g.positions.size(), sizeof(glm::vec3));
  return out;
}

}  // namespace

bool wants_lod(anatomy::Layer layer, const std::string& name) {
  switch (layer) {
    case anatomy::Layer::muscle:
    case anatomy::Layer::bone:
    case anatomy::Layer::vein:
    case anatomy::Layer::artery:
    case anatomy::Layer::nerve: return true;
    case anatomy::Layer::other: return name.rfind("drape.", 0) != 0;  // the client's parts
    default: return false;
  }
}

std::vector<MeshGeometry> lod_geometry(const anatomy::Model& model) {
  std::vector<MeshGeometry> out(model.meshes.size());
  for (std::size_t i = 0; i < model.meshes.size(); ++i) {
    const anatomy::Mesh& m = model.meshes[i];
    if (!wants_lod(m.layer, m.name)) continue;
    out[i].positions = m.positions;
    out[i].indices = m.indices;
  }
  return out;
}

std::vector<CoarseMesh> build_coarse_meshes(const std::vector<MeshGeometry>& meshes) {
  std::vector<CoarseMesh> out(meshes.size());
  for (std::size_t i = 0; i < meshes.size(); ++i) {
    const MeshGeometry& g = meshes[i];
    if (g.indices.size() < 3 * 64 || g.positions.empty()) continue;  // too small to pay
    const std::uint64_t key = geometry_key(g);
    {
      const std::lock_guard lock(cache_mutex);
      if (auto it = cache().find(key); it != cache().end()) {
        out[i] = it->second;
        continue;
      }
    }
    out[i] = simplify(g);
    const std::lock_guard lock(cache_mutex);
    cache().emplace(key, out[i]);
  }
  return out;
}

bool coarse_is_fine(float error_m, float distance_m, float px_per_m_at_1m) {
  if (distance_m <= 0.0f) return false;
  return error_m * px_per_m_at_1m / distance_m < kMaxLodErrorPx;
}

}  // namespace effleura::render
