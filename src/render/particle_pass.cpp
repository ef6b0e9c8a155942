#include "render/particle_pass.hpp"

#include <cstddef>

#include "render/gl.hpp"

namespace effleura::render {

Expected<ParticlePass> ParticlePass::create() {
  auto program = ShaderProgram::from_files("particles.vert", "particles.frag");
  if (!program) return std::unexpected(program.error());
  ParticlePass pass;
  pass.program_ = std::move(*program);
  glGenVertexArrays(1, &pass.vao_);
  glGenBuffers(1, &pass.vbo_);
  glBindVertexArray(pass.vao_);
  glBindBuffer(GL_ARRAY_BUFFER, pass.vbo_);
  glEnableVertexAttribArray(0);
  glVertexAttribPointer(0, 3, GL_FLOAT, GL_FALSE, sizeof(flow::ParticleVertex), nullptr);
  glEnableVertexAttribArray(1);
  glVertexAttribPointer(1, 1, GL_FLOAT, GL_FALSE, sizeof(flow::ParticleVertex),
                        reinterpret_cast<const void*>(offsetof(flow::ParticleVertex, speed)));
  glBindVertexArray(0);
  return pass;
}

ParticlePass::ParticlePass(ParticlePass&& o) noexcept : program_(std::move(o.program_)), vao_(o.vao_), vbo_(o.vbo_) {
  o.vao_ = o.vbo_ = 0;
}

ParticlePass::~ParticlePass() {
  if (vao_) glDeleteVertexArrays(1, &vao_);
  if (vbo_) glDeleteBuffers(1, &vbo_);
}

void ParticlePass::draw(const std::vector<flow::ParticleVertex>& particles, const glm::mat4& view_proj, float point_px) {
  if (particles.empty()) return;
  program_.use();
  program_.set("uViewProj", view_proj);
  program_.set("uPointSize", point_px);
  program_.set("uSpeedScale", kParticleSpeedScale);
  glBindVertexArray(vao_);
  glBindBuffer(GL_ARRAY_BUFFER, vbo_);
  glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(particles.size() * sizeof(flow::ParticleVertex)),
               particles.data(), GL_STREAM_DRAW);
  glEnable(GL_PROGRAM_POINT_SIZE);
  glEnable(GL_DEPTH_TEST);
  glDepthMask(GL_TRUE);
  glDisable(GL_BLEND);
  glDrawArrays(GL_POINTS, 0, static_cast<GLsizei>(particles.size()));
  glDisable(GL_PROGRAM_POINT_SIZE);
  glBindVertexArray(0);
}

}  // namespace effleura::render
