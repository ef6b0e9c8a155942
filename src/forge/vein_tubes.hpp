#pragma once
// Vein tube meshes from the venous network (content/anatomy/veins.toml, read by
// anatomy/vein_network.hpp): each vein a closed tube along its centre line with its radii;
// paired veins (tibial, peroneal) as two tubes side by side.
#include "anatomy/vein_network.hpp"
#include "forge/tri_mesh.hpp"

namespace effleura::forge {

// `scale` multiplies every length (stature / the network's 1.75 m).
TriMesh vein_tube(const anatomy::Vein& vein, float scale);

}  // namespace effleura::forge
