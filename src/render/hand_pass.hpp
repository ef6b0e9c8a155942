#pragma once
// Draws both hands and forearms as one skinned mesh (assets/hands.glb) in three draw calls,
// the skin, the sleeves and the nails: the vertex shader poses each vertex from a palette of 38 joint
// matrices (18 a hand, one a forearm) set per frame from the hand skeleton and
// FrameView::HandView::forearm. On llvmpipe each draw call has a fixed cost of about a quarter of a
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
  static constexpr std::size_t kForearmSlot = 2 * technique::kHandParts;  // palette index of the left forearm
  static constexpr std::size_t kPaletteSize = kForearmSlot + 2;
  enum class Piece { hand, forearm, sleeve, nail };
  struct Range {
    int first = 0, count = 0;
  };
  // Index ranges in the shared index buffer, per piece, [0] left and [1] right.
  Range ranges_[4][2]{};
  technique::JointPalette inverse_bind_[2]{};
  glm::mat4 forearm_inverse_bind_[2]{glm::mat4(1.0f), glm::mat4(1.0f)};
};

}  // namespace effleura::render
