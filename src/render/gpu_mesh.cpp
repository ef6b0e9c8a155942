#include "render/gpu_mesh.hpp"

#include <cstddef>
#include <vector>

#include <glm/common.hpp>
#include <glm/geometric.hpp>

#include "render/gl.hpp"
#include "render/skin_lod.hpp"

namespace effleura::render {
namespace {

// Attribute locations shared with shaders/model.vert.
struct Vertex {
  float position[3];
  float normal[3];
  float areas[anatomy::kAreaCount];
  float fibre[4];  // xyz direction, w how much is tendon (anatomy::Mesh::tendon)
  float ankle;
  float occlusion;
};

void attribute(GLuint location, GLint size, std::size_t offset) {
  glEnableVertexAttribArray(location);
  glVertexAttribPointer(location, size, GL_FLOAT, GL_FALSE, sizeof(Vertex),
                        reinterpret_cast<const void*>(offset));
}

// The vertex layout of the bound GL_ARRAY_BUFFER into the bound vertex array.
void attributes() {
  attribute(0, 3, offsetof(Vertex, position));
  attribute(1, 3, offsetof(Vertex, normal));
  attribute(2, 4, offsetof(Vertex, areas));                       // areas 0-3
  attribute(3, 4, offsetof(Vertex, areas) + 4 * sizeof(float));   // areas 4-7
  attribute(4, 1, offsetof(Vertex, areas) + 8 * sizeof(float));   // area 8
  attribute(5, 4, offsetof(Vertex, fibre));
  attribute(6, 1, offsetof(Vertex, ankle));
  attribute(7, 1, offsetof(Vertex, occlusion));
}

}  // namespace

GpuMesh::GpuMesh(const anatomy::Mesh& mesh) : layer_(mesh.layer), name_(mesh.name) {
  std::vector<Vertex> vertices(mesh.positions.size());
  for (std::size_t i = 0; i < vertices.size(); ++i) {
    Vertex& v = vertices[i];
    for (int k = 0; k < 3; ++k) {
      v.position[k] = mesh.positions[i][k];
      v.normal[k] = i < mesh.normals.size() ? mesh.normals[i][k] : (k == 1 ? 1.0f : 0.0f);
      v.fibre[k] = i < mesh.fibre_dirs.size() ? mesh.fibre_dirs[i][k] : (k == 1 ? 1.0f : 0.0f);
    }
    v.fibre[3] = i < mesh.tendon.size() ? mesh.tendon[i] : 0.0f;
    for (std::size_t a = 0; a < anatomy::kAreaCount; ++a)
      v.areas[a] = i < mesh.area_weights.size() ? mesh.area_weights[i][a] : 0.0f;
    v.ankle = i < mesh.ankle_blend.size() ? mesh.ankle_blend[i] : 0.0f;
    v.occlusion = i < mesh.occlusion.size() ? mesh.occlusion[i] : 1.0f;
  }
  glGenVertexArrays(1, &vao_);
  glGenBuffers(1, &vbo_);
  glGenBuffers(1, &ebo_);
  glBindVertexArray(vao_);
  glBindBuffer(GL_ARRAY_BUFFER, vbo_);
  glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(vertices.size() * sizeof(Vertex)),
               vertices.data(), GL_STATIC_DRAW);
  glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, ebo_);
  glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(mesh.indices.size() * sizeof(std::uint32_t)),
               mesh.indices.data(), GL_STATIC_DRAW);
  attributes();
  glBindVertexArray(0);
  index_count_ = static_cast<int>(mesh.indices.size());
  // The skin keeps its index list too: every build draws a coarser skin at rest, the desktop
  // only in the see-through view (render/skin_lod.hpp).
  const bool coarse_skin = mesh.layer == anatomy::Layer::skin;
  if ((wants_lod(mesh.layer, mesh.name) || coarse_skin) && !mesh.positions.empty()) {
    glm::vec3 lo = mesh.positions[0], hi = lo;
    for (const auto& p : mesh.positions) lo = glm::min(lo, p), hi = glm::max(hi, p);
    centre_ = 0.5f * (lo + hi);
    radius_ = 0.5f * glm::length(hi - lo);
    indices_ = mesh.indices;
  }
}

