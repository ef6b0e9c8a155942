#pragma once
// Draws blended, per-vertex coloured triangles (trails, arrows, valve leaflets) from a
// buffer refilled each frame.
#include <vector>

#include <glm/mat4x4.hpp>

#include "core/error.hpp"
#include "render/shader_program.hpp"
#include "render/trail_geometry.hpp"

namespace effleura::render {

class ColouredPass {
 public:
  static Expected<ColouredPass> create();
  ColouredPass(ColouredPass&& other) noexcept;
  ColouredPass& operator=(ColouredPass&&) = delete;
  ColouredPass(const ColouredPass&) = delete;
  ~ColouredPass();

  // Depth-tested against what is drawn, without writing depth; pulled slightly toward the
  // viewer so geometry lying on the skin does not flicker through it.
  void draw(const std::vector<ColouredVertex>& triangles, const glm::mat4& view_proj);

 private:
  ColouredPass() = default;
  ShaderProgram program_;
  unsigned vao_ = 0, vbo_ = 0;
};

}  // namespace effleura::render
