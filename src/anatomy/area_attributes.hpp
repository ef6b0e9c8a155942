#pragma once
// How the nine area weights travel in a glTF file in attributes Assimp reads, both ways: the
// forge encodes, the loader decodes. Kept in one place so the two cannot drift apart.
struct aiMesh;

namespace effleura::anatomy {

struct Mesh;

// Fills mesh.area_weights (and fibre_dirs) from the Assimp mesh when it carries them.
void decode_area_attributes(const aiMesh& source, Mesh& mesh);

}  // namespace effleura::anatomy
