#pragma once
// The window's frame, drawn offscreen and smoothed there, then copied into the window for the
// panels to go on top (unsmoothed, so text stays crisp). Smoothing is 4x multisampling or the
// edge filter (render_target.hpp): on a software renderer multisampling costs far more than it
// shows, so the window chooses the filter there (app/window_platform.cpp), as recordings do.
#include <optional>

#include "render/render_target.hpp"

namespace effleura::render {

class SmoothedWindowTarget final : public RenderTarget {
 public:
  SmoothedWindowTarget(GLFWwindow* window, Antialiasing antialiasing) : window_(window), antialiasing_(antialiasing) {}
  [[nodiscard]] glm::ivec2 size() const override { return window_.size(); }
  // Binds the offscreen scene, made again whenever the window's framebuffer changes size.
  void bind() override;
  // Smooths the scene, copies it into the window and binds the window for the panels.
  void finish_scene() override;
  // The window's back buffer: the smoothed scene once finish_scene() has run.
  Image capture() override { return window_.capture(); }
  [[nodiscard]] unsigned framebuffer() const override { return scene_ ? scene_->framebuffer() : 0u; }
  [[nodiscard]] OffscreenTarget* offscreen() { return scene_ ? &*scene_ : nullptr; }
  [[nodiscard]] Antialiasing antialiasing() const { return antialiasing_; }

 private:
  WindowTarget window_;
  Antialiasing antialiasing_;
  std::optional<OffscreenTarget> scene_;
  glm::ivec2 scene_size_{0};
  bool unavailable_ = false;  // the offscreen frame could not be made: draw straight into the window
};

}  // namespace effleura::render
