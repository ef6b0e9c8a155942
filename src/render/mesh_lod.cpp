#include "render/mesh_lod.hpp"

#include <algorithm>
#include <cmath>
#include <span>
#include <cstring>
#include <map>
#include <mutex>

#include <meshoptimizer.h>

#include "core/cache_file.hpp"

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

namespace {

// Bump when simplify() changes what it makes of the same meshes.
constexpr std::uint32_t kLodCacheVersion = 1;

template <class T>
std::span<const std::uint8_t> bytes_of(const std::vector<T>& v) {
  return {reinterpret_cast<const std::uint8_t*>(v.data()), v.size() * sizeof(T)};
}

std::optional<std::vector<CoarseMesh>> coarse_from_bytes(std::span<const std::uint8_t> bytes,
                                                         const std::vector<MeshGeometry>& meshes) {
  ByteReader r(bytes);
  std::uint64_t count = 0;
  if (!r.pod(count) || count != meshes.size()) return std::nullopt;
  std::vector<CoarseMesh> out(meshes.size());
  for (std::size_t i = 0; i < out.size(); ++i) {
    r.vec(out[i].indices);
    r.pod(out[i].error_m);
    if (!r.ok() || out[i].indices.size() % 3 != 0 || !(out[i].error_m >= 0.0f) || !std::isfinite(out[i].error_m))
      return std::nullopt;
    const std::size_t vertices = meshes[i].positions.size();
    for (const std::uint32_t v : out[i].indices)
      if (v >= vertices) return std::nullopt;
  }
  if (!r.at_end()) return std::nullopt;
  return out;
}

}  // namespace

std::vector<CoarseMesh> build_coarse_meshes_cached(const std::vector<MeshGeometry>& meshes, std::string_view product,
                                                   const std::optional<std::filesystem::path>& cache_dir,
                                                   bool* from_cache) {
  if (from_cache) *from_cache = false;
  if (!cache_dir) return build_coarse_meshes(meshes);
  CacheKey key(product, kLodCacheVersion);
  const float error = kRelativeError;
  const std::uint32_t version = MESHOPTIMIZER_VERSION;
  key.add(std::span(reinterpret_cast<const std::uint8_t*>(&version), sizeof version));
  key.add(std::span(reinterpret_cast<const std::uint8_t*>(&error), sizeof error));
  for (const MeshGeometry& g : meshes) {
    const std::uint64_t counts[] = {g.positions.size(), g.indices.size()};
    key.add(std::span(reinterpret_cast<const std::uint8_t*>(counts), sizeof counts));
    key.add(bytes_of(g.positions));
    key.add(bytes_of(g.indices));
  }
  if (auto stored = read_cache(*cache_dir, key)) {
    if (auto coarse = coarse_from_bytes(*stored, meshes)) {
      if (from_cache) *from_cache = true;
      return std::move(*coarse);
    }
  }
  std::vector<CoarseMesh> out = build_coarse_meshes(meshes);
  ByteWriter w;
  w.pod(static_cast<std::uint64_t>(out.size()));
  for (const CoarseMesh& c : out) {
    w.vec(c.indices);
    w.pod(c.error_m);
  }
  (void)write_cache(*cache_dir, key, w.bytes());  // a read-only folder only loses the saving
  return out;
}

bool coarse_is_fine(float error_m, float distance_m, float px_per_m_at_1m) {
  if (distance_m <= 0.0f) return false;
  return error_m * px_per_m_at_1m / distance_m < kMaxLodErrorPx;
}

}  // namespace effleura::render