void GpuMesh::set_coarse(const CoarseMesh& coarse) {
  if (coarse.indices.empty() || indices_.empty()) return;
  // One buffer, the full level then the coarse one: the vertex array keeps its binding.
  std::vector<std::uint32_t> both = indices_;
  both.insert(both.end(), coarse.indices.begin(), coarse.indices.end());
  glBindVertexArray(vao_);
  glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(both.size() * sizeof(std::uint32_t)), both.data(),
               GL_STATIC_DRAW);
  glBindVertexArray(0);
  coarse_count_ = static_cast<int>(coarse.indices.size());
  coarse_error_m_ = coarse.error_m;
  indices_.clear();
  indices_.shrink_to_fit();
}

void GpuMesh::set_grouped(const std::vector<std::uint32_t>& indices) {
  if (indices.empty()) return;
  if (!group_vao_) {
    glGenVertexArrays(1, &group_vao_);
    glGenBuffers(1, &group_ebo_);
    glBindVertexArray(group_vao_);
    glBindBuffer(GL_ARRAY_BUFFER, vbo_);
    attributes();
  }
  glBindVertexArray(group_vao_);
  glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, group_ebo_);
  glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(indices.size() * sizeof(std::uint32_t)),
               indices.data(), GL_STATIC_DRAW);
  glBindVertexArray(0);
}

void GpuMesh::draw_grouped(std::uint32_t first, std::uint32_t count) const {
  if (!group_vao_ || count == 0) return;
  glBindVertexArray(group_vao_);
  glDrawElements(GL_TRIANGLES, static_cast<GLsizei>(count), GL_UNSIGNED_INT,
                 reinterpret_cast<const void*>(static_cast<std::size_t>(first) * sizeof(std::uint32_t)));
}

void GpuMesh::draw(const glm::vec3& eye, float px_per_m_at_1m) const {
  // The nearest the mesh comes to the eye bounds how large its error can look.
  const float distance = glm::length(eye - centre_) - radius_;
  if (coarse_count_ == 0 || !coarse_is_fine(coarse_error_m_, distance, px_per_m_at_1m)) {
    draw();
    return;
  }
  glBindVertexArray(vao_);
  glDrawElements(GL_TRIANGLES, coarse_count_, GL_UNSIGNED_INT,
                 reinterpret_cast<const void*>(static_cast<std::size_t>(index_count_) * sizeof(std::uint32_t)));
}

void GpuMesh::draw_coarse() const {
  if (coarse_count_ == 0) {
    draw();
    return;
  }
  glBindVertexArray(vao_);
  glDrawElements(GL_TRIANGLES, coarse_count_, GL_UNSIGNED_INT,
                 reinterpret_cast<const void*>(static_cast<std::size_t>(index_count_) * sizeof(std::uint32_t)));
}

GpuMesh::GpuMesh(GpuMesh&& o) noexcept
    : vao_(o.vao_), vbo_(o.vbo_), ebo_(o.ebo_), group_vao_(o.group_vao_), group_ebo_(o.group_ebo_),
      index_count_(o.index_count_), coarse_count_(o.coarse_count_),
      coarse_error_m_(o.coarse_error_m_), centre_(o.centre_), radius_(o.radius_), indices_(std::move(o.indices_)),
      layer_(o.layer_), name_(std::move(o.name_)) {
  o.vao_ = o.vbo_ = o.ebo_ = o.group_vao_ = o.group_ebo_ = 0;
}

GpuMesh::~GpuMesh() {
  if (vao_) glDeleteVertexArrays(1, &vao_);
  if (group_vao_) glDeleteVertexArrays(1, &group_vao_);
  if (group_ebo_) glDeleteBuffers(1, &group_ebo_);
  if (vbo_) glDeleteBuffers(1, &vbo_);
  if (ebo_) glDeleteBuffers(1, &ebo_);
}

void GpuMesh::draw() const {
  glBindVertexArray(vao_);
  glDrawElements(GL_TRIANGLES, index_count_, GL_UNSIGNED_INT, nullptr);
}

}  // namespace effleura::render
