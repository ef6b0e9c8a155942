#include "render/coloured_pass.hpp"

#include <cstddef>

#include "render/gl.hpp"

namespace effleura::render {

Expected<ColouredPass> ColouredPass::create() {
  auto program = ShaderProgram::from_files("coloured.vert", "coloured.frag");
  if (!program) return std::unexpected(program.error());
  ColouredPass pass;
  pass.program_ = std::move(*program);
  glGenVertexArrays(1, &pass.vao_);
  glGenBuffers(1, &pass.vbo_);
  glBindVertexArray(pass.vao_);
  glBindBuffer(GL_ARRAY_BUFFER, pass.vbo_);
  glEnableVertexAttribArray(0);
  glVertexAttribPointer(0, 3, GL_FLOAT, GL_FALSE, sizeof(ColouredVertex),
                        reinterpret_cast<const void*>(offsetof(ColouredVertex, position)));
  glEnableVertexAttribArray(1);
  glVertexAttribPointer(1, 4, GL_FLOAT, GL_FALSE, sizeof(ColouredVertex),
                        reinterpret_cast<const void*>(offsetof(ColouredVertex, colour)));
  glBindVertexArray(0);
  return pass;
}

ColouredPass::ColouredPass(ColouredPass&& o) noexcept : program_(std::move(o.program_)), vao_(o.vao_), vbo_(o.vbo_) {
  o.vao_ = o.vbo_ = 0;
}

ColouredPass::~ColouredPass() {
  if (vao_) glDeleteVertexArrays(1, &vao_);
  if (vbo_) glDeleteBuffers(1, &vbo_);
}

void ColouredPass::draw(const std::vector<ColouredVertex>& triangles, const glm::mat4& view_proj) {
  if (triangles.empty()) return;
  program_.use();
  program_.set("uViewProj", view_proj);
  program_.set("uKnee", knee_);
  program_.set("uHip", hip_);
  glBindVertexArray(vao_);
  glBindBuffer(GL_ARRAY_BUFFER, vbo_);
  // Orphan and refill: the data changes every frame.
  glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(triangles.size() * sizeof(ColouredVertex)),
               triangles.data(), GL_STREAM_DRAW);
  glEnable(GL_DEPTH_TEST);
  glDepthMask(GL_FALSE);
  glEnable(GL_BLEND);
  glBlendFunc(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA);
  glDisable(GL_CULL_FACE);
  glEnable(GL_POLYGON_OFFSET_FILL);
  glPolygonOffset(-2.0f, -4.0f);
  glDrawArrays(GL_TRIANGLES, 0, static_cast<GLsizei>(triangles.size()));
  glDisable(GL_POLYGON_OFFSET_FILL);
  glDisable(GL_BLEND);
  glDepthMask(GL_TRUE);
  glBindVertexArray(0);
}

}  // namespace effleura::render
