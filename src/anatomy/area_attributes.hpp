#pragma once
// How per-vertex data the renderer needs travels in a glTF file, in attributes Assimp both
// writes and reads: the forge encodes, the loader decodes. Kept in one place so the two
// cannot drift apart.
//
// Texture coordinate sets of every mesh effleura-forge writes (Assimp's glTF exporter numbers
// the sets it writes without gaps, so every set below is always written, zeros if unused):
//   set 0      surface coordinates: u = around / 360 degrees (0 front, 0.25 lateral), v = height (m)
//   sets 1..5  the nine area weights, two per set (u, v), in kAreaIds order; set 5's v is 0
//   set 6      u = ankle blend: 0 moves with the leg, 1 turns fully with the foot about the
//              ankle axis (a vertex shader mixes the two transforms); v = how much of a
//              muscle is tendon or aponeurosis there (0 belly, 1 tendon; 0 for other meshes)
//   set 7      muscles only: fibre direction, octahedral-encoded unit vector in [-1, 1]^2
#include <array>
#include <vector>

#include <glm/vec2.hpp>
#include <glm/vec3.hpp>

#include "anatomy/areas.hpp"

struct aiMesh;

namespace effleura::anatomy {

struct Mesh;

inline constexpr unsigned kSurfaceSet = 0;
inline constexpr unsigned kFirstAreaSet = 1;
inline constexpr unsigned kAreaSets = (kAreaCount + 1) / 2;
inline constexpr unsigned kAnkleSet = kFirstAreaSet + kAreaSets;  // 6
inline constexpr unsigned kFibreSet = kAnkleSet + 1;              // 7

// What the forge attaches to each vertex of a mesh (all vectors one entry per vertex;
// fibre_dirs may be empty).
struct VertexAttributes {
  std::vector<glm::vec2> surface;
  std::vector<std::array<float, kAreaCount>> areas;
  std::vector<float> ankle_blend;
  std::vector<glm::vec3> fibre_dirs;
  std::vector<float> tendon;  // may be empty (all belly)
};

// Writes `attrs` into the texture coordinate sets above (allocates them on `target`, whose
// mNumVertices must already be set).
void encode_vertex_attributes(const VertexAttributes& attrs, aiMesh& target);

// Fills mesh.area_weights (and fibre_dirs, and tendon where any vertex is tendon) from the Assimp mesh when it carries them in the
// layout above; leaves them empty for other files.
void decode_area_attributes(const aiMesh& source, Mesh& mesh);

// The ankle blend of each vertex (set 6), or empty when the mesh does not carry it.
std::vector<float> decode_ankle_blend(const aiMesh& source);

glm::vec2 octahedral_encode(const glm::vec3& unit);
glm::vec3 octahedral_decode(const glm::vec2& e);

}  // namespace effleura::anatomy
