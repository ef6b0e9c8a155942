#pragma once
// The platform with a display: a GLFW window with Dear ImGui's GLFW and OpenGL 3 backends, set
// up once for the explorer, the lesson player and the kiosk. Input events become commands:
// the explorer's keys, clicks and camera moves, or the kiosk's exit chord and "a visitor
// touched it".
#include <memory>

#include <glm/vec2.hpp>

#include "app/camera_input.hpp"
#include "app/platform.hpp"
#include "core/error.hpp"
#include "render/gl_context.hpp"

namespace effleura::app {

struct WindowLook {
  float font_px = 17.0f;      // at a content scale of 1
  bool scale_sizes = true;    // ImGui's paddings and widgets grow with the content scale too
  bool hide_cursor = false;   // the kiosk
};

class WindowPlatform final : public Platform {
 public:
  static Expected<std::unique_ptr<WindowPlatform>> open(const render::WindowOptions& options, const WindowLook& look);
  ~WindowPlatform() override;
  WindowPlatform(const WindowPlatform&) = delete;
  WindowPlatform& operator=(const WindowPlatform&) = delete;

  [[nodiscard]] render::RenderTarget& target() override { return target_; }
  void take_input(Context& ctx, double dt) override;
  void begin_ui(double) override {}
  void end_frame() override;
  [[nodiscard]] glm::ivec2 ui_size() const override;
  [[nodiscard]] float ui_scale() const override { return scale_; }
  [[nodiscard]] std::optional<glm::vec2> hover_point() const override;
  [[nodiscard]] bool closing() const override;
  void close();

 private:
  explicit WindowPlatform(std::unique_ptr<render::WindowContext> window);
  void explorer_input(Context& ctx, double dt);
  void kiosk_input(Context& ctx, double dt);

  std::unique_ptr<render::WindowContext> window_;
  render::WindowTarget target_;
  InputState input_;
  glm::dvec2 last_mouse_{0.0};
  float scale_ = 1.0f;
};

}  // namespace effleura::app
