#pragma once
// The leg surface fitted to the skin (MeshLegSurface::build, ~0.1 s of ray casting) through
// the start-up cache (core/cache_file.hpp), keyed by the skin meshes' vertices and triangles:
// the only inputs the fit reads. Bump kLegSurfaceCacheVersion in the .cpp when the fit changes.
#include <filesystem>
#include <optional>

#include "anatomy/leg_surface.hpp"
#include "anatomy/model.hpp"
#include "core/error.hpp"

namespace effleura::anatomy {

Expected<MeshLegSurface> build_leg_surface_cached(const Model& model,
                                                  const std::optional<std::filesystem::path>& cache_dir,
                                                  bool* from_cache = nullptr);

}  // namespace effleura::anatomy
