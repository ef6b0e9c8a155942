#include "anatomy/area_attributes.hpp"

#include <assimp/mesh.h>

#include "anatomy/model.hpp"

namespace effleura::anatomy {

// Encoding (owned by the anatomy work; see the forge): three RGBA colour sets would be ideal
// but Assimp's glTF exporter writes only COLOR_0, so the weights ride in texture coordinate
// sets 1..5 (two areas per set, u and v). Set 0 stays free for real UVs.
void decode_area_attributes(const aiMesh& source, Mesh& mesh) {
  constexpr unsigned kFirstSet = 1;
  constexpr unsigned kSets = (kAreaCount + 1) / 2;
  for (unsigned s = 0; s < kSets; ++s)
    if (!source.HasTextureCoords(kFirstSet + s)) return;
  mesh.area_weights.assign(source.mNumVertices, {});
  for (unsigned v = 0; v < source.mNumVertices; ++v) {
    for (unsigned s = 0; s < kSets; ++s) {
      const aiVector3D& uv = source.mTextureCoords[kFirstSet + s][v];
      mesh.area_weights[v][2 * s] = uv.x;
      if (2 * s + 1 < kAreaCount) mesh.area_weights[v][2 * s + 1] = uv.y;
    }
  }
}

}  // namespace effleura::anatomy
