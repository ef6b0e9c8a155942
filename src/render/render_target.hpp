#pragma once
// Where a frame is drawn: the window's back buffer or an offscreen multisampled framebuffer.
// The renderer draws into either the same way; only capture differs.
#include <glm/vec2.hpp>

#include "core/error.hpp"
#include "render/image.hpp"

struct GLFWwindow;

namespace effleura::render {

class RenderTarget {
 public:
  virtual ~RenderTarget() = default;
  [[nodiscard]] virtual glm::ivec2 size() const = 0;
  // Binds it for drawing and sets the viewport.
  virtual void bind() = 0;
  // The last drawn frame as an image (top row first).
  virtual Image capture() = 0;
  // Ends a frame that will not be captured. A window's frame ends with the buffer swap; an
  // offscreen one must hand its commands to the driver, or Mesa keeps queueing every frame
  // and memory grows without bound (seen: 2.5 MB a frame in a headless kiosk soak).
  virtual void end_frame() {}
  // The framebuffer drawn into (0 for a window), for reading the frame back in GL.
  [[nodiscard]] virtual unsigned framebuffer() const = 0;
};

class WindowTarget final : public RenderTarget {
 public:
  explicit WindowTarget(GLFWwindow* window) : window_(window) {}
  [[nodiscard]] glm::ivec2 size() const override;
  void bind() override;
  Image capture() override;
  [[nodiscard]] unsigned framebuffer() const override { return 0; }

 private:
  GLFWwindow* window_;
};

class OffscreenTarget final : public RenderTarget {
 public:
  static Expected<OffscreenTarget> create(glm::ivec2 size, int samples = 4);
  OffscreenTarget(OffscreenTarget&& other) noexcept;
  OffscreenTarget& operator=(OffscreenTarget&&) = delete;
  OffscreenTarget(const OffscreenTarget&) = delete;
  ~OffscreenTarget() override;
  [[nodiscard]] glm::ivec2 size() const override { return size_; }
  void bind() override;
  Image capture() override;
  void end_frame() override;
  [[nodiscard]] unsigned framebuffer() const override { return msaa_fbo_; }

 private:
  OffscreenTarget() = default;
  glm::ivec2 size_{0};
  unsigned msaa_fbo_ = 0, msaa_color_ = 0, msaa_depth_ = 0;
  unsigned resolve_fbo_ = 0, resolve_color_ = 0;
};

// Reads the bound read framebuffer into an image, flipping GL's bottom-up rows.
Image read_framebuffer(glm::ivec2 size);

}  // namespace effleura::render
