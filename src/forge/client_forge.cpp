#include "forge/client_forge.hpp"

#include <algorithm>
#include <limits>
#include <string>

#include <glm/ext/matrix_transform.hpp>
#include <glm/mat3x3.hpp>
#include <glm/matrix.hpp>
#include <glm/trigonometric.hpp>

#include "forge/client_other_leg.hpp"
#include "forge/client_shapes.hpp"
#include "forge/mesh_tools.hpp"
#include "forge/tri_mesh.hpp"

namespace effleura::forge {
namespace {

// Meshed turned askew in the lattice, as the hands are: the table's flat faces lying along a
// lattice axis would put rows of vertices exactly in line, which the simplifier cannot thin
// without folding triangles (it stopped at the full 90,000 triangles of the table top).
TriMesh mesh_askew(const ClientPart& part, float voxel) {
  const glm::mat3 askew = glm::mat3(glm::rotate(glm::mat4(1.0f), glm::radians(23.7f), glm::normalize(glm::vec3(0.3f, 0.8f, 0.5f))));
  const Field turned = [&part, &askew](const glm::vec3& x) { return part.field(askew * x); };
  Box box{glm::vec3(std::numeric_limits<float>::max()), glm::vec3(std::numeric_limits<float>::lowest())};
  for (int c = 0; c < 8; ++c) {
    const glm::vec3 corner((c & 1) ? part.box.max.x : part.box.min.x, (c & 2) ? part.box.max.y : part.box.min.y,
                           (c & 4) ? part.box.max.z : part.box.min.z);
    box.grow(glm::transpose(askew) * corner, 0.0f);
  }
  TriMesh mesh = mesh_level_set(turned, box, voxel);
  for (auto& p : mesh.positions) p = askew * p;
  return mesh;
}

}  // namespace

Expected<ForgedClient> forge_client(const ClientForgeOptions& o) {
  const float coarse = std::max(1.0f, o.coarseness);
  ForgedClient out;
  auto leg = mirrored_leg(o.content_dir / "anatomy", 0.002f * coarse);
  if (!leg) return std::unexpected(leg.error());
  for (const ClientPart& part : client_parts(*leg)) {
    const float voxel = part.voxel * coarse;
    TriMesh mesh = mesh_askew(part, voxel);
    if (mesh.indices.empty()) return fail("client part \"" + part.name + "\" produced no surface");
    if (o.progress) o.progress(part.name + ": meshed " + std::to_string(mesh.triangle_count()) + " triangles, " + std::to_string(non_manifold_edges(mesh)) + " open edges");
    const auto target = std::max<std::size_t>(200, static_cast<std::size_t>(static_cast<float>(part.triangles) / (coarse * coarse)));
    simplify(mesh, target, 0.6f * voxel);
    if (const Seam seam = client_part_seam(part.name); seam.zone) split_long_edges(mesh, part.field, seam.edge, 0.5f * voxel, seam.zone);
    if (const std::size_t open = non_manifold_edges(mesh))
      return fail("client part \"" + part.name + "\" is not closed (" + std::to_string(open) + " open edges)");
    OutMesh m;
    m.name = part.name;
    if (const NormalField normal = client_part_normals(part.name, part.field, 0.5f * voxel, *leg))
      for (const glm::vec3& p : mesh.positions) m.normals.push_back(normal(p));
    else
      m.normals = field_normals(mesh, part.field, 0.5f * voxel);
    m.positions = std::move(mesh.positions);
    m.indices = std::move(mesh.indices);
    m.colour = part.colour;
    if (const Field ankle = client_part_ankle(part.name))
      for (const glm::vec3& p : m.positions) m.attrs.ankle_blend.push_back(ankle(p));
    if (o.progress) o.progress(m.name + ": " + std::to_string(m.indices.size() / 3) + " triangles");
    out.triangles += m.indices.size() / 3;
    out.meshes.push_back(std::move(m));
  }
  return out;
}

Expected<std::vector<std::uint8_t>> forge_client_glb(const ClientForgeOptions& options, std::size_t* triangles) {
  auto client = forge_client(options);
  if (!client) return std::unexpected(client.error());
  if (triangles) *triangles = client->triangles;
  return write_glb(client->meshes);
}

}  // namespace effleura::forge
