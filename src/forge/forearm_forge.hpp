#pragma once
// The therapist's forearms in assets/hands.glb: bare skin from the wrist, then a sleeve to the
// elbow, each a rigid mesh bound to one joint ("hand.left.forearm") at
// technique::forearm_bind, so the renderer turns it with technique::place_forearms. The
// forearm's wrist end sits inside the hand's short wrist, so a bent wrist reads as a crease.
#include <array>

#include "forge/skinned_glb.hpp"
#include "forge/tri_mesh.hpp"

namespace effleura::forge {

// Meshes the zero level of `field` turned askew in the lattice: a limb lying along a lattice
// axis puts rows of vertices exactly in line, and the simplifier then folds them into
// triangles of no area, whose removal leaves holes.
TriMesh mesh_askew(const Field& field, const Box& bounds, float voxel);

// "forearm.left", "forearm.right", "sleeve.left", "sleeve.right"; coarseness as for the hands.
std::array<SkinnedOutMesh, 4> forge_forearms(float coarseness);

}  // namespace effleura::forge
