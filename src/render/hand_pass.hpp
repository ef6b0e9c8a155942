#pragma once
// Draws both hands as one skinned mesh (assets/hands.glb) in a single draw call: the vertex
// shader poses each vertex from a palette of 32 joint matrices (16 a hand) set per frame from
// the hand skeleton. On llvmpipe each draw call has a fixed cost of about a quarter of a
// millisecond, and the vertex stage dominates, so the mesh is kept to a few thousand
// triangles a hand.
#include <glm/mat4x4.hpp>

#include "core/error.hpp"
#include "render/frame_view.hpp"
#include "render/shader_program.hpp"
#include "technique/hand_model.hpp"

namespace effleura::render {

class HandPass {
 public:
  static Expected<HandPass> create();
  HandPass(HandPass&& other) noexcept;
  HandPass& operator=(HandPass&&) = delete;
  HandPass(const HandPass&) = delete;
  ~HandPass();

  // Uploads both hands (replacing any earlier upload); until then draw() draws nothing.
  void upload(const technique::HandModel& model);
  void draw(const FrameView& view);

 private:
  HandPass() = default;
  ShaderProgram program_;
  unsigned vao_ = 0, vbo_ = 0, ebo_ = 0;
  // Index ranges of the left hand, then the right, in the shared index buffer.
  int first_[2] = {0, 0}, count_[2] = {0, 0};
  technique::JointPalette inverse_bind_[2]{};
};

}  // namespace effleura::render
