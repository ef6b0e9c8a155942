#pragma once
// Ambient occlusion approximated from curvature ("cavity" shading): a vertex whose neighbours
// rise above it along its normal sits in a hollow that ambient light reaches less, such as the
// popliteal fossa, the gluteal fold and the gaps between the toes. Cheap (linear in the mesh),
// computed once at load; true hemisphere occlusion would need ray casting per vertex.
#include <vector>

#include "anatomy/model.hpp"

namespace effleura::anatomy {

// Per-vertex ambient factor in [0.45, 1]: 1 on flat or convex skin, lower in hollows.
std::vector<float> cavity_occlusion(const Mesh& mesh);

// Fills Mesh::occlusion for every skin mesh of the model.
void add_cavity_occlusion(Model& model);

}  // namespace effleura::anatomy
