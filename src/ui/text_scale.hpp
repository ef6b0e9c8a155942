#pragma once
// The current window's text at `scale` times its size while a TextScale lives (ImGui scales a
// window's font, not its spacing: text measured so is text drawn so). As SetWindowFontScale
// does, but without marking the window written to: measured before the View panel begins, the
// current window is ImGui's implicit "Debug" one, which then showed as an empty box behind the
// panels. Used by the structure card and the area notes, which shrink their text a little where
// no column holds them whole.
struct ImGuiWindow;

namespace effleura::ui {

class TextScale {
 public:
  explicit TextScale(float scale);
  ~TextScale();
  TextScale(const TextScale&) = delete;
  TextScale& operator=(const TextScale&) = delete;

 private:
  ImGuiWindow* window_;
  float before_;
};

}  // namespace effleura::ui
