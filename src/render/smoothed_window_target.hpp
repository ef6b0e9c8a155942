#pragma once
// The window's frame, drawn offscreen and smoothed there, then copied into the window for the
// panels to go on top (unsmoothed, so text stays crisp). Smoothing is 4x multisampling or the
// edge filter (render_target.hpp): on a software renderer multisampling costs far more than it
// shows, so the window chooses the filter there (app/window_platform.cpp), as recordings do.
// The scene may be drawn smaller than the window and stretched into it (dynamic resolution,
// render/dynamic_resolution.hpp); the panels are still drawn at the window's full size.
#include <memory>
#include <optional>

#include "render/render_target.hpp"

namespace effleura::render {

class SmoothedWindowTarget final : public RenderTarget {
 public:
  SmoothedWindowTarget(GLFWwindow* window, Antialiasing antialiasing)
      : output_(std::make_unique<WindowTarget>(window)), antialiasing_(antialiasing) {}
  // The same into an offscreen frame (made without smoothing of its own) instead of a window:
  // the benchmark times the window's way of drawing so, without a display.
  SmoothedWindowTarget(OffscreenTarget output, Antialiasing antialiasing)
      : output_(std::make_unique<OffscreenTarget>(std::move(output))), antialiasing_(antialiasing) {}
  // The window's size: what the view's aspect and the interface are laid out in.
  [[nodiscard]] glm::ivec2 size() const override { return output_->size(); }
  // Binds the offscreen scene (at the scene scale), made again whenever its size changes.
  void bind() override;
  // Smooths the scene into the window (the edge filter at full scale draws straight into it;
  // otherwise smoothed offscreen, then copied, stretched when the scale is under 1) and binds
  // the window for the panels.
  void finish_scene() override;
  // The window's back buffer: the smoothed scene once finish_scene() has run.
  Image capture() override { return output_->capture(); }
  void end_frame() override { output_->end_frame(); }
  [[nodiscard]] unsigned framebuffer() const override { return scene_ ? scene_->framebuffer() : 0u; }
  [[nodiscard]] OffscreenTarget* offscreen() { return scene_ ? &*scene_ : nullptr; }
  [[nodiscard]] Antialiasing antialiasing() const { return antialiasing_; }
  // The scene's width and height as a share of the window's (clamped to 0.25-1), from the
  // next bind() on.
  void set_scene_scale(float scale);
  [[nodiscard]] float scene_scale() const { return scale_; }

 private:
  std::unique_ptr<RenderTarget> output_;
  Antialiasing antialiasing_;
  std::optional<OffscreenTarget> scene_;
  glm::ivec2 scene_size_{0};
  float scale_ = 1.0f;
  bool unavailable_ = false;  // the offscreen frame could not be made: draw straight into the window
};

}  // namespace effleura::render
