#include "forge/gltf_writer.hpp"

#include <assimp/Exporter.hpp>
#include <assimp/material.h>
#include <assimp/scene.h>

#include <memory>

namespace effleura::forge {

Expected<std::vector<std::uint8_t>> write_glb(const std::vector<OutMesh>& meshes,
                                              const std::vector<OutPoint>& points) {
  if (meshes.empty()) return fail("nothing to write: no meshes");
  // aiScene's destructor frees everything reachable from it, so ownership passes to it as
  // each piece is attached.
  auto scene = std::make_unique<aiScene>();
  scene->mRootNode = new aiNode("leg");
  const unsigned n = static_cast<unsigned>(meshes.size());
  scene->mNumMeshes = n;
  scene->mMeshes = new aiMesh*[n]();
  scene->mNumMaterials = n;
  scene->mMaterials = new aiMaterial*[n]();
  const auto children = n + static_cast<unsigned>(points.size());
  scene->mRootNode->mNumChildren = children;
  scene->mRootNode->mChildren = new aiNode*[children]();
  for (unsigned i = 0; i < n; ++i) {
    const OutMesh& src = meshes[i];
    if (src.positions.size() != src.normals.size() || src.indices.size() % 3 != 0)
      return fail("mesh \"" + src.name + "\" is inconsistent (normals or indices)");
    // Assimp's glTF exporter corrupts the heap on a mesh without triangles (a part thinner than
    // the voxels it was meshed at vanishes: a leg forged at 20 mm voxels aborted in ~aiScene).
    if (src.indices.empty() || src.positions.empty())
      return fail("mesh \"" + src.name + "\" has no triangles (thinner than the voxels it was meshed at?)");
    auto* mat = new aiMaterial();
    scene->mMaterials[i] = mat;
    const aiString mat_name(src.label.empty() ? src.name : src.label);
    mat->AddProperty(&mat_name, AI_MATKEY_NAME);
    const aiColor4D colour(src.colour.x, src.colour.y, src.colour.z, 1.0f);
    mat->AddProperty(&colour, 1, AI_MATKEY_BASE_COLOR);
    mat->AddProperty(&colour, 1, AI_MATKEY_COLOR_DIFFUSE);

    auto* m = new aiMesh();
    scene->mMeshes[i] = m;
    m->mName = aiString(src.name);
    m->mMaterialIndex = i;
    m->mPrimitiveTypes = aiPrimitiveType_TRIANGLE;
    m->mNumVertices = static_cast<unsigned>(src.positions.size());
    m->mVertices = new aiVector3D[m->mNumVertices];
    m->mNormals = new aiVector3D[m->mNumVertices];
    for (unsigned v = 0; v < m->mNumVertices; ++v) {
      m->mVertices[v] = aiVector3D(src.positions[v].x, src.positions[v].y, src.positions[v].z);
      m->mNormals[v] = aiVector3D(src.normals[v].x, src.normals[v].y, src.normals[v].z);
    }
    anatomy::encode_vertex_attributes(src.attrs, *m);
    m->mNumFaces = static_cast<unsigned>(src.indices.size() / 3);
    m->mFaces = new aiFace[m->mNumFaces];
    for (unsigned f = 0; f < m->mNumFaces; ++f) {
      m->mFaces[f].mNumIndices = 3;
      m->mFaces[f].mIndices = new unsigned[3]{src.indices[3 * f], src.indices[3 * f + 1], src.indices[3 * f + 2]};
    }
    auto* node = new aiNode(src.name);
    node->mParent = scene->mRootNode;
    node->mNumMeshes = 1;
    node->mMeshes = new unsigned[1]{i};
    scene->mRootNode->mChildren[i] = node;
  }
  for (unsigned i = 0; i < points.size(); ++i) {
    auto* node = new aiNode("landmark." + points[i].name);
    node->mParent = scene->mRootNode;
    aiMatrix4x4::Translation(aiVector3D(points[i].p.x, points[i].p.y, points[i].p.z), node->mTransformation);
    scene->mRootNode->mChildren[n + i] = node;
  }
  Assimp::Exporter exporter;
  const aiExportDataBlob* blob = exporter.ExportToBlob(scene.get(), "glb2");
  if (!blob) return fail(std::string("glTF export failed: ") + exporter.GetErrorString());
  const auto* bytes = static_cast<const std::uint8_t*>(blob->data);
  std::vector<std::uint8_t> out(bytes, bytes + blob->size);
  return out;
}

}  // namespace effleura::forge
