#include "anatomy/area_attributes.hpp"

#include <assimp/mesh.h>

#include <cmath>

#include <glm/geometric.hpp>

#include "anatomy/model.hpp"

namespace effleura::anatomy {
namespace {

// Three RGBA colour sets would be the natural home for nine weights, but Assimp's glTF
// exporter writes only COLOR_0; texture coordinates it writes and reads in any number (8).
bool has_forge_layout(const aiMesh& m) {
  for (unsigned s = 0; s <= kAnkleSet; ++s)
    if (!m.HasTextureCoords(s)) return false;
  // A foreign file with many UV sets is not ours: ours keeps the unused v of set 5 at 0 and
  // the tendon fraction (set 6's v) within 0..1.
  const unsigned n = m.mNumVertices;
  for (unsigned v = 0; v < n; ++v) {
    const float tendon = m.mTextureCoords[kAnkleSet][v].y;
    if (!(tendon >= 0.0f && tendon <= 1.0f) || m.mTextureCoords[kAnkleSet - 1][v].y != 0.0f) return false;
  }
  return true;
}

float sign_not_zero(float v) { return v >= 0.0f ? 1.0f : -1.0f; }

}  // namespace

glm::vec2 octahedral_encode(const glm::vec3& unit) {
  const glm::vec3 n = unit / (std::abs(unit.x) + std::abs(unit.y) + std::abs(unit.z));
  if (n.z >= 0.0f) return {n.x, n.y};
  return {(1.0f - std::abs(n.y)) * sign_not_zero(n.x), (1.0f - std::abs(n.x)) * sign_not_zero(n.y)};
}

glm::vec3 octahedral_decode(const glm::vec2& e) {
  glm::vec3 n(e.x, e.y, 1.0f - std::abs(e.x) - std::abs(e.y));
  if (n.z < 0.0f) {
    const float x = (1.0f - std::abs(n.y)) * sign_not_zero(n.x);
    const float y = (1.0f - std::abs(n.x)) * sign_not_zero(n.y);
    n.x = x;
    n.y = y;
  }
  return glm::normalize(n);
}

void encode_vertex_attributes(const VertexAttributes& attrs, aiMesh& target) {
  const unsigned n = target.mNumVertices;
  auto set = [&](unsigned s) {
    delete[] target.mTextureCoords[s];
    target.mTextureCoords[s] = new aiVector3D[n];
    target.mNumUVComponents[s] = 2;
    return target.mTextureCoords[s];
  };
  aiVector3D* surface = set(kSurfaceSet);
  for (unsigned v = 0; v < n; ++v)
    surface[v] = v < attrs.surface.size() ? aiVector3D(attrs.surface[v].x, attrs.surface[v].y, 0.0f) : aiVector3D();
  for (unsigned s = 0; s < kAreaSets; ++s) {
    aiVector3D* uv = set(kFirstAreaSet + s);
    for (unsigned v = 0; v < n; ++v) {
      uv[v] = aiVector3D();
      if (v >= attrs.areas.size()) continue;
      uv[v].x = attrs.areas[v][2 * s];
      if (2 * s + 1 < kAreaCount) uv[v].y = attrs.areas[v][2 * s + 1];
    }
  }
  aiVector3D* ankle = set(kAnkleSet);
  for (unsigned v = 0; v < n; ++v)
    ankle[v] = aiVector3D(v < attrs.ankle_blend.size() ? attrs.ankle_blend[v] : 0.0f,
                          v < attrs.tendon.size() ? attrs.tendon[v] : 0.0f, 0.0f);
  if (!attrs.fibre_dirs.empty()) {
    aiVector3D* fibre = set(kFibreSet);
    for (unsigned v = 0; v < n; ++v) {
      const glm::vec2 e = v < attrs.fibre_dirs.size() ? octahedral_encode(attrs.fibre_dirs[v]) : glm::vec2(0.0f);
      fibre[v] = aiVector3D(e.x, e.y, 0.0f);
    }
  }
}

void decode_area_attributes(const aiMesh& source, Mesh& mesh) {
  if (!has_forge_layout(source)) return;
  mesh.area_weights.assign(source.mNumVertices, {});
  for (unsigned v = 0; v < source.mNumVertices; ++v) {
    for (unsigned s = 0; s < kAreaSets; ++s) {
      const aiVector3D& uv = source.mTextureCoords[kFirstAreaSet + s][v];
      mesh.area_weights[v][2 * s] = uv.x;
      if (2 * s + 1 < kAreaCount) mesh.area_weights[v][2 * s + 1] = uv.y;
    }
  }
  bool any_tendon = false;
  for (unsigned v = 0; v < source.mNumVertices && !any_tendon; ++v)
    any_tendon = source.mTextureCoords[kAnkleSet][v].y > 0.0f;
  if (any_tendon) {
    mesh.tendon.resize(source.mNumVertices);
    for (unsigned v = 0; v < source.mNumVertices; ++v) mesh.tendon[v] = source.mTextureCoords[kAnkleSet][v].y;
  }
  if (source.HasTextureCoords(kFibreSet)) {
    mesh.fibre_dirs.resize(source.mNumVertices);
    for (unsigned v = 0; v < source.mNumVertices; ++v) {
      const aiVector3D& e = source.mTextureCoords[kFibreSet][v];
      mesh.fibre_dirs[v] = octahedral_decode(glm::vec2(e.x, e.y));
    }
  }
}

std::vector<float> decode_ankle_blend(const aiMesh& source) {
  std::vector<float> out;
  if (!has_forge_layout(source)) return out;
  out.resize(source.mNumVertices);
  for (unsigned v = 0; v < source.mNumVertices; ++v) out[v] = source.mTextureCoords[kAnkleSet][v].x;
  return out;
}

}  // namespace effleura::anatomy
