#pragma once
// Mesh clean-up after meshing: simplification and vertex ordering (meshoptimizer), normals
// from the field's gradient (smoother than face normals at any triangle count).
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

// Unit normals: the normalised central-difference gradient of `field`.
std::vector<glm::vec3> field_normals(const TriMesh& mesh, const Field& field, float step);

// Area-weighted vertex normals from the triangles (for meshes built without a field).
std::vector<glm::vec3> surface_normals(const TriMesh& mesh);

}  // namespace effleura::forge
