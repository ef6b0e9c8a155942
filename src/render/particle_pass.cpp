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
  // No vertex attributes: the vertex shader reads its particle from a float texture, rows of
  // kParticleTexels texels (a 2D texture rather than a buffer texture: WebGL 2 has none).
  glGenVertexArrays(1, &pass.vao_);
  glGenTextures(1, &pass.texture_);
  glBindTexture(GL_TEXTURE_2D, pass.texture_);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
  glBindTexture(GL_TEXTURE_2D, 0);
  return pass;
}

ParticlePass::ParticlePass(ParticlePass&& o) noexcept
    : program_(std::move(o.program_)), vao_(o.vao_), texture_(o.texture_), rows_(o.rows_) {
  o.vao_ = o.texture_ = 0;
}

ParticlePass::~ParticlePass() {
  if (vao_) glDeleteVertexArrays(1, &vao_);
  if (texture_) glDeleteTextures(1, &texture_);
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
  program_.set("uHip", hip_);
  glActiveTexture(GL_TEXTURE0);
  glBindTexture(GL_TEXTURE_2D, texture_);
  // Two texels a particle, whole rows first, then what is left in the next row.
  const auto* texels = reinterpret_cast<const float*>(particles.data());
  const int count = static_cast<int>(particles.size() * 2);
  const int rows = (count + kParticleTexels - 1) / kParticleTexels;
  if (rows > rows_) {  // grows only: the texture keeps the largest size asked for
    rows_ = rows;
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA32F, kParticleTexels, rows_, 0, GL_RGBA, GL_FLOAT, nullptr);
  }
  glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
  if (const int full = count / kParticleTexels; full > 0)
    glTexSubImage2D(GL_TEXTURE_2D, 0, 0, 0, kParticleTexels, full, GL_RGBA, GL_FLOAT, texels);
  if (const int rest = count % kParticleTexels; rest > 0)
    glTexSubImage2D(GL_TEXTURE_2D, 0, 0, count / kParticleTexels, rest, 1, GL_RGBA, GL_FLOAT,
                    texels + std::size_t(count - rest) * 4);
  glEnable(GL_DEPTH_TEST);
  glDepthMask(GL_TRUE);
  glDisable(GL_BLEND);
  // Multisampling stays on even though the dots' edges come from the discard: with it off,
  // llvmpipe (Mesa 22.3) writes a dot's depth to one sample of four, and whatever is drawn
  // later behind the dots (valves, hands) then shows through them.
  glBindVertexArray(vao_);
  glDrawArrays(GL_TRIANGLES, 0, static_cast<GLsizei>(particles.size() * 3));
  glBindVertexArray(0);
  glBindTexture(GL_TEXTURE_2D, 0);
}

}  // namespace effleura::render
