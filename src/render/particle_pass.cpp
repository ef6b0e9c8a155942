#include "render/particle_pass.hpp"

#include "render/gl.hpp"
#include "render/tissue_uniforms.hpp"

namespace effleura::render {

static_assert(sizeof(flow::ParticleVertex) == 8 * sizeof(float), "two RGBA32F texels per particle");

Expected<ParticlePass> ParticlePass::create() {
  auto program = ShaderProgram::from_files("particles.vert", "particles.frag");
  if (!program) return std::unexpected(program.error());
  ParticlePass pass;
  pass.program_ = std::move(*program);
  // No vertex attributes: the vertex shader reads its particle from a buffer texture.
  glGenVertexArrays(1, &pass.vao_);
  glGenBuffers(1, &pass.buffer_);
  glGenTextures(1, &pass.texture_);
  glBindBuffer(GL_TEXTURE_BUFFER, pass.buffer_);
  glBindTexture(GL_TEXTURE_BUFFER, pass.texture_);
  glTexBuffer(GL_TEXTURE_BUFFER, GL_RGBA32F, pass.buffer_);
  glBindTexture(GL_TEXTURE_BUFFER, 0);
  glBindBuffer(GL_TEXTURE_BUFFER, 0);
  return pass;
}

ParticlePass::ParticlePass(ParticlePass&& o) noexcept
    : program_(std::move(o.program_)), vao_(o.vao_), buffer_(o.buffer_), texture_(o.texture_) {
  o.vao_ = o.buffer_ = o.texture_ = 0;
}

ParticlePass::~ParticlePass() {
  if (vao_) glDeleteVertexArrays(1, &vao_);
  if (texture_) glDeleteTextures(1, &texture_);
  if (buffer_) glDeleteBuffers(1, &buffer_);
}

void ParticlePass::draw(const std::vector<flow::ParticleVertex>& particles, const glm::mat4& view_proj,
                        float point_px, glm::ivec2 viewport) {
  if (particles.empty() || viewport.x <= 0 || viewport.y <= 0) return;
  program_.use();
  program_.set("uViewProj", view_proj);
  program_.set("uPointSize", point_px);
  program_.set("uViewport", glm::vec2(viewport));
  program_.set("uSpeedScale", kParticleSpeedScale);
  program_.set("uParticles", 0);
  set_tissue_uniforms(program_.id(), tissue_);
  program_.set("uKnee", knee_);
  glBindBuffer(GL_TEXTURE_BUFFER, buffer_);
  glBufferData(GL_TEXTURE_BUFFER, static_cast<GLsizeiptr>(particles.size() * sizeof(flow::ParticleVertex)),
               particles.data(), GL_STREAM_DRAW);
  glBindBuffer(GL_TEXTURE_BUFFER, 0);
  glActiveTexture(GL_TEXTURE0);
  glBindTexture(GL_TEXTURE_BUFFER, texture_);
  glEnable(GL_DEPTH_TEST);
  glDepthMask(GL_TRUE);
  glDisable(GL_BLEND);
  // Multisampling stays on even though the dots' edges come from the discard: with it off,
  // llvmpipe (Mesa 22.3) writes a dot's depth to one sample of four, and whatever is drawn
  // later behind the dots (valves, hands) then shows through them.
  glBindVertexArray(vao_);
  glDrawArrays(GL_TRIANGLES, 0, static_cast<GLsizei>(particles.size() * 3));
  glBindVertexArray(0);
  glBindTexture(GL_TEXTURE_BUFFER, 0);
}

}  // namespace effleura::render
