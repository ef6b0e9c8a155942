#include "render/hand_pass.hpp"

#include <cmath>
#include <cstddef>
#include <vector>

#include "render/gl.hpp"

namespace effleura::render {
namespace {

// A unit capsule for the shader to stretch: unit-sphere directions split at the equator, with
// which end each vertex belongs to (0 the near cap at z = 0, 1 the far cap at z = length).
struct CapsuleVertex {
  float direction[3];
  float end;
};

struct Instance {
  glm::mat4 frame;     // rigid: rotation and translation
  float shape[3];      // length, radius x, radius y
};

void capsule(int rings, int sectors, std::vector<CapsuleVertex>& vertices, std::vector<std::uint32_t>& indices) {
  for (int r = 0; r <= rings + 1; ++r) {
    const bool far_end = r <= rings / 2;  // the equator ring is doubled: one for each cap
    const int k = far_end ? r : r - 1;
    const float phi = 3.14159265f * float(k) / float(rings);
    for (int s = 0; s <= sectors; ++s) {
      const float theta = 2.0f * 3.14159265f * float(s) / float(sectors);
      vertices.push_back({{std::sin(phi) * std::cos(theta), std::sin(phi) * std::sin(theta), std::cos(phi)},
                          far_end ? 1.0f : 0.0f});
    }
  }
  for (int r = 0; r <= rings; ++r)
    for (int s = 0; s < sectors; ++s) {
      const auto a = static_cast<std::uint32_t>(r * (sectors + 1) + s);
      const auto b = a + static_cast<std::uint32_t>(sectors + 1);
      indices.insert(indices.end(), {a, b, a + 1, a + 1, b, b + 1});
    }
}

}  // namespace

Expected<HandPass> HandPass::create() {
  auto program = ShaderProgram::from_files("part.vert", "model.frag");
  if (!program) return std::unexpected(program.error());
  HandPass pass;
  pass.program_ = std::move(*program);
  std::vector<CapsuleVertex> vertices;
  std::vector<std::uint32_t> indices;
  // 10 x 14 segments: smooth at any zoom a lesson uses, and 2.5x cheaper than 16 x 24, which
  // cost 10 ms a frame in llvmpipe's vertex stage (measured with --bench).
  capsule(10, 14, vertices, indices);
  pass.index_count_ = static_cast<int>(indices.size());
  glGenVertexArrays(1, &pass.vao_);
  glGenBuffers(1, &pass.vbo_);
  glGenBuffers(1, &pass.ebo_);
  glGenBuffers(1, &pass.instances_);
  glBindVertexArray(pass.vao_);
  glBindBuffer(GL_ARRAY_BUFFER, pass.vbo_);
  glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(vertices.size() * sizeof(CapsuleVertex)), vertices.data(),
               GL_STATIC_DRAW);
  glEnableVertexAttribArray(0);
  glVertexAttribPointer(0, 3, GL_FLOAT, GL_FALSE, sizeof(CapsuleVertex), nullptr);
  glEnableVertexAttribArray(1);
  glVertexAttribPointer(1, 1, GL_FLOAT, GL_FALSE, sizeof(CapsuleVertex),
                        reinterpret_cast<const void*>(offsetof(CapsuleVertex, end)));
  glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, pass.ebo_);
  glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(indices.size() * sizeof(std::uint32_t)), indices.data(),
               GL_STATIC_DRAW);
  // Per-instance: the part's frame as four columns, then its shape.
  glBindBuffer(GL_ARRAY_BUFFER, pass.instances_);
  for (GLuint c = 0; c < 4; ++c) {
    glEnableVertexAttribArray(2 + c);
    glVertexAttribPointer(2 + c, 4, GL_FLOAT, GL_FALSE, sizeof(Instance),
                          reinterpret_cast<const void*>(offsetof(Instance, frame) + c * sizeof(glm::vec4)));
    glVertexAttribDivisor(2 + c, 1);
  }
  glEnableVertexAttribArray(6);
  glVertexAttribPointer(6, 3, GL_FLOAT, GL_FALSE, sizeof(Instance), reinterpret_cast<const void*>(offsetof(Instance, shape)));
  glVertexAttribDivisor(6, 1);
  glBindVertexArray(0);
  return pass;
}

HandPass::HandPass(HandPass&& o) noexcept
    : program_(std::move(o.program_)), vao_(o.vao_), vbo_(o.vbo_), ebo_(o.ebo_), instances_(o.instances_),
      index_count_(o.index_count_) {
  o.vao_ = o.vbo_ = o.ebo_ = o.instances_ = 0;
}

HandPass::~HandPass() {
  if (vao_) glDeleteVertexArrays(1, &vao_);
  const GLuint buffers[] = {vbo_, ebo_, instances_};
  for (GLuint b : buffers)
    if (b) glDeleteBuffers(1, &b);
}

void HandPass::draw(const FrameView& view) {
  std::array<Instance, 2 * technique::kHandParts> instances{};
  GLsizei count = 0;
  for (const auto& hand : view.hands) {
    if (!hand.visible) continue;
    for (const auto& p : hand.shape.parts)
      instances[static_cast<std::size_t>(count++)] = Instance{p.frame, {p.length, p.radius.x, p.radius.y}};
  }
  if (count == 0) return;
  program_.use();
  program_.set("uViewProj", view.projection * view.view);
  program_.set("uEye", view.eye);
  // A darker, warmer skin tone than the leg, so the therapist's hands never blend into it.
  program_.set("uBaseColour", glm::vec3(0.60f, 0.42f, 0.32f));
  program_.set("uShading", 0);
  program_.set("uOpacity", 1.0f);
  glBindVertexArray(vao_);
  glBindBuffer(GL_ARRAY_BUFFER, instances_);
  glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(count * sizeof(Instance)), instances.data(), GL_STREAM_DRAW);
  glDisable(GL_CULL_FACE);  // the left hand is mirrored, which flips its winding
  glDrawElementsInstanced(GL_TRIANGLES, index_count_, GL_UNSIGNED_INT, nullptr, count);
  glEnable(GL_CULL_FACE);
  glBindVertexArray(0);
}

}  // namespace effleura::render
