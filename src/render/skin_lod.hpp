#pragma once
// A coarser level of the skin, for frames in which nothing presses it (the web page draws it
// there; the desktop program keeps the full skin unless EFFLEURA_SKIN_LOD=1 asks for it).
// In the browser the page renders on SwiftShader, whose vertex cache re-shades each of the
// skin's 24,000 vertices about 3.8 times a frame (README "In the browser"); the skin was the one
// large mesh without a coarser level (render/mesh_lod.hpp leaves it out, since hands dent it).
// The coarse level indexes the skin's own vertices, so every vertex keeps its nine area weights,
// its ankle and knee blends and its occlusion: the areas light up, the leg bends and the atlas
// cuts it as before. Each area's triangles are simplified on their own with their borders
// locked, so the edges between areas stay exactly where the full skin has them.
// No GL here: built off the GL thread (or when the page's first frame asks).
#include <array>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <vector>

#include <glm/vec3.hpp>

#include "anatomy/model.hpp"
#include "render/frame_view.hpp"
#include "render/mesh_lod.hpp"

namespace effleura::render {

// What simplifying the skin needs, copied so the work can run on another thread.
struct SkinGeometry {
  std::vector<glm::vec3> positions;
  std::vector<std::uint32_t> indices;
  std::vector<std::array<float, anatomy::kAreaCount>> areas;  // empty: one area for all
};

// The most the coarse surface may move from the full one, in metres, as meshoptimizer estimates
// it. On the shipped skin: 47,996 -> 3,294 triangles, and measured on the surfaces (render_skin_
// lod_test) the full skin lies within 4.0 mm of the coarse one, the coarse within 3.1 mm of the
// full: a few pixels of outline at 1280x720 in the default view, where the page draws it.
inline constexpr float kSkinLodErrorM = 0.002f;

// The desktop program's level, finer than the page's: it stands in only in the see-through
// (X-ray) view, and only where its error covers under a pixel (coarse_is_fine, as the inner
// layers' levels). At 2 mm the page's level was never under a pixel in the default X-ray view
// at 1280x720; at 1 mm it is, and the full skin's ~58,000 triangles were the largest share of
// an X-ray frame that is ours (README "Benchmark", session 21).
inline constexpr float kFineSkinLodErrorM = 0.001f;

// The skin mesh of `model` (the first mesh on the skin layer), or nothing when it has none.
SkinGeometry skin_geometry(const anatomy::Model& model);

// The coarse level: an empty index list when the skin is too small to pay.
CoarseMesh build_skin_lod(const SkinGeometry& skin, float error_m = kSkinLodErrorM);

// The same, kept in the start-up cache (core/cache_file.hpp) in `cache_dir` as "lod-skin", keyed
// by the skin's positions, indices and area weights, the error allowed and meshoptimizer's
// version (simplifying the skin costs ~50 ms of CPU, and headless pictures wait for it). A file
// that does not fit the skin (an index past its vertices) is rebuilt. `from_cache` (if given)
// says whether the file answered.
CoarseMesh build_skin_lod_cached(const SkinGeometry& skin, float error_m,
                                 const std::optional<std::filesystem::path>& cache_dir, bool* from_cache = nullptr);

// Which level of the skin a frame draws.
enum class SkinLevel {
  full,            // every triangle: a hand, dent or fold moves the skin, or the skin is opaque
  coarse,          // the page's level whenever the skin is at rest
  coarse_if_fine,  // the desktop's finer level where its error covers under a pixel
};
// `at_rest`: skin_at_rest(); `see_through`: the skin is blended (the X-ray view); `page_level`:
// skin_lod_wanted().
SkinLevel skin_level(bool at_rest, bool see_through, bool page_level);

// Index of the area a triangle belongs to (the largest summed weight of its corners), or
// kAreaCount when its corners carry no area weights.
std::size_t triangle_area(const SkinGeometry& skin, std::size_t triangle);

// True when nothing moves the skin in this frame: no hand drawn, no dent pressed or still
// refilling, no fold lifted. Only then may the coarse level stand in for the full skin (the
// dents are drawn by moving the skin's vertices, and a coarse level has too few of them).
bool skin_at_rest(const FrameView& view);

// Whether this build draws the coarse skin when it is at rest: the page does; the desktop
// program does when EFFLEURA_SKIN_LOD=1 (to compare pictures and frame times like for like).
bool skin_lod_wanted();

}  // namespace effleura::render
