#include "render/hand_pass.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <vector>

#include "render/gl.hpp"
#include "render/lights.hpp"

namespace effleura::render {
namespace {

struct HandVertex {
  float position[3];
  float normal[3];
  std::uint8_t joints[4];  // into the palette: the right hand's are offset by 16, forearms at 32, 33
  float weights[4];
};

// A muted blue-grey sleeve (as forge/forearm_forge.cpp writes into the file's material).
constexpr glm::vec3 kSleeveColour{0.30f, 0.38f, 0.48f};
// Nails: paler and pinker than the hand's skin (forge/nail_forge.cpp).
constexpr glm::vec3 kNailColour{0.86f, 0.66f, 0.60f};

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
    : program_(std::move(o.program_)), vao_(o.vao_), vbo_(o.vbo_), ebo_(o.ebo_),
      inverse_bind_{o.inverse_bind_[0], o.inverse_bind_[1]},
      forearm_inverse_bind_{o.forearm_inverse_bind_[0], o.forearm_inverse_bind_[1]} {
  std::copy(&o.ranges_[0][0], &o.ranges_[0][0] + 8, &ranges_[0][0]);
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
  // Index ranges in this order: left hand, right hand, left forearm, right forearm (the skin,
  // drawn together), then the left and right sleeve (cloth, a second call), then the nails.
  const auto add_range = [&](Piece piece, std::size_t h, std::uint32_t base, const std::vector<std::uint32_t>& from) {
    Range& r = ranges_[static_cast<std::size_t>(piece)][h];
    r.first = static_cast<int>(indices.size());
    for (std::uint32_t i : from) indices.push_back(base + i);
    r.count = static_cast<int>(from.size());
  };
  const auto add_skinned = [&](Piece piece, std::size_t h, const technique::SkinnedHand& hand) {
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
    add_range(piece, h, base, hand.indices);
  };
  for (std::size_t h = 0; h < 2; ++h) {
    add_skinned(Piece::hand, h, model.hands[h]);
    inverse_bind_[h] = model.hands[h].inverse_bind;
  }
  for (Piece piece : {Piece::forearm, Piece::sleeve})
    for (std::size_t h = 0; h < 2; ++h) {
      const technique::RigidPiece& rigid = piece == Piece::forearm ? model.forearms[h] : model.sleeves[h];
      const auto base = static_cast<std::uint32_t>(vertices.size());
      for (std::size_t v = 0; v < rigid.positions.size(); ++v) {
        HandVertex out{};
        for (int c = 0; c < 3; ++c) {
          out.position[c] = rigid.positions[v][c];
          out.normal[c] = rigid.normals[v][c];
        }
        out.joints[0] = static_cast<std::uint8_t>(kForearmSlot + h);
        out.weights[0] = 1.0f;
        vertices.push_back(out);
      }
      add_range(piece, h, base, rigid.indices);
      forearm_inverse_bind_[h] = rigid.inverse_bind;
    }
  // The nails share the hand's skeleton (and so its inverse binds).
  for (std::size_t h = 0; h < 2; ++h) add_skinned(Piece::nail, h, model.nails[h]);
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
  const bool shown[2] = {view.hands[0].visible && ranges_[0][0].count > 0,
                         view.hands[1].visible && ranges_[0][1].count > 0};
  if (!shown[0] && !shown[1]) return;
  std::array<glm::mat4, kPaletteSize> palette{};
  for (std::size_t h = 0; h < 2; ++h) {
    for (std::size_t p = 0; p < technique::kHandParts; ++p)
      palette[h * technique::kHandParts + p] = view.leg_to_room * view.hands[h].shape.parts[p].frame * inverse_bind_[h][p];
    palette[kForearmSlot + h] = view.leg_to_room * view.hands[h].forearm * forearm_inverse_bind_[h];
  }
  program_.use();
  program_.set("uViewProj", view.projection * view.view);
  program_.set("uEye", view.eye);
  const Lights lights = camera_lights(view.view);
  program_.set("uKeyDir", lights.key);
  program_.set("uFillDir", lights.fill);
  program_.set("uRimDir", lights.rim);
  glUniformMatrix4fv(glGetUniformLocation(program_.id(), "uJoints"), static_cast<GLsizei>(palette.size()), GL_FALSE,
                     &palette[0][0][0]);
  program_.set("uOpacity", 1.0f);
  glBindVertexArray(vao_);
  glEnable(GL_CULL_FACE);  // the skinned frames are rigid: the mirrored left hand keeps outward faces
  const auto draw_range = [](int first, int count) {
    if (count > 0)
      glDrawElements(GL_TRIANGLES, count, GL_UNSIGNED_INT,
                     reinterpret_cast<const void*>(static_cast<std::size_t>(first) * sizeof(std::uint32_t)));
  };
  // A darker, warmer skin tone than the leg's, so the therapist's hands never blend into it.
  program_.set("uBaseColour", glm::vec3(0.60f, 0.42f, 0.32f));
  const Range* hand = ranges_[static_cast<std::size_t>(Piece::hand)];
  const Range* arm = ranges_[static_cast<std::size_t>(Piece::forearm)];
  const Range* sleeve = ranges_[static_cast<std::size_t>(Piece::sleeve)];
  const Range* nail = ranges_[static_cast<std::size_t>(Piece::nail)];
  if (shown[0] && shown[1]) {
    // Both hands and forearms lie one after another in the index buffer: one call for the
    // skin, one for the sleeves and one for the nails (on llvmpipe each call costs about a
    // quarter millisecond).
    draw_range(hand[0].first, arm[1].first + arm[1].count - hand[0].first);
    program_.set("uBaseColour", kSleeveColour);
    draw_range(sleeve[0].first, sleeve[0].count + sleeve[1].count);
    program_.set("uBaseColour", kNailColour);
    draw_range(nail[0].first, nail[0].count + nail[1].count);
  } else {
    const std::size_t h = shown[0] ? 0 : 1;
    draw_range(hand[h].first, hand[h].count);
    draw_range(arm[h].first, arm[h].count);
    program_.set("uBaseColour", kSleeveColour);
    draw_range(sleeve[h].first, sleeve[h].count);
    program_.set("uBaseColour", kNailColour);
    draw_range(nail[h].first, nail[h].count);
  }
  glBindVertexArray(0);
}

}  // namespace effleura::render
