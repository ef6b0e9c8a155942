#pragma once
// Draws both hands' parts (palm and phalanges) as capsules in one instanced draw call: on
// llvmpipe each draw call carries a fixed cost of about a quarter of a millisecond, so 32
// separate parts cost 8 ms a frame; instanced they cost well under one.
#include <array>

#include <glm/mat4x4.hpp>

#include "core/error.hpp"
#include "render/frame_view.hpp"
#include "render/shader_program.hpp"

namespace effleura::render {

class HandPass {
 public:
  static Expected<HandPass> create();
  HandPass(HandPass&& other) noexcept;
  HandPass& operator=(HandPass&&) = delete;
  HandPass(const HandPass&) = delete;
  ~HandPass();

  void draw(const FrameView& view);

 private:
  HandPass() = default;
  ShaderProgram program_;
  unsigned vao_ = 0, vbo_ = 0, ebo_ = 0, instances_ = 0;
  int index_count_ = 0;
};

}  // namespace effleura::render
