#pragma once
// Where frames go and where input comes from: a window (GLFW, with its Dear ImGui backends)
// or EGL without a display (an offscreen target, Dear ImGui drawn by hand). frame() talks to
// whichever the driver opened only through this interface.
#include <optional>

#include <glm/vec2.hpp>

#include "render/render_target.hpp"

namespace effleura::app {

struct Context;

class Platform {
 public:
  virtual ~Platform() = default;
  [[nodiscard]] virtual render::RenderTarget& target() = 0;
  // Offscreen targets only (the recording's edge-filter region); null for a window.
  [[nodiscard]] virtual render::OffscreenTarget* offscreen() { return nullptr; }
  // The input events queued since the last frame, in the order they came, become commands
  // in ctx.pending.input (a window starts its interface frame here first, so that ImGui's
  // "a panel or text field wants the input" is known); headless: nothing.
  virtual void take_input(Context& ctx, double dt) = 0;
  // Starts the interface over the finished scene (headless; a window started it with input).
  virtual void begin_ui(double dt) = 0;
  // Draws the interface and ends the frame (a window swaps buffers).
  virtual void end_frame() = 0;
  // Size and scale the interface is laid out in: window coordinates, or the target's pixels.
  [[nodiscard]] virtual glm::ivec2 ui_size() const = 0;
  [[nodiscard]] virtual float ui_scale() const = 0;
  // Where the pointer rests over the 3D view (not over a panel, no button held); none headless.
  [[nodiscard]] virtual std::optional<glm::vec2> hover_point() const { return std::nullopt; }
  [[nodiscard]] virtual bool closing() const { return false; }
  // Builds the interface font again at `factor` times its size before the next interface
  // frame, so text at a new interface size is sharp, not stretched; false where the platform
  // keeps its font (headless sizes it to the image).
  [[nodiscard]] virtual bool rebuild_font(float /*factor*/) { return false; }
};

}  // namespace effleura::app
