#pragma once
// The platform with a display: a GLFW window with Dear ImGui's GLFW and OpenGL 3 backends, set
// up once for the explorer, the lesson player and the kiosk. GLFW's callbacks queue every
// input event as it comes (app/input_events.hpp); each frame the queue becomes commands in that
// order: the explorer's keys, clicks and camera moves, or the kiosk's exit chord and "a visitor
// touched it". Dear ImGui's backend gets the same events from these callbacks.
#include <chrono>
#include <memory>
#include <optional>
#include <vector>

#include <glm/vec2.hpp>

#include "app/imgui_mouse.hpp"
#include "app/input_events.hpp"
#include "app/platform.hpp"
#include "core/error.hpp"
#include "render/gl_context.hpp"
#include "render/smoothed_window_target.hpp"
#include "ui/fonts.hpp"

namespace effleura::app {

struct WindowLook {
  float font_px = ui::kInterfaceFontPx;  // at a content scale of 1
  bool scale_sizes = true;    // ImGui's paddings and widgets grow with the content scale too
  bool hide_cursor = false;   // the kiosk
  // How the scene's edges are smoothed (--antialias); unset: multisampling on a GPU, the edge
  // filter on a software renderer (render/smoothed_window_target.hpp).
  std::optional<render::Antialiasing> antialias;
};

// GLFW's callbacks append every event to `queue` and to `imgui`, which is fed to Dear ImGui a
// frame's batch at a time (imgui_batch), so quick keys, taps and double clicks all reach its
// panels however slow the frames are.
struct WindowInput {
  InputQueue queue;
  std::vector<InputEvent> imgui;  // events ImGui has yet to see (imgui_batch's frame at a time)
  ImGuiMouse mouse;               // the buttons and pointer ImGui has seen so far
};

// Whether the current GL context draws in software (Mesa's llvmpipe, softpipe, SwiftShader).
[[nodiscard]] bool software_renderer();

class WindowPlatform final : public Platform {
 public:
  static Expected<std::unique_ptr<WindowPlatform>> open(const render::WindowOptions& options, const WindowLook& look);
  ~WindowPlatform() override;
  WindowPlatform(const WindowPlatform&) = delete;
  WindowPlatform& operator=(const WindowPlatform&) = delete;

  [[nodiscard]] render::RenderTarget& target() override { return target_; }
  [[nodiscard]] render::OffscreenTarget* offscreen() override { return target_.offscreen(); }
  [[nodiscard]] render::Antialiasing antialiasing() const { return target_.antialiasing(); }
  [[nodiscard]] render::SmoothedWindowTarget& smoothed_target() { return target_; }
  void take_input(Context& ctx, double dt) override;
  void begin_ui(double) override {}
  void end_frame() override;
  [[nodiscard]] glm::ivec2 ui_size() const override;
  [[nodiscard]] float ui_scale() const override { return scale_; }
  [[nodiscard]] std::optional<glm::vec2> hover_point() const override;
  [[nodiscard]] bool closing() const override;
  [[nodiscard]] bool rebuild_font(float factor) override;
  // A new display scale (the page's device pixel ratio after a browser zoom or a move to another
  // screen): the font and ImGui's sizes follow it from the next frame.
  void rescale(float scale);
  void close();
  // Dynamic resolution judges the frame's work, not its interval: with this on, end_frame waits
  // for the drawing to finish (glFinish) before the swap, and notes when (a swap held to the
  // display's refresh would otherwise read as a slow frame, and the scale would never grow back).
  void measure_work(bool on) { measure_work_ = on; }
  [[nodiscard]] std::chrono::steady_clock::time_point work_done() const { return work_done_; }

 private:
  WindowPlatform(std::unique_ptr<render::WindowContext> window, render::Antialiasing antialiasing);
  std::unique_ptr<render::WindowContext> window_;
  render::SmoothedWindowTarget target_;
  WindowInput input_;  // the window's user pointer
  float scale_ = 1.0f;
  bool scale_sizes_ = true;       // WindowLook::scale_sizes
  float font_px_ = 0.0f;          // the size the interface font is built at
  float pending_font_px_ = 0.0f;  // a new size, built before the next interface frame
  bool measure_work_ = false;
  std::chrono::steady_clock::time_point work_done_{};
};

}  // namespace effleura::app
