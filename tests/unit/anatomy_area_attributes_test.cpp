#include <doctest/doctest.h>

#include <assimp/mesh.h>

#include <cmath>

#include <glm/geometric.hpp>

#include "anatomy/area_attributes.hpp"
#include "anatomy/model.hpp"

using namespace effleura::anatomy;

TEST_CASE("octahedral encoding keeps unit directions in every octant") {
  for (float x : {-0.9f, -0.2f, 0.0f, 0.5f})
    for (float y : {-0.7f, 0.0f, 0.3f})
      for (float z : {-0.8f, -0.1f, 0.0f, 0.6f}) {
        const glm::vec3 d(x, y, z);
        if (glm::length(d) < 1e-3f) continue;
        const glm::vec3 u = glm::normalize(d);
        const glm::vec2 e = octahedral_encode(u);
        CHECK(std::abs(e.x) <= 1.0f);
        CHECK(std::abs(e.y) <= 1.0f);
        CHECK(glm::dot(octahedral_decode(e), u) > 0.99999f);
      }
}

TEST_CASE("encode then decode gives back areas, ankle blend and fibres") {
  aiMesh m;
  m.mNumVertices = 2;
  VertexAttributes attrs;
  attrs.surface = {{0.25f, 0.5f}, {0.75f, 0.1f}};
  attrs.areas.resize(2);
  for (std::size_t a = 0; a < kAreaCount; ++a) {
    attrs.areas[0][a] = 0.1f * static_cast<float>(a);
    attrs.areas[1][a] = 1.0f - 0.1f * static_cast<float>(a);
  }
  attrs.ankle_blend = {1.0f, 0.25f};
  attrs.fibre_dirs = {glm::normalize(glm::vec3(0.1f, -1.0f, 0.2f)), glm::vec3(0.0f, 0.0f, -1.0f)};
  encode_vertex_attributes(attrs, m);
  for (unsigned s = 0; s <= kFibreSet; ++s) CHECK(m.HasTextureCoords(s));
  Mesh out;
  decode_area_attributes(m, out);
  REQUIRE(out.area_weights.size() == 2);
  for (std::size_t a = 0; a < kAreaCount; ++a) {
    CHECK(out.area_weights[0][a] == doctest::Approx(attrs.areas[0][a]));
    CHECK(out.area_weights[1][a] == doctest::Approx(attrs.areas[1][a]));
  }
  REQUIRE(out.fibre_dirs.size() == 2);
  CHECK(glm::dot(out.fibre_dirs[0], attrs.fibre_dirs[0]) > 0.9999f);
  CHECK(glm::dot(out.fibre_dirs[1], attrs.fibre_dirs[1]) > 0.9999f);
  const auto blend = decode_ankle_blend(m);
  REQUIRE(blend.size() == 2);
  CHECK(blend[1] == doctest::Approx(0.25f));
}

TEST_CASE("a foreign mesh with ordinary texture coordinates is not read as area weights") {
  aiMesh m;
  m.mNumVertices = 1;
  for (unsigned s = 0; s < 2; ++s) {
    m.mTextureCoords[s] = new aiVector3D[1]{aiVector3D(0.3f, 0.7f, 0.0f)};
    m.mNumUVComponents[s] = 2;
  }
  Mesh out;
  decode_area_attributes(m, out);
  CHECK(out.area_weights.empty());
  CHECK(out.fibre_dirs.empty());
  CHECK(decode_ankle_blend(m).empty());
  // Eight sets whose spare coordinates are not zero: still not ours.
  aiMesh many;
  many.mNumVertices = 1;
  for (unsigned s = 0; s < 8; ++s) {
    many.mTextureCoords[s] = new aiVector3D[1]{aiVector3D(0.3f, 0.7f, 0.0f)};
    many.mNumUVComponents[s] = 2;
  }
  Mesh out2;
  decode_area_attributes(many, out2);
  CHECK(out2.area_weights.empty());
}
