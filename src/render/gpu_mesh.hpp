#pragma once
#include <cstdint>
#include <vector>

// One anatomy::Mesh uploaded to GL: interleaved vertices (position, normal, nine area weights,
// fibre direction) and an index buffer.
#include <glm/vec3.hpp>

#include "anatomy/model.hpp"
#include "render/mesh_lod.hpp"

namespace effleura::render {

class GpuMesh {
 public:
  explicit GpuMesh(const anatomy::Mesh& mesh);
  ~GpuMesh();
  GpuMesh(GpuMesh&& other) noexcept;
  GpuMesh& operator=(GpuMesh&&) = delete;
  GpuMesh(const GpuMesh&) = delete;

  void draw() const;
  // The coarse level where its error stays under a pixel seen from `eye` (in the mesh's
  // frame) with `px_per_m_at_1m`; else the full mesh.
  void draw(const glm::vec3& eye, float px_per_m_at_1m) const;
  // The coarse level whatever the distance (the skin at rest in the page, render/skin_lod.hpp);
  // the full mesh when it has none.
  void draw_coarse() const;
  // Adds a coarser level over the same vertices (an empty one is ignored).
  void set_coarse(const CoarseMesh& coarse);
  [[nodiscard]] anatomy::Layer layer() const { return layer_; }
  [[nodiscard]] const std::string& name() const { return name_; }
  [[nodiscard]] const glm::vec3& centre() const { return centre_; }  // of its vertices' bounding sphere
  [[nodiscard]] float radius() const { return radius_; }

 private:
  unsigned vao_ = 0, vbo_ = 0, ebo_ = 0;
  int index_count_ = 0;
  int coarse_count_ = 0;                 // indices of the coarse level, after the full ones
  float coarse_error_m_ = 0.0f;
  glm::vec3 centre_{0.0f};
  float radius_ = 0.0f;                  // the vertices' sphere round centre_
  std::vector<std::uint32_t> indices_;   // the full level, kept to rebuild the buffer with a coarse one
  anatomy::Layer layer_;
  std::string name_;
};

}  // namespace effleura::render
