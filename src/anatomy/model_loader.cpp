#include "anatomy/model_loader.hpp"

#include <assimp/Importer.hpp>
#include <assimp/material.h>
#include <assimp/postprocess.h>
#include <assimp/scene.h>

#include <algorithm>
#include <string_view>
#include <system_error>
#include <utility>

#include <glm/geometric.hpp>
#include <glm/mat3x3.hpp>
#include <glm/mat4x4.hpp>
#include <glm/matrix.hpp>

#include "anatomy/area_attributes.hpp"

namespace effleura::anatomy {
namespace {

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

void collect(const aiScene& scene, const aiNode& node, const glm::mat4& parent, Model& out) {
  const glm::mat4 world = parent * to_glm(node.mTransformation);
  constexpr std::string_view kLandmark = "landmark.";
  if (node.mNumMeshes == 0 && std::string_view(node.mName.C_Str()).starts_with(kLandmark) &&
      node.mName.length > kLandmark.size())
    out.landmarks.push_back({std::string(node.mName.C_Str() + kLandmark.size()), glm::vec3(world[3])});
  const glm::mat3 normal_matrix = glm::transpose(glm::inverse(glm::mat3(world)));
  for (unsigned i = 0; i < node.mNumMeshes; ++i) {
    const aiMesh& am = *scene.mMeshes[node.mMeshes[i]];
    if (am.mNumVertices == 0 || !(am.mPrimitiveTypes & aiPrimitiveType_TRIANGLE)) continue;
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
      mesh.positions.push_back(glm::vec3(world * glm::vec4(p.x, p.y, p.z, 1.0f)));
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
  for (unsigned c = 0; c < node.mNumChildren; ++c) collect(scene, *node.mChildren[c], world, out);
}

}  // namespace

Expected<Model> load_model(const std::filesystem::path& path) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return fail("model file not found", path.string());
  if (std::filesystem::is_directory(path, ec)) return fail("is a folder, not a model file", path.string());
  if (std::filesystem::file_size(path, ec) == 0) return fail("model file is empty", path.string());

  Assimp::Importer importer;
  // Normals are generated only where missing; the forge writes its own smooth normals.
  // No vertex joining: glTF arrives indexed, and joining triples the import time of the leg.
  const unsigned flags = aiProcess_Triangulate | aiProcess_GenSmoothNormals | aiProcess_SortByPType |
                         aiProcess_ValidateDataStructure;
  const aiScene* scene = importer.ReadFile(path.string(), flags);
  if (!scene) {
    std::string why = importer.GetErrorString();
    if (why.empty()) why = "unknown reason";
    return fail("cannot read model (" + why + ")", path.string());
  }
  if ((scene->mFlags & AI_SCENE_FLAGS_INCOMPLETE) || !scene->mRootNode)
    return fail("model file is incomplete (truncated or damaged?)", path.string());

  Model model;
  model.source = path.string();
  collect(*scene, *scene->mRootNode, glm::mat4(1.0f), model);
  if (model.meshes.empty()) return fail("model contains no triangle meshes", path.string());
  return model;
}

}  // namespace effleura::anatomy
