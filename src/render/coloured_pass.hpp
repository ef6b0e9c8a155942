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
  // The knee bend of shaders/model.vert (xyz the knee centre, w degrees): trails and valves
  // stay on the bent leg.
  void set_knee(const glm::vec4& knee) { knee_ = knee; }
  // The hip blend (anatomy::blend_hip; xyz the hip centre, w the hip flexion in degrees).
  void set_hip(const glm::vec4& hip) { hip_ = hip; }

 private:
  ColouredPass() = default;
  ShaderProgram program_;
  glm::vec4 knee_{0.0f};
  glm::vec4 hip_{0.0f};
  unsigned vao_ = 0, vbo_ = 0;
};

}  // namespace effleura::render
