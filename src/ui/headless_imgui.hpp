#pragma once
// Dear ImGui without a window: the OpenGL 3 backend on the current (EGL) context, the display
// size set by hand. Lets headless screenshots carry the same labels and captions as the window.
#include <glm/vec2.hpp>

namespace effleura::ui {

class HeadlessImGui {
 public:
  // kiosk: the kiosk's larger text (ui/fonts.hpp), as its window draws it.
  explicit HeadlessImGui(bool kiosk = false);
  ~HeadlessImGui();
  HeadlessImGui(const HeadlessImGui&) = delete;
  HeadlessImGui& operator=(const HeadlessImGui&) = delete;

  // Starts a frame of the given size; dt is the fixed frame time.
  void begin(glm::ivec2 size, float dt);
  // Draws what was submitted into the currently bound framebuffer.
  void end();
  [[nodiscard]] float scale() const { return scale_; }
  // Builds the font for pictures of this size (begin does it too, when the size changes).
  void prepare_font(glm::ivec2 size);

 private:
  bool kiosk_ = false;
  float scale_ = 1.0f;
  bool font_built_ = false;
};

}  // namespace effleura::ui
