#include "forge/hand_forge.hpp"

#include <algorithm>
#include <string>

#include <limits>

#include <glm/ext/matrix_transform.hpp>
#include <glm/mat3x3.hpp>
#include <glm/matrix.hpp>
#include <glm/trigonometric.hpp>

#include "forge/forearm_forge.hpp"
#include "forge/hand_field.hpp"
#include "forge/nail_forge.hpp"
#include "forge/mesh_tools.hpp"
#include "forge/tri_mesh.hpp"
#include "technique/hand_rig.hpp"

namespace effleura::forge {
namespace {

// A darker, warmer skin than the leg's, so the therapist's hands never blend into it.
constexpr glm::vec3 kHandColour{0.60f, 0.42f, 0.32f};
constexpr float kVoxel = 0.0010f;              // 1 mm: the thinnest fingertip is ~11 mm across
constexpr std::size_t kTriangles = 4800;       // per hand; llvmpipe skins them every frame
constexpr float kMaxError = 0.0009f;

void say(const HandForgeOptions& o, const std::string& line) {
  if (o.progress) o.progress(line);
}

// Where each joint's frame sits at the bind pose, and how a pose moves a bind-pose point:
// sum over joints of weight * posed frame * inverse bind frame (linear blend skinning).
glm::vec3 skin(const glm::vec3& p, const JointWeights& w, const technique::HandShape& bind,
               const technique::HandShape& posed) {
  glm::vec3 out(0.0f);
  for (std::size_t i = 0; i < 4; ++i) {
    const float k = w.weights[static_cast<glm::length_t>(i)];
    if (k <= 0.0f) continue;
    const std::size_t j = w.joints[i];
    out += k * glm::vec3(posed.parts[j].frame * (glm::inverse(bind.parts[j].frame) * glm::vec4(p, 1.0f)));
  }
  return out;
}

// The mesh is simplified with its fingers curled: bent, the skin over each knuckle is curved,
// so the simplifier keeps rings of vertices there, which is where the skinned mesh has to
// bend. Simplified straight, a finger is a cylinder and its triangles would run from knuckle
// to tip across the joints.
technique::FingerPose shaping_pose() {
  technique::FingerPose p = technique::bind_pose();
  p.flexion[0] = {25.0f, 30.0f, 25.0f};
  for (std::size_t f = 1; f < technique::kFingerCount; ++f) p.flexion[f] = {45.0f, 55.0f, 35.0f};
  p.opposition_deg = 30.0f;
  return p;
}

std::vector<SkinJoint> skeleton(Hand hand) {
  const technique::HandShape bind = technique::build_hand(glm::mat4(1.0f), technique::bind_pose(), hand);
  std::vector<SkinJoint> joints;
  for (std::size_t part = 0; part < technique::kHandParts; ++part) {
    int parent = -1;
    // A finger's first phalanx and the palm's two arching sides hang from the palm.
    if (part >= technique::kFingerPartsEnd)
      parent = 0;
    else if (part > 0)
      parent = (part - 1) % 3 == 0 ? 0 : static_cast<int>(part) - 1;
    joints.push_back({technique::joint_name(hand, part), parent, bind.parts[part].frame});
  }
  return joints;
}

}  // namespace

Expected<ForgedHands> forge_hands(const HandForgeOptions& o) {
  const float coarse = std::max(1.0f, o.coarseness);
  const float voxel = kVoxel * coarse;
  const HandField field;
  const Field f = [&field](const glm::vec3& p) { return field(p); };
  say(o, "hands: meshing the left hand");
  TriMesh mesh = mesh_askew(f, field.bounds(), voxel);
  if (mesh.indices.empty()) return fail("the hand's shape produced no surface");

  say(o, "hands: simplifying (" + std::to_string(mesh.triangle_count()) + " triangles)");
  const technique::HandShape posed = technique::build_hand(glm::mat4(1.0f), shaping_pose(), Hand::left);
  std::vector<glm::vec3> bind_positions = mesh.positions;
  for (auto& p : mesh.positions) p = skin(p, field.weights(p), field.bind(), posed);
  const auto target = std::max<std::size_t>(300, static_cast<std::size_t>(static_cast<float>(kTriangles) / (coarse * coarse)));
  simplify(mesh, target, kMaxError * coarse, &bind_positions);
  mesh.positions = std::move(bind_positions);
  if (const std::size_t bad = non_manifold_edges(mesh))
    return fail("the simplified hand is not closed (" + std::to_string(bad) + " open edges)");

  SkinnedOutMesh left;
  left.name = technique::hand_mesh_name(Hand::left);
  left.normals = field_normals(mesh, f, 0.5f * voxel);
  left.positions = mesh.positions;
  left.indices = mesh.indices;
  left.colour = kHandColour;
  left.skeleton = skeleton(Hand::left);
  for (const auto& p : left.positions) {
    const JointWeights w = field.weights(p);
    left.joints.push_back(w.joints);
    left.weights.push_back(w.weights);
  }

  // The right hand is the left mirrored across its X axis; the mirror turns the triangles
  // inside out, so each one's winding is reversed to face outward again.
  SkinnedOutMesh right = left;
  right.name = technique::hand_mesh_name(Hand::right);
  right.skeleton = skeleton(Hand::right);
  for (auto& p : right.positions) p.x = -p.x;
  for (auto& n : right.normals) n.x = -n.x;
  for (std::size_t t = 0; t + 2 < right.indices.size(); t += 3) std::swap(right.indices[t + 1], right.indices[t + 2]);

  ForgedHands out;
  out.triangles = right.indices.size() / 3 + left.indices.size() / 3;
  say(o, "hands: " + std::to_string(left.indices.size() / 3) + " triangles and " +
             std::to_string(left.positions.size()) + " vertices a hand, " +
             std::to_string(technique::kHandParts) + " joints a hand");
  out.meshes.push_back(std::move(left));
  out.meshes.push_back(std::move(right));
  say(o, "hands: the forearms and sleeves");
  for (Hand h : {Hand::left, Hand::right}) {
    out.meshes.push_back(forge_nails(h, skeleton(h)));
    out.triangles += out.meshes.back().indices.size() / 3;
  }
  for (auto& m : forge_forearms(coarse)) {
    out.triangles += m.indices.size() / 3;
    out.meshes.push_back(std::move(m));
  }
  return out;
}

Expected<std::vector<std::uint8_t>> forge_hands_glb(const HandForgeOptions& options, std::size_t* triangles) {
  auto hands = forge_hands(options);
  if (!hands) return std::unexpected(hands.error());
  if (triangles) *triangles = hands->triangles;
  return write_skinned_glb(hands->meshes);
}

}  // namespace effleura::forge
