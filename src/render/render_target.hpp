#pragma once
// Where a frame is drawn: the window's back buffer or an offscreen multisampled framebuffer.
// The renderer draws into either the same way; only capture differs.
#include <cstdint>
#include <vector>

#include <glm/vec2.hpp>
#include <glm/vec4.hpp>

#include "core/error.hpp"
#include "render/image.hpp"
#include "render/shader_program.hpp"

struct GLFWwindow;

namespace effleura::render {

// How an offscreen frame smooths its edges. Multisampling (4x) is the finest, but on llvmpipe
// it more than doubles the rendering time (measured 6.7 s against 2.9 s of CPU for 120 frames
// at 1280x720); the edge filter is a post-process pass over a single-sample frame at a
// fraction of that, which is what lets a recording run faster than real time there.
enum class Antialiasing { multisample, edge_filter, none };

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
  // The 3D scene is complete: what is drawn after it (captions, panels) goes on top and is not
  // edge-filtered, so text stays crisp. Binds the framebuffer to draw that into.
  virtual void finish_scene() {}
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
  static Expected<OffscreenTarget> create(glm::ivec2 size, Antialiasing antialiasing = Antialiasing::multisample);
  OffscreenTarget(OffscreenTarget&& other) noexcept;
  OffscreenTarget& operator=(OffscreenTarget&&) = delete;
  OffscreenTarget(const OffscreenTarget&) = delete;
  ~OffscreenTarget() override;
  [[nodiscard]] glm::ivec2 size() const override { return size_; }
  [[nodiscard]] Antialiasing antialiasing() const { return antialiasing_; }
  void bind() override;
  Image capture() override;
  void end_frame() override;
  void finish_scene() override;
  // The finished frame as OpenGL stores it, bottom row first and alpha as drawn, into a
  // reused buffer: for a consumer that flips for free and ignores alpha (ffmpeg), this saves
  // the row flip and alpha pass of capture() (about 2 ms a frame at 1280x720).
  void capture_gl_order(std::vector<std::uint8_t>& rgba);
  // Limits the edge filter of the frame being drawn to this rectangle (GL window coordinates;
  // screen_region.hpp); the rest is copied as drawn. bind() resets it to the whole frame.
  void set_filter_region(glm::ivec4 rect) { filter_region_ = rect; }
  [[nodiscard]] unsigned framebuffer() const override { return scene_fbo_; }
  // Makes the finished single-sample frame without reading it back (the multisample resolve
  // or the edge filter), as a window's buffer swap does: the benchmark counts it in a frame.
  void resolve() { bind_output_for_reading(); }
  // Runs the edge filter straight into another framebuffer of this size (the window's) instead
  // of into its own output: the window then needs no full-frame copy of that output. False, and
  // nothing drawn, unless this target smooths with the filter. Its own output stays unmade.
  bool filter_into(unsigned framebuffer);

 private:
  OffscreenTarget() = default;
  glm::ivec2 size_{0};
  Antialiasing antialiasing_ = Antialiasing::multisample;
  // The scene is drawn into scene_fbo_ (multisampled renderbuffers, or a single-sample colour
  // texture the edge filter reads); the finished frame is in output_fbo_.
  unsigned scene_fbo_ = 0, scene_color_ = 0, scene_depth_ = 0;
  unsigned output_fbo_ = 0, output_color_ = 0;
  ShaderProgram filter_;
  // The filter's first pass (edge_filter.frag with MARK_FLAT), and the framebuffer it and the
  // filter draw into: the output colour with the scene's stencil, which marks the flat pixels.
  ShaderProgram mark_flat_;
  unsigned filter_fbo_ = 0;
  unsigned filter_vao_ = 0;
  bool scene_finished_ = false;
  glm::ivec4 filter_region_{0};

  void bind_output_for_reading();
  void run_filter(unsigned framebuffer);
};

// Reads the bound read framebuffer into an image, flipping GL's bottom-up rows.
Image read_framebuffer(glm::ivec2 size);

}  // namespace effleura::render
