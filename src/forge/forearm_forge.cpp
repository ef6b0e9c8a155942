#include "forge/forearm_forge.hpp"

#include <algorithm>
#include <limits>
#include <string>

#include <glm/ext/matrix_transform.hpp>
#include <glm/mat3x3.hpp>
#include <glm/matrix.hpp>
#include <glm/trigonometric.hpp>

#include "forge/mesh_tools.hpp"
#include "technique/forearm.hpp"

namespace effleura::forge {
namespace {

// A sleeve in a muted blue-grey, as therapists' tunics often are: distinct from both skin
// tones and from the cyan of highlights and stroke trails.
constexpr glm::vec3 kSleeveColour{0.30f, 0.38f, 0.48f};
constexpr glm::vec3 kSkinColour{0.60f, 0.42f, 0.32f};  // as the hands (hand_forge.cpp)

// A round cone chain along the forearm (local -Z), its section flattened palm-to-back by
// `flatten` (a forearm is wider than it is thick, most of all at the wrist).
float flattened_chain(const Chain& c, glm::vec3 p, float flatten) {
  p.y /= flatten;
  return chain_distance(c, p) * flatten;
}

// Bare forearm, in the forearm's frame (wrist at the origin): from just inside the hand's
// wrist to under the sleeve's cuff. Adult wrist ~17 cm round, forearm ~26 cm below the elbow.
float forearm_distance(const glm::vec3& p) {
  static const Chain c{{{{0.0f, 0.0f, 0.012f}, 0.0240f}, {{0.0f, 0.0f, -0.040f}, 0.0265f},
                        {{0.0f, 0.0f, -0.150f}, 0.0325f}}, {}};
  return flattened_chain(c, p, 0.72f);
}

// The sleeve: a cuff rolled once at its edge, then loose cloth to a rounded end at the elbow.
float sleeve_distance(const glm::vec3& p) {
  static const Chain body{{{{0.0f, 0.0f, -0.125f}, 0.0345f}, {{0.0f, 0.0f, -0.200f}, 0.0385f},
                           {{0.0f, 0.0f, -0.250f}, 0.0395f}}, {}};
  static const Chain cuff{{{{0.0f, 0.0f, -0.118f}, 0.0385f}, {{0.0f, 0.0f, -0.132f}, 0.0385f}}, {}};
  return smooth_min(flattened_chain(body, p, 0.80f), flattened_chain(cuff, p, 0.78f), 0.002f);
}

SkinnedOutMesh rigid_mesh(const std::string& name, const Field& field, const Box& box, float voxel,
                          std::size_t triangles, float max_error, glm::vec3 colour) {
  TriMesh mesh = mesh_askew(field, box, voxel);
  simplify(mesh, triangles, max_error);
  SkinnedOutMesh out;
  out.name = name + ".left";
  out.normals = field_normals(mesh, field, 0.5f * voxel);
  out.indices = mesh.indices;
  out.colour = colour;
  // Modelled in the forearm's frame; stored at the bind pose, in the hand's palm frame.
  const glm::mat4 bind = technique::forearm_bind(Hand::left);
  for (const auto& p : mesh.positions) out.positions.push_back(glm::vec3(bind * glm::vec4(p, 1.0f)));
  for (auto& n : out.normals) n = glm::mat3(bind) * n;
  out.joints.assign(out.positions.size(), {0, 0, 0, 0});
  out.weights.assign(out.positions.size(), glm::vec4(1.0f, 0.0f, 0.0f, 0.0f));
  out.skeleton = {{technique::forearm_joint_name(Hand::left), -1, bind}};
  return out;
}

SkinnedOutMesh mirrored(SkinnedOutMesh m, const std::string& name) {
  // As the hands: mirrored across X, the winding reversed so the faces still point outward.
  m.name = name + ".right";
  for (auto& p : m.positions) p.x = -p.x;
  for (auto& n : m.normals) n.x = -n.x;
  for (std::size_t t = 0; t + 2 < m.indices.size(); t += 3) std::swap(m.indices[t + 1], m.indices[t + 2]);
  m.skeleton = {{technique::forearm_joint_name(Hand::right), -1, technique::forearm_bind(Hand::right)}};
  return m;
}

}  // namespace

TriMesh mesh_askew(const Field& field, const Box& b, float voxel) {
  const glm::mat3 askew = glm::mat3(glm::rotate(glm::mat4(1.0f), glm::radians(23.7f), glm::normalize(glm::vec3(0.3f, 0.8f, 0.5f))));
  const Field turned = [&field, &askew](const glm::vec3& x) { return field(askew * x); };
  Box box{glm::vec3(std::numeric_limits<float>::max()), glm::vec3(std::numeric_limits<float>::lowest())};
  for (int c = 0; c < 8; ++c) {
    const glm::vec3 corner((c & 1) ? b.max.x : b.min.x, (c & 2) ? b.max.y : b.min.y, (c & 4) ? b.max.z : b.min.z);
    box.grow(glm::transpose(askew) * corner, 0.0f);
  }
  TriMesh mesh = mesh_level_set(turned, box, voxel);
  for (auto& p : mesh.positions) p = askew * p;
  return mesh;
}

std::array<SkinnedOutMesh, 4> forge_forearms(float coarseness) {
  const float coarse = std::max(1.0f, coarseness);
  const auto target = [coarse](std::size_t n) { return std::max<std::size_t>(120, static_cast<std::size_t>(static_cast<float>(n) / (coarse * coarse))); };
  SkinnedOutMesh arm = rigid_mesh("forearm", forearm_distance, {{-0.04f, -0.03f, -0.20f}, {0.04f, 0.03f, 0.05f}},
                                  0.0012f * coarse, target(700), 0.0006f * coarse, kSkinColour);
  SkinnedOutMesh sleeve = rigid_mesh("sleeve", sleeve_distance, {{-0.055f, -0.045f, -0.30f}, {0.055f, 0.045f, -0.07f}},
                                     0.0015f * coarse, target(900), 0.0008f * coarse, kSleeveColour);
  SkinnedOutMesh arm_r = mirrored(arm, "forearm"), sleeve_r = mirrored(sleeve, "sleeve");
  return {std::move(arm), std::move(arm_r), std::move(sleeve), std::move(sleeve_r)};
}

}  // namespace effleura::forge
