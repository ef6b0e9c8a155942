#include "render/hand_pass.hpp"

#include <array>
#include <cstddef>
#include <vector>

#include "render/gl.hpp"

namespace effleura::render {
namespace {

struct HandVertex {
  float position[3];
  float normal[3];
  std::uint8_t joints[4];  // into the 32-entry palette: the right hand's are offset by 16
  float weights[4];
};

}  // namespace

Expected<HandPass> HandPass::create() {
  auto program = ShaderProgram::from_files("hand.vert", "model.frag", "#define SHADING 0");  // skin
  if (!program) return std::unexpected(program.error());
  HandPass pass;
  pass.program_ = std::move(*program);
  glGenVertexArrays(1, &pass.vao_);
  glGenBuffers(1, &pass.vbo_);
  glGenBuffers(1, &pass.ebo_);
  glBindVertexArray(pass.vao_);
  glBindBuffer(GL_ARRAY_BUFFER, pass.vbo_);
  glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, pass.ebo_);
  const auto at = [](std::size_t offset) { return reinterpret_cast<const void*>(offset); };
  glEnableVertexAttribArray(0);
  glVertexAttribPointer(0, 3, GL_FLOAT, GL_FALSE, sizeof(HandVertex), at(offsetof(HandVertex, position)));
  glEnableVertexAttribArray(1);
  glVertexAttribPointer(1, 3, GL_FLOAT, GL_FALSE, sizeof(HandVertex), at(offsetof(HandVertex, normal)));
  glEnableVertexAttribArray(2);
  glVertexAttribIPointer(2, 4, GL_UNSIGNED_BYTE, sizeof(HandVertex), at(offsetof(HandVertex, joints)));
  glEnableVertexAttribArray(3);
  glVertexAttribPointer(3, 4, GL_FLOAT, GL_FALSE, sizeof(HandVertex), at(offsetof(HandVertex, weights)));
  glBindVertexArray(0);
  return pass;
}

HandPass::HandPass(HandPass&& o) noexcept
    : program_(std::move(o.program_)), vao_(o.vao_), vbo_(o.vbo_), ebo_(o.ebo_), first_{o.first_[0], o.first_[1]},
      count_{o.count_[0], o.count_[1]}, inverse_bind_{o.inverse_bind_[0], o.inverse_bind_[1]} {
  o.vao_ = o.vbo_ = o.ebo_ = 0;
}

HandPass::~HandPass() {
  if (vao_) glDeleteVertexArrays(1, &vao_);
  const GLuint buffers[] = {vbo_, ebo_};
  for (GLuint b : buffers)
    if (b) glDeleteBuffers(1, &b);
}

void HandPass::upload(const technique::HandModel& model) {
  std::vector<HandVertex> vertices;
  std::vector<std::uint32_t> indices;
  for (std::size_t h = 0; h < 2; ++h) {
    const technique::SkinnedHand& hand = model.hands[h];
    const auto base = static_cast<std::uint32_t>(vertices.size());
    const auto offset = static_cast<std::uint8_t>(h * technique::kHandParts);
    for (std::size_t v = 0; v < hand.positions.size(); ++v) {
      HandVertex out{};
      for (int c = 0; c < 3; ++c) {
        out.position[c] = hand.positions[v][c];
        out.normal[c] = hand.normals[v][c];
      }
      for (int c = 0; c < 4; ++c) {
        out.joints[c] = static_cast<std::uint8_t>(hand.parts[v][static_cast<std::size_t>(c)] + offset);
        out.weights[c] = hand.weights[v][c];
      }
      vertices.push_back(out);
    }
    first_[h] = static_cast<int>(indices.size());
    for (std::uint32_t i : hand.indices) indices.push_back(base + i);
    count_[h] = static_cast<int>(hand.indices.size());
    inverse_bind_[h] = hand.inverse_bind;
  }
  glBindVertexArray(vao_);
  glBindBuffer(GL_ARRAY_BUFFER, vbo_);
  glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(vertices.size() * sizeof(HandVertex)), vertices.data(),
               GL_STATIC_DRAW);
  glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, ebo_);
  glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(indices.size() * sizeof(std::uint32_t)), indices.data(),
               GL_STATIC_DRAW);
  glBindVertexArray(0);
}

void HandPass::draw(const FrameView& view) {
  const bool shown[2] = {view.hands[0].visible && count_[0] > 0, view.hands[1].visible && count_[1] > 0};
  if (!shown[0] && !shown[1]) return;
  std::array<glm::mat4, 2 * technique::kHandParts> palette{};
  for (std::size_t h = 0; h < 2; ++h)
    for (std::size_t p = 0; p < technique::kHandParts; ++p)
      palette[h * technique::kHandParts + p] = view.leg_to_room * view.hands[h].shape.parts[p].frame * inverse_bind_[h][p];
  program_.use();
  program_.set("uViewProj", view.projection * view.view);
  program_.set("uEye", view.eye);
  glUniformMatrix4fv(glGetUniformLocation(program_.id(), "uJoints"), static_cast<GLsizei>(palette.size()), GL_FALSE,
                     &palette[0][0][0]);
  // A darker, warmer skin tone than the leg, so the therapist's hands never blend into it.
  program_.set("uBaseColour", glm::vec3(0.60f, 0.42f, 0.32f));
  program_.set("uOpacity", 1.0f);
  glBindVertexArray(vao_);
  // Both hands in one call when both show (the usual case); the skinned frames are rigid, so
  // the mirrored left hand keeps outward faces and back faces can be culled.
  const int first = shown[0] ? first_[0] : first_[1];
  const int count = (shown[0] ? count_[0] : 0) + (shown[1] ? count_[1] : 0);
  glEnable(GL_CULL_FACE);
  glDrawElements(GL_TRIANGLES, count, GL_UNSIGNED_INT,
                 reinterpret_cast<const void*>(static_cast<std::size_t>(first) * sizeof(std::uint32_t)));
  glBindVertexArray(0);
}

}  // namespace effleura::render
