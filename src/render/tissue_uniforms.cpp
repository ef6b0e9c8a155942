#include "render/tissue_uniforms.hpp"

#include <array>

#include <glm/vec4.hpp>

#include "render/gl.hpp"
#include "render/vertex_reach.hpp"

namespace effleura::render {

void set_tissue_uniforms(unsigned program, const technique::TissueShape& tissue) {
  constexpr auto n = static_cast<GLsizei>(technique::kTissueDents);
  std::array<glm::vec4, technique::kTissueDents> dents{};
  std::array<float, technique::kTissueDents> depth{};
  std::array<glm::vec3, technique::kTissueDents> axis{};
  for (std::size_t i = 0; i < technique::kTissueDents; ++i) {
    const technique::TissueDent& d = tissue.dents[i];
    dents[i] = glm::vec4(d.centre, d.radius);
    depth[i] = d.depth;
    axis[i] = d.axis;
  }
  glUniform4fv(glGetUniformLocation(program, "uDent"), n, &dents[0].x);
  glUniform1fv(glGetUniformLocation(program, "uDentDepth"), n, depth.data());
  glUniform3fv(glGetUniformLocation(program, "uDentAxis"), n, &axis[0].x);
  // The hands' flesh (shaders/model.vert, skin only: other programs have no such uniforms).
  static_assert(technique::kHandCapsules == 18, "CAPSULES in shaders/model.vert");
  std::array<glm::vec4, 2 * technique::kHandCapsules> cap_a{};
  std::array<glm::vec3, 2 * technique::kHandCapsules> cap_b{};
  // Each hand's capsules up to its last with a radius: the shader's loop stops there, so a hand
  // away from the leg costs no vertex anything (SwiftShader ran all 36 passes: ~1/3 of the page's
  // frame in the default view, README "In the browser"). The results are the same either way.
  std::array<GLint, 2> used{};
  for (std::size_t h = 0; h < 2; ++h)
    for (std::size_t c = 0; c < technique::kHandCapsules; ++c) {
      const technique::Capsule& cap = tissue.hands[h][c];
      cap_a[h * technique::kHandCapsules + c] = glm::vec4(cap.a, cap.radius);
      cap_b[h * technique::kHandCapsules + c] = cap.b;
      if (cap.radius > 0.0f) used[h] = static_cast<GLint>(c + 1);
    }
  if (const GLint at = glGetUniformLocation(program, "uCapA"); at >= 0) {
    glUniform4fv(at, static_cast<GLsizei>(cap_a.size()), &cap_a[0].x);
    glUniform3fv(glGetUniformLocation(program, "uCapB"), static_cast<GLsizei>(cap_b.size()), &cap_b[0].x);
    glUniform1fv(glGetUniformLocation(program, "uRim"), 2, tissue.rim.data());
    glUniform1fv(glGetUniformLocation(program, "uSag"), 2, tissue.sag.data());
    glUniform1iv(glGetUniformLocation(program, "uHandCapsules"), 2, used.data());
    const std::array<glm::vec4, 2> bounds{capsule_bound(tissue.hands[0]), capsule_bound(tissue.hands[1])};
    glUniform4fv(glGetUniformLocation(program, "uHandBound"), 2, &bounds[0].x);
  }
}

}  // namespace effleura::render
