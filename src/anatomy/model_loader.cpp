#include "anatomy/model_loader.hpp"

#include <assimp/Importer.hpp>
#include <assimp/material.h>
#include <assimp/postprocess.h>
#include <assimp/scene.h>

#include <algorithm>
#include <cmath>
#include <exception>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>

#include <glm/geometric.hpp>
#include <glm/mat3x3.hpp>
#include <glm/mat4x4.hpp>
#include <glm/matrix.hpp>

#include "anatomy/area_attributes.hpp"
#include "anatomy/model_files.hpp"
#include "anatomy/model_input_checks.hpp"
#include "core/files.hpp"

namespace effleura::anatomy {
namespace {

// Names and messages from a file are shown on one line and kept short.
std::string one_line(std::string text, std::size_t max = 200) {
  for (auto& c : text)
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  if (text.size() > max) text = text.substr(0, max) + "...";
  return text;
}

std::string short_name(const std::string& name) { return one_line(name, 60); }

glm::mat4 to_glm(const aiMatrix4x4& m) {
  // Assimp is row-major, glm column-major.
  return glm::mat4(m.a1, m.b1, m.c1, m.d1, m.a2, m.b2, m.c2, m.d2, m.a3, m.b3, m.c3, m.d3,
                   m.a4, m.b4, m.c4, m.d4);
}

// Bones as glTF skins arrive in Assimp: one aiBone per joint with its inverse bind matrix and
// the vertices it moves. Joints that move nothing in this mesh are left out; each vertex keeps
// its four strongest joints, renormalised.
Skin read_skin(const aiMesh& am) {
  Skin skin;
  if (!am.HasBones()) return skin;
  std::vector<std::vector<std::pair<float, std::uint8_t>>> per_vertex(am.mNumVertices);
  for (unsigned b = 0; b < am.mNumBones; ++b) {
    const aiBone& bone = *am.mBones[b];
    bool used = false;
    for (unsigned w = 0; w < bone.mNumWeights; ++w) used = used || bone.mWeights[w].mWeight > 0.0f;
    if (!used || skin.joint_names.size() >= 255) continue;
    const auto joint = static_cast<std::uint8_t>(skin.joint_names.size());
    skin.joint_names.emplace_back(bone.mName.C_Str());
    skin.inverse_binds.push_back(to_glm(bone.mOffsetMatrix));
    for (unsigned w = 0; w < bone.mNumWeights; ++w)
      if (bone.mWeights[w].mWeight > 0.0f && bone.mWeights[w].mVertexId < am.mNumVertices)
        per_vertex[bone.mWeights[w].mVertexId].push_back({bone.mWeights[w].mWeight, joint});
  }
  if (skin.joint_names.empty()) return skin;
  for (auto& influences : per_vertex) {
    std::stable_sort(influences.begin(), influences.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    std::array<std::uint8_t, 4> joints{};
    glm::vec4 weights(0.0f);
    float sum = 0.0f;
    for (std::size_t i = 0; i < std::min<std::size_t>(4, influences.size()); ++i) sum += influences[i].first;
    for (std::size_t i = 0; i < std::min<std::size_t>(4, influences.size()); ++i) {
      joints[i] = influences[i].second;
      weights[static_cast<glm::length_t>(i)] = influences[i].first / sum;
    }
    if (influences.empty()) weights.x = 1.0f;  // an unbound vertex follows the first joint
    skin.joints.push_back(joints);
    skin.weights.push_back(weights);
  }
  return skin;
}

// The forge names each of its meshes for a student in the material's name; a foreign
// model's material names ("Material.001") are not shown.
std::string student_label(const aiScene& scene, const aiMesh& am, const Mesh& mesh) {
  if (mesh.layer == Layer::other || am.mMaterialIndex >= scene.mNumMaterials) return {};
  aiString name;
  if (scene.mMaterials[am.mMaterialIndex]->Get(AI_MATKEY_NAME, name) != AI_SUCCESS) return {};
  std::string label = name.C_Str();
  return label == mesh.name ? std::string() : label;
}

// Counts of what collect() has taken so far, so a file of a million copies of one triangle
// (or nodes nested without end) is refused before it costs minutes a frame.
struct Budget {
  ModelLimits limits;
  std::size_t instances = 0;
  std::uint64_t vertices = 0;
};

// What we use of Assimp's scene, checked here instead of by its ValidateDataStructure step
// (which also refuses things we never read, such as an animation key past the end).
Expected<void> check_mesh(const aiScene& scene, unsigned index) {
  if (index >= scene.mNumMeshes || !scene.mMeshes[index]) return fail("a node refers to a mesh that does not exist");
  const aiMesh& am = *scene.mMeshes[index];
  if (am.mNumVertices > 0 && !am.mVertices) return fail("a mesh has no vertex positions");
  for (unsigned f = 0; f < am.mNumFaces; ++f) {
    const aiFace& face = am.mFaces[f];
    if (face.mNumIndices > 0 && !face.mIndices) return fail("a mesh face has no indices");
    for (unsigned k = 0; k < face.mNumIndices; ++k)
      if (face.mIndices[k] >= am.mNumVertices) return fail("a mesh face refers to a vertex that does not exist");
  }
  for (unsigned b = 0; b < am.mNumBones; ++b)
    if (!am.mBones || !am.mBones[b] || (am.mBones[b]->mNumWeights > 0 && !am.mBones[b]->mWeights))
      return fail("a mesh bone is incomplete");
  // Assimp 5.2's triangulation asserts that a mesh it has to triangulate gains faces
  // (TriangulateProcess.cpp: numOut != mNumFaces), and its asserts abort the program. Its text
  // readers (OFF, PLY) leave empty faces under a polygon mesh when a file has fewer lines than
  // its header promises (found by tests/fuzz/fuzz_model), so the same count is made here first.
  bool triangulated = am.mPrimitiveTypes & aiPrimitiveType_POLYGON;
  if (!am.mPrimitiveTypes)
    for (unsigned f = 0; f < am.mNumFaces && !triangulated; ++f) triangulated = am.mFaces[f].mNumIndices != 3;
  if (triangulated) {
    std::uint64_t out = 0;
    for (unsigned f = 0; f < am.mNumFaces; ++f) {
      const unsigned n = am.mFaces[f].mNumIndices;
      out += n <= 3 ? 1u : n - 2u;
    }
    if (out == am.mNumFaces) return fail("a mesh's faces do not match the polygons it says it holds (a damaged file?)");
  }
  return {};
}

Expected<void> check_scene(const aiScene& scene, const aiNode& node, std::size_t depth, const Budget& budget) {
  if (depth > budget.limits.node_depth)
    return fail("nodes nest deeper than " + std::to_string(budget.limits.node_depth) + " levels");
  for (unsigned i = 0; i < node.mNumMeshes; ++i)
    if (auto ok = check_mesh(scene, node.mMeshes[i]); !ok) return ok;
  for (unsigned c = 0; c < node.mNumChildren; ++c) {
    if (!node.mChildren || !node.mChildren[c]) return fail("a node's child is missing");
    if (auto ok = check_scene(scene, *node.mChildren[c], depth + 1, budget); !ok) return ok;
  }
  return {};
}

Expected<void> collect(const aiScene& scene, const aiNode& node, const glm::mat4& parent, Model& out,
                       Budget& budget) {
  const glm::mat4 world = parent * to_glm(node.mTransformation);
  constexpr std::string_view kLandmark = "landmark.";
  if (node.mNumMeshes == 0 && std::string_view(node.mName.C_Str()).starts_with(kLandmark) &&
      node.mName.length > kLandmark.size())
    out.landmarks.push_back({std::string(node.mName.C_Str() + kLandmark.size()), glm::vec3(world[3])});
  const glm::mat3 normal_matrix = glm::transpose(glm::inverse(glm::mat3(world)));
  for (unsigned i = 0; i < node.mNumMeshes; ++i) {
    const aiMesh& am = *scene.mMeshes[node.mMeshes[i]];
    if (am.mNumVertices == 0 || !(am.mPrimitiveTypes & aiPrimitiveType_TRIANGLE)) continue;
    budget.vertices += am.mNumVertices;
    if (++budget.instances > budget.limits.primitives)
      return fail("the model draws more than " + std::to_string(budget.limits.primitives) +
                  " mesh parts; too many to draw");
    if (budget.vertices > budget.limits.vertices)
      return fail("the model has more than " + std::to_string(budget.limits.vertices) +
                  " vertices; too many to draw");
    Mesh mesh;
    // glTF names the node; the mesh name is the fallback for formats that only name meshes.
    mesh.name = node.mName.length ? node.mName.C_Str() : am.mName.C_Str();
    if (node.mNumMeshes > 1 || mesh.name.empty()) mesh.name = am.mName.length ? am.mName.C_Str() : mesh.name;
    mesh.layer = layer_from_name(mesh.name);
    mesh.label = student_label(scene, am, mesh);
    mesh.positions.reserve(am.mNumVertices);
    mesh.normals.reserve(am.mNumVertices);
    for (unsigned v = 0; v < am.mNumVertices; ++v) {
      const aiVector3D& p = am.mVertices[v];
      const glm::vec3 q(world * glm::vec4(p.x, p.y, p.z, 1.0f));
      if (!std::isfinite(q.x) || !std::isfinite(q.y) || !std::isfinite(q.z))
        return fail("mesh '" + short_name(mesh.name) + "' has a vertex position that is not a finite number");
      mesh.positions.push_back(q);
      glm::vec3 n(0.0f, 1.0f, 0.0f);
      if (am.mNormals) n = glm::normalize(normal_matrix * glm::vec3(am.mNormals[v].x, am.mNormals[v].y, am.mNormals[v].z));
      mesh.normals.push_back(n);
    }
    for (unsigned f = 0; f < am.mNumFaces; ++f) {
      const aiFace& face = am.mFaces[f];
      if (face.mNumIndices != 3) continue;  // points and lines are not drawn
      for (unsigned k = 0; k < 3; ++k) mesh.indices.push_back(face.mIndices[k]);
    }
    decode_area_attributes(am, mesh);
    mesh.ankle_blend = decode_ankle_blend(am);
    mesh.skin = read_skin(am);
    if (!mesh.indices.empty()) out.meshes.push_back(std::move(mesh));
  }
  for (unsigned c = 0; c < node.mNumChildren; ++c)
    if (auto ok = collect(scene, *node.mChildren[c], world, out, budget); !ok) return ok;
  return {};
}

}  // namespace

Expected<Model> load_model(const std::filesystem::path& path) {
  const std::string name = path.string();
  // Read and checked here first: a FIFO, a device, a folder or a file claiming more than it
  // holds never reaches Assimp.
  auto bytes = read_binary_file(path);
  if (!bytes) {
    Error e = bytes.error();
    if (e.message == "no such file") e.message = "model file not found";
    return std::unexpected(e);
  }
  if (bytes->empty()) return fail("model file is empty", name);
  if (auto ok = check_model_bytes(*bytes, path); !ok)
    return fail("cannot read model (" + ok.error().message + ")", name);

  Assimp::Importer importer;
  auto* io = new ModelFolderIO(path);
  io->keep(path, std::move(*bytes));  // Assimp parses the bytes just checked, not a second read
  importer.SetIOHandler(io);  // the importer owns it from here
  // Imported with no steps first, so the checks below run before any post-processing step
  // walks the data; Assimp's own validation is left out (see check_mesh).
  const aiScene* scene = nullptr;
  try {
    scene = importer.ReadFile(name, 0);
  } catch (const std::exception& e) {
    return fail(std::string("cannot read model (") + e.what() + ")", name);
  }
  if (!scene) {
    std::string why = io->refusal().empty() ? importer.GetErrorString() : io->refusal();
    if (why.empty()) why = "unknown reason";
    return fail("cannot read model (" + one_line(why) + ")", name);
  }
  if ((scene->mFlags & AI_SCENE_FLAGS_INCOMPLETE) || !scene->mRootNode)
    return fail("model file is incomplete (truncated or damaged?)", name);
  Budget budget;
  if (auto ok = check_scene(*scene, *scene->mRootNode, 0, budget); !ok) return fail(ok.error().message, name);
  // Normals are generated only where missing; the forge writes its own smooth normals.
  // No vertex joining: glTF arrives indexed, and joining triples the import time of the leg.
  scene = importer.ApplyPostProcessing(aiProcess_Triangulate | aiProcess_GenSmoothNormals |
                                       aiProcess_SortByPType);
  if (!scene || !scene->mRootNode)
    return fail("cannot prepare the model's meshes (" + one_line(importer.GetErrorString()) + ")", name);

  Model model;
  model.source = name;
  if (auto ok = collect(*scene, *scene->mRootNode, glm::mat4(1.0f), model, budget); !ok)
    return fail(ok.error().message, name);
  if (model.meshes.empty()) return fail("model contains no triangle meshes", name);
  const Bounds b = model.bounds();
  const glm::vec3 size = b.size();
  if (!(std::isfinite(size.x) && std::isfinite(size.y) && std::isfinite(size.z)))
    return fail("model's extent is not a finite number (a transform is too large)", name);
  if (std::max({size.x, size.y, size.z}) <= 0.0f)
    return fail("model has no extent: every vertex lies at one point", name);
  return model;
}

}  // namespace effleura::anatomy
