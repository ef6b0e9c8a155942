#pragma once
// Mesh clean-up after meshing: simplification and vertex ordering (meshoptimizer), normals
// from the field's gradient (smoother than face normals at any triangle count).
#include <functional>
#include <vector>

#include "forge/tri_mesh.hpp"

namespace effleura::forge {

// Reduces `mesh` toward `target_triangles` while keeping it within `max_error` metres of the
// original surface, drops unused vertices and orders both for the GPU's caches. `carried`,
// when given, holds one more position per vertex (the same surface in another pose) and is
// reordered along with the mesh's own.
void simplify(TriMesh& mesh, std::size_t target_triangles, float max_error,
              std::vector<glm::vec3>* carried = nullptr);

// Removes triangles with a repeated vertex or (nearly) no area.
void drop_degenerate(TriMesh& mesh);

// Removes triangles that share all three vertices with another (folded, back-to-back pairs).
void drop_folded_pairs(TriMesh& mesh);

// Directed edges that do not have exactly one opposite partner: 0 for a closed, consistently
// oriented 2-manifold.
std::size_t non_manifold_edges(const TriMesh& mesh);

// Splits every edge longer than `max_edge` of a triangle with a corner where `zone` holds, at its
// midpoint moved onto the zero level of `field` (Newton steps along its gradient, differences of
// `step`), until no such edge is left; a triangle with one, two or three split edges becomes two,
// three or four, so its neighbours outside the zone stay joined. Bends of the drawn mesh that the
// simplified triangles are too long to follow ask for it (leg_forge.cpp, the knee). Deterministic;
// reorders the mesh for the GPU's caches as simplify does.
void split_long_edges(TriMesh& mesh, const Field& field, float max_edge, float step,
                      const std::function<bool(const glm::vec3&)>& zone);

// The field's central differences at p over +-step on each axis: its gradient times 2 step.
glm::vec3 central_difference(const Field& field, const glm::vec3& p, float step);

// Unit normals: the normalised central-difference gradient of `field`.
std::vector<glm::vec3> field_normals(const TriMesh& mesh, const Field& field, float step);

// Area-weighted vertex normals from the triangles (for meshes built without a field).
std::vector<glm::vec3> surface_normals(const TriMesh& mesh);

}  // namespace effleura::forge
