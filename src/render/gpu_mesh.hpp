#pragma once
// One anatomy::Mesh uploaded to GL: interleaved vertices (position, normal, nine area weights,
// fibre direction) and an index buffer.
#include "anatomy/model.hpp"

namespace effleura::render {

class GpuMesh {
 public:
  explicit GpuMesh(const anatomy::Mesh& mesh);
  ~GpuMesh();
  GpuMesh(GpuMesh&& other) noexcept;
  GpuMesh& operator=(GpuMesh&&) = delete;
  GpuMesh(const GpuMesh&) = delete;

  void draw() const;
  [[nodiscard]] anatomy::Layer layer() const { return layer_; }
  [[nodiscard]] const std::string& name() const { return name_; }

 private:
  unsigned vao_ = 0, vbo_ = 0, ebo_ = 0;
  int index_count_ = 0;
  anatomy::Layer layer_;
  std::string name_;
};

}  // namespace effleura::render
