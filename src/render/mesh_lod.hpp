#pragma once
// Levels of detail: a coarser index list over a mesh's own vertices (meshoptimizer's
// simplifier, borders and attributes kept as they are), drawn instead of the full one where
// the simplification moves the surface by less than a pixel on screen. On llvmpipe a
// frame's cost is mostly walking triangles, and at the usual distance the inner layers and the
// client's body have several triangles to a pixel. No GL here: built off the GL thread.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <glm/vec3.hpp>

#include "anatomy/model.hpp"

namespace effleura::render {

// What simplifying needs of a mesh, copied so the work can run on another thread.
struct MeshGeometry {
  std::vector<glm::vec3> positions;
  std::vector<std::uint32_t> indices;
};

struct CoarseMesh {
  std::vector<std::uint32_t> indices;  // empty: no coarser level worth drawing
  float error_m = 0.0f;                // the most a drawn surface moves, in the mesh's units (m)
};

// The error allowed on screen: an outline moves by less than the pixel the multisampling or the
// edge filter smooths it over.
constexpr float kMaxLodErrorPx = 1.0f;

// The meshes that get a coarser level: the leg's inner layers (muscles, bones, vessels,
// nerves) and the client's body, table and bolsters. Not the skin (its vertices carry the
// tissue dents and the area colours the student reads), the hands, or the drapes (blended).
bool wants_lod(anatomy::Layer layer, const std::string& name);

// Copies the geometry of the meshes that want a level of detail (an empty one for the rest).
std::vector<MeshGeometry> lod_geometry(const anatomy::Model& model);

// A coarser level of each mesh, where it saves at least a third of the triangles.
std::vector<CoarseMesh> build_coarse_meshes(const std::vector<MeshGeometry>& meshes);

// The same, kept in the start-up cache (core/cache_file.hpp) in `cache_dir` under `product` (one
// file for each model: "lod-leg", "lod-client"), keyed by every mesh's positions and indices, the
// error allowed and meshoptimizer's version. Simplifying the leg and the client took ~30-60 ms of
// CPU beside every start's first frame, and headless pictures wait for it. A file that does not
// fit the meshes (an index past a mesh's vertices, a count that differs) is rebuilt.
// `from_cache` (if given) says whether the file answered.
std::vector<CoarseMesh> build_coarse_meshes_cached(const std::vector<MeshGeometry>& meshes, std::string_view product,
                                                   const std::optional<std::filesystem::path>& cache_dir,
                                                   bool* from_cache = nullptr);

// True when the coarse level's error, seen from `distance_m` with `px_per_m_at_1m` pixels to a
// metre at one metre, stays under kMaxLodErrorPx.
bool coarse_is_fine(float error_m, float distance_m, float px_per_m_at_1m);

}  // namespace effleura::render
