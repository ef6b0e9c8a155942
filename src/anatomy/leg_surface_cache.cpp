#include "anatomy/leg_surface_cache.hpp"

#include <cmath>

#include "core/cache_file.hpp"

namespace effleura::anatomy {
namespace {

// Bump when mesh_leg_surface.cpp, foot_shape.cpp or heel_shape.cpp change what the fit makes of
// the same skin. 2: the heel (HeelShape) is stored too.
constexpr std::uint32_t kLegSurfaceCacheVersion = 2;
constexpr int kAlong = 176;  // MeshLegSurface::build's default grid
constexpr int kAround = 96;

}  // namespace

std::vector<std::uint8_t> MeshLegSurface::to_bytes() const {
  ByteWriter w;
  w.pod(min_along());
  w.pod(max_along());
  w.pod(n_along_);
  w.pod(n_around_);
  w.pod(missed_);
  w.vec(r_);
  w.pod(foot_.floor());
  w.pod(foot_.sole_rows());
  w.pod(foot_.sole_columns());
  w.vec(foot_.sole_heights());
  w.pod(heel_.bottom());
  w.pod(heel_.join());
  w.pod(heel_.rows());
  w.vec(heel_.radii());
  w.vec(heel_.shares());
  return w.bytes();
}

std::optional<MeshLegSurface> MeshLegSurface::from_bytes(std::span<const std::uint8_t> bytes) {
  ByteReader r(bytes);
  float lo = 0.0f, hi = 0.0f, floor = 0.0f;
  int along = 0, around = 0, missed = 0, rows = 0, columns = 0;
  std::vector<float> radii, heights;
  r.pod(lo);
  r.pod(hi);
  r.pod(along);
  r.pod(around);
  r.pod(missed);
  r.vec(radii);
  r.pod(floor);
  r.pod(rows);
  r.pod(columns);
  r.vec(heights);
  float heel_bottom = 0.0f, heel_join = 0.0f;
  int heel_rows = 0;
  std::vector<float> heel_radii, heel_shares;
  r.pod(heel_bottom);
  r.pod(heel_join);
  r.pod(heel_rows);
  r.vec(heel_radii);
  r.vec(heel_shares);
  // The same limits build() keeps: a grid of at least 4 x 8, every radius a positive number.
  if (!r.at_end() || !std::isfinite(lo) || !std::isfinite(hi) || !(hi - lo >= 0.1f) || along < 4 || around < 8 ||
      along > 100000 || around > 100000 || radii.size() != static_cast<std::size_t>(along) * static_cast<std::size_t>(around) ||
      !std::isfinite(floor))
    return std::nullopt;
  for (const float v : radii)
    if (!(v > 0.0f) || !std::isfinite(v)) return std::nullopt;
  if (!heights.empty() && (rows < 2 || columns < 2 || heights.size() != static_cast<std::size_t>(rows) * static_cast<std::size_t>(columns)))
    return std::nullopt;
  MeshLegSurface out(lo, hi, along, around);
  out.r_ = std::move(radii);
  out.missed_ = missed;
  if (!heights.empty()) {
    out.foot_.set_floor(floor);
    out.foot_.set_sole_heights(rows, columns, std::move(heights));
  }
  // A heel is stored whole or not at all (none: the model had no skin below the leg's sections).
  if (!heel_radii.empty() &&
      !out.heel_.set(heel_bottom, heel_join, heel_rows, std::move(heel_radii), std::move(heel_shares)))
    return std::nullopt;
  return out;
}

Expected<MeshLegSurface> build_leg_surface_cached(const Model& model,
                                                  const std::optional<std::filesystem::path>& cache_dir,
                                                  bool* from_cache) {
  if (from_cache) *from_cache = false;
  if (!cache_dir) return MeshLegSurface::build(model, kAlong, kAround);
  CacheKey key("leg-surface", kLegSurfaceCacheVersion);
  const int grid[] = {kAlong, kAround};
  key.add(std::span(reinterpret_cast<const std::uint8_t*>(grid), sizeof grid));
  for (const Mesh& m : model.meshes) {
    if (m.layer != Layer::skin) continue;
    key.add(m.name);
    const std::uint64_t counts[] = {m.positions.size(), m.indices.size()};
    key.add(std::span(reinterpret_cast<const std::uint8_t*>(counts), sizeof counts));
    key.add(std::span(reinterpret_cast<const std::uint8_t*>(m.positions.data()), m.positions.size() * sizeof(glm::vec3)));
    key.add(std::span(reinterpret_cast<const std::uint8_t*>(m.indices.data()), m.indices.size() * sizeof(std::uint32_t)));
  }
  if (auto stored = read_cache(*cache_dir, key))
    if (auto surface = MeshLegSurface::from_bytes(*stored)) {
      if (from_cache) *from_cache = true;
      return std::move(*surface);
    }
  auto built = MeshLegSurface::build(model, kAlong, kAround);
  if (built) (void)write_cache(*cache_dir, key, built->to_bytes());
  return built;
}

}  // namespace effleura::anatomy
