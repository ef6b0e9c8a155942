#include "render/skin_lod.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <span>

#include <meshoptimizer.h>

#include "core/cache_file.hpp"

#ifdef __EMSCRIPTEN__
#include <emscripten.h>
#endif

namespace effleura::render {

namespace {
// A level must save at least this share of the triangles to be worth a second index list.
constexpr float kMinSaving = 0.5f;
}  // namespace

SkinGeometry skin_geometry(const anatomy::Model& model) {
  SkinGeometry out;
  for (const anatomy::Mesh& m : model.meshes) {
    if (m.layer != anatomy::Layer::skin) continue;
    out.positions = m.positions;
    out.indices = m.indices;
    if (m.area_weights.size() == m.positions.size()) out.areas = m.area_weights;
    break;
  }
  return out;
}

std::size_t triangle_area(const SkinGeometry& skin, std::size_t triangle) {
  if (skin.areas.empty()) return anatomy::kAreaCount;
  std::array<float, anatomy::kAreaCount> sum{};
  for (std::size_t k = 0; k < 3; ++k) {
    const auto& w = skin.areas[skin.indices[3 * triangle + k]];
    for (std::size_t a = 0; a < anatomy::kAreaCount; ++a) sum[a] += w[a];
  }
  const auto best = std::max_element(sum.begin(), sum.end());
  return *best > 0.0f ? static_cast<std::size_t>(best - sum.begin()) : anatomy::kAreaCount;
}

CoarseMesh build_skin_lod(const SkinGeometry& skin, float error_m) {
  CoarseMesh out;
  if (skin.indices.size() < 3 * 64 || skin.positions.empty()) return out;
  const float scale = meshopt_simplifyScale(&skin.positions[0].x, skin.positions.size(), sizeof(glm::vec3));
  if (!(scale > 0.0f)) return out;
  // The triangles of each area (and those of no area) apart: simplified each with its border
  // locked, the borders between areas keep every vertex the full skin has there.
  std::array<std::vector<std::uint32_t>, anatomy::kAreaCount + 1> groups;
  for (std::size_t t = 0; 3 * t + 2 < skin.indices.size(); ++t) {
    auto& g = groups[triangle_area(skin, t)];
    g.insert(g.end(), skin.indices.begin() + static_cast<std::ptrdiff_t>(3 * t),
             skin.indices.begin() + static_cast<std::ptrdiff_t>(3 * t + 3));
  }
  float worst = 0.0f;
  for (const auto& g : groups) {
    if (g.empty()) continue;
    std::vector<std::uint32_t> coarse(g.size());
    float error = 0.0f;
    const std::size_t n =
        meshopt_simplify(coarse.data(), g.data(), g.size(), &skin.positions[0].x, skin.positions.size(),
                         sizeof(glm::vec3), 0, error_m / scale, meshopt_SimplifyLockBorder, &error);
    coarse.resize(n);
    out.indices.insert(out.indices.end(), coarse.begin(), coarse.end());
    worst = std::max(worst, error);
  }
  // The vertex cache (SwiftShader's and any GPU's) is what the level is for: reorder for it.
  meshopt_optimizeVertexCache(out.indices.data(), out.indices.data(), out.indices.size(), skin.positions.size());
  if (static_cast<float>(out.indices.size()) > (1.0f - kMinSaving) * static_cast<float>(skin.indices.size())) {
    out.indices.clear();
    return out;
  }
  out.error_m = worst * scale;
  return out;
}

namespace {

// Bump when build_skin_lod() changes what it makes of the same skin.
constexpr std::uint32_t kSkinLodCacheVersion = 1;

template <class T>
std::span<const std::uint8_t> bytes_of(const std::vector<T>& v) {
  return {reinterpret_cast<const std::uint8_t*>(v.data()), v.size() * sizeof(T)};
}

std::optional<CoarseMesh> coarse_from_bytes(std::span<const std::uint8_t> bytes, std::size_t vertices) {
  ByteReader r(bytes);
  CoarseMesh out;
  r.vec(out.indices);
  r.pod(out.error_m);
  if (!r.ok() || !r.at_end() || out.indices.size() % 3 != 0 || !std::isfinite(out.error_m) || out.error_m < 0.0f)
    return std::nullopt;
  for (const std::uint32_t v : out.indices)
    if (v >= vertices) return std::nullopt;
  return out;
}

}  // namespace

CoarseMesh build_skin_lod_cached(const SkinGeometry& skin, float error_m,
                                 const std::optional<std::filesystem::path>& cache_dir, bool* from_cache) {
  if (from_cache) *from_cache = false;
  if (!cache_dir) return build_skin_lod(skin, error_m);
  CacheKey key("lod-skin", kSkinLodCacheVersion);
  const std::uint32_t version = MESHOPTIMIZER_VERSION;
  const std::uint64_t counts[] = {skin.positions.size(), skin.indices.size(), skin.areas.size()};
  key.add(std::span(reinterpret_cast<const std::uint8_t*>(&version), sizeof version));
  key.add(std::span(reinterpret_cast<const std::uint8_t*>(&error_m), sizeof error_m));
  key.add(std::span(reinterpret_cast<const std::uint8_t*>(counts), sizeof counts));
  key.add(bytes_of(skin.positions));
  key.add(bytes_of(skin.indices));
  key.add(bytes_of(skin.areas));
  if (auto stored = read_cache(*cache_dir, key))
    if (auto coarse = coarse_from_bytes(*stored, skin.positions.size())) {
      if (from_cache) *from_cache = true;
      return std::move(*coarse);
    }
  CoarseMesh out = build_skin_lod(skin, error_m);
  ByteWriter w;
  w.vec(out.indices);
  w.pod(out.error_m);
  (void)write_cache(*cache_dir, key, w.bytes());  // a read-only folder only loses the saving
  return out;
}

SkinLevel skin_level(bool at_rest, bool see_through, bool page_level) {
  if (!at_rest) return SkinLevel::full;
  if (page_level) return SkinLevel::coarse;
  return see_through ? SkinLevel::coarse_if_fine : SkinLevel::full;
}

bool skin_at_rest(const FrameView& view) {
  for (const auto& hand : view.hands)
    if (hand.visible) return false;
  for (const auto& dent : view.tissue.dents)
    if (dent.radius > 0.0f && dent.depth != 0.0f) return false;
  for (const auto& capsules : view.tissue.hands)
    for (const auto& c : capsules)
      if (c.radius > 0.0f) return false;
  return true;
}

bool skin_lod_wanted() {
#ifdef __EMSCRIPTEN__
  // The benchmark's +fullskin (web/test/frame_time.mjs) sets window.effleuraFullSkin.
  return EM_ASM_INT({ return (typeof window !== 'undefined' && window.effleuraFullSkin) ? 0 : 1; }) != 0;
#else
  const char* v = std::getenv("EFFLEURA_SKIN_LOD");
  return v != nullptr && std::strcmp(v, "1") == 0;
#endif
}

}  // namespace effleura::render
