#include "render/render_target.hpp"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

#include <algorithm>
#include <cstring>

#include "render/fullscreen.hpp"
#include "render/gl.hpp"

namespace effleura::render {

Image read_framebuffer(glm::ivec2 size) {
  Image image{size.x, size.y, std::vector<std::uint8_t>(static_cast<std::size_t>(size.x) * size.y * 4)};
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadPixels(0, 0, size.x, size.y, GL_RGBA, GL_UNSIGNED_BYTE, image.rgba.data());
  const std::size_t row = static_cast<std::size_t>(size.x) * 4;
  std::vector<std::uint8_t> tmp(row);
  for (int y = 0; y < size.y / 2; ++y) {
    std::uint8_t* a = image.rgba.data() + static_cast<std::size_t>(y) * row;
    std::uint8_t* b = image.rgba.data() + static_cast<std::size_t>(size.y - 1 - y) * row;
    std::memcpy(tmp.data(), a, row);
    std::memcpy(a, b, row);
    std::memcpy(b, tmp.data(), row);
  }
  for (std::size_t i = 3; i < image.rgba.size(); i += 4) image.rgba[i] = 255;
  return image;
}

glm::ivec2 WindowTarget::size() const {
  glm::ivec2 s{0};
  glfwGetFramebufferSize(window_, &s.x, &s.y);
  return s;
}

void WindowTarget::bind() {
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
  const glm::ivec2 s = size();
  glViewport(0, 0, s.x, s.y);
}

Image WindowTarget::capture() {
  glBindFramebuffer(GL_READ_FRAMEBUFFER, 0);
  glReadBuffer(GL_BACK);
  return read_framebuffer(size());
}

Expected<OffscreenTarget> OffscreenTarget::create(glm::ivec2 size, Antialiasing antialiasing) {
  GLint max_size = 0, max_samples = 0;
  glGetIntegerv(GL_MAX_RENDERBUFFER_SIZE, &max_size);
  glGetIntegerv(GL_MAX_SAMPLES, &max_samples);
  if (size.x <= 0 || size.y <= 0 || size.x > max_size || size.y > max_size)
    return fail("image size " + std::to_string(size.x) + "x" + std::to_string(size.y) +
                " is not supported here (1 to " + std::to_string(max_size) + " pixels a side)");
  const int samples = antialiasing == Antialiasing::multisample ? std::min(4, max_samples) : 0;
  OffscreenTarget t;
  t.size_ = size;
  t.antialiasing_ = antialiasing;
  if (antialiasing == Antialiasing::edge_filter) {
    auto filter = ShaderProgram::from_files("background.vert", "edge_filter.frag");
    if (!filter) return std::unexpected(filter.error());
    t.filter_ = std::move(*filter);
    auto mark = ShaderProgram::from_files("background.vert", "edge_filter.frag", "#define MARK_FLAT");
    if (!mark) return std::unexpected(mark.error());
    t.mark_flat_ = std::move(*mark);
    glGenVertexArrays(1, &t.filter_vao_);
  }
  glGenFramebuffers(1, &t.scene_fbo_);
  glGenRenderbuffers(1, &t.scene_depth_);
  glBindFramebuffer(GL_FRAMEBUFFER, t.scene_fbo_);
  if (antialiasing == Antialiasing::edge_filter) {
    // The filter samples the scene between pixels, so it is a linearly filtered texture.
    glGenTextures(1, &t.scene_color_);
    glBindTexture(GL_TEXTURE_2D, t.scene_color_);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, size.x, size.y, 0, GL_RGBA, GL_UNSIGNED_BYTE, nullptr);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glBindTexture(GL_TEXTURE_2D, 0);
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, t.scene_color_, 0);
  } else {
    glGenRenderbuffers(1, &t.scene_color_);
    glBindRenderbuffer(GL_RENDERBUFFER, t.scene_color_);
    glRenderbufferStorageMultisample(GL_RENDERBUFFER, samples, GL_RGBA8, size.x, size.y);
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, t.scene_color_);
  }
  glBindRenderbuffer(GL_RENDERBUFFER, t.scene_depth_);
  glRenderbufferStorageMultisample(GL_RENDERBUFFER, samples, GL_DEPTH24_STENCIL8, size.x, size.y);
  glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_DEPTH_STENCIL_ATTACHMENT, GL_RENDERBUFFER, t.scene_depth_);
  if (glCheckFramebufferStatus(GL_FRAMEBUFFER) != GL_FRAMEBUFFER_COMPLETE)
    return fail("cannot create an offscreen framebuffer of that size");
  glGenFramebuffers(1, &t.output_fbo_);
  glGenRenderbuffers(1, &t.output_color_);
  glBindRenderbuffer(GL_RENDERBUFFER, t.output_color_);
  glRenderbufferStorage(GL_RENDERBUFFER, GL_RGBA8, size.x, size.y);
  glBindFramebuffer(GL_FRAMEBUFFER, t.output_fbo_);
  glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, t.output_color_);
  if (glCheckFramebufferStatus(GL_FRAMEBUFFER) != GL_FRAMEBUFFER_COMPLETE)
    return fail("cannot create an offscreen output framebuffer");
  if (antialiasing == Antialiasing::edge_filter) {
    // The scene's depth is not needed once it is drawn: its stencil marks the flat pixels.
    glGenFramebuffers(1, &t.filter_fbo_);
    glBindFramebuffer(GL_FRAMEBUFFER, t.filter_fbo_);
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, t.output_color_);
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_DEPTH_STENCIL_ATTACHMENT, GL_RENDERBUFFER, t.scene_depth_);
    if (glCheckFramebufferStatus(GL_FRAMEBUFFER) != GL_FRAMEBUFFER_COMPLETE)
      return fail("cannot create the edge filter's framebuffer");
  }
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
  return t;
}

OffscreenTarget::OffscreenTarget(OffscreenTarget&& o) noexcept
    : size_(o.size_), antialiasing_(o.antialiasing_), scene_fbo_(o.scene_fbo_), scene_color_(o.scene_color_),
      scene_depth_(o.scene_depth_), output_fbo_(o.output_fbo_), output_color_(o.output_color_),
      filter_(std::move(o.filter_)), mark_flat_(std::move(o.mark_flat_)), filter_fbo_(o.filter_fbo_),
      filter_vao_(o.filter_vao_), scene_finished_(o.scene_finished_) {
  o.scene_fbo_ = o.scene_color_ = o.scene_depth_ = o.output_fbo_ = o.output_color_ = o.filter_fbo_ = o.filter_vao_ = 0;
}

OffscreenTarget::~OffscreenTarget() {
  if (scene_fbo_) glDeleteFramebuffers(1, &scene_fbo_);
  if (output_fbo_) glDeleteFramebuffers(1, &output_fbo_);
  if (filter_fbo_) glDeleteFramebuffers(1, &filter_fbo_);
  if (filter_vao_) glDeleteVertexArrays(1, &filter_vao_);
  if (scene_color_) {
    if (antialiasing_ == Antialiasing::edge_filter) glDeleteTextures(1, &scene_color_);
    else glDeleteRenderbuffers(1, &scene_color_);
  }
  const GLuint buffers[] = {scene_depth_, output_color_};
  for (GLuint b : buffers)
    if (b) glDeleteRenderbuffers(1, &b);
}

void OffscreenTarget::bind() {
  glBindFramebuffer(GL_FRAMEBUFFER, scene_fbo_);
  glViewport(0, 0, size_.x, size_.y);
  scene_finished_ = false;
  filter_region_ = {0, 0, size_.x, size_.y};
}

void OffscreenTarget::end_frame() { glFinish(); }

void OffscreenTarget::finish_scene() {
  if (antialiasing_ != Antialiasing::edge_filter) {
    // Overlays go straight into the scene's framebuffer; capture() resolves both together.
    glBindFramebuffer(GL_FRAMEBUFFER, scene_fbo_);
    glViewport(0, 0, size_.x, size_.y);
    return;
  }
  if (!scene_finished_) {
    run_filter(output_fbo_);
    scene_finished_ = true;
  }
  glBindFramebuffer(GL_FRAMEBUFFER, output_fbo_);
  glViewport(0, 0, size_.x, size_.y);
}

bool OffscreenTarget::filter_into(unsigned framebuffer) {
  if (antialiasing_ != Antialiasing::edge_filter) return false;
  run_filter(framebuffer);  // scene_finished_ stays false: a capture() after this filters into output_fbo_
  return true;
}

void OffscreenTarget::run_filter(unsigned framebuffer) {
  const bool whole = filter_region_ == glm::ivec4(0, 0, size_.x, size_.y);
  if (!whole) {
    // Outside the region the frame is copied as drawn: a same-format blit is a plain copy
    // in llvmpipe, far cheaper than filtering pixels that hold only the smooth background.
    glBindFramebuffer(GL_READ_FRAMEBUFFER, scene_fbo_);
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, framebuffer);
    glBlitFramebuffer(0, 0, size_.x, size_.y, 0, 0, size_.x, size_.y, GL_COLOR_BUFFER_BIT, GL_NEAREST);
    glEnable(GL_SCISSOR_TEST);
    glScissor(filter_region_.x, filter_region_.y, filter_region_.z, filter_region_.w);
  }
  // Into our own output the filter runs in two passes, the same pixels as one: the first writes
  // the pixels too flat to filter (most of a frame) and marks them in the scene's stencil; the
  // filter then runs only where no mark is. On llvmpipe the filter's four filtered taps cost
  // about half of the pass, and a 4x4 block of pixels all marked flat skips them. (The scene
  // does not use the stencil; a scissored clear is enough.) Another framebuffer (the window's)
  // has no access to the scene's stencil: one pass there.
  const bool two_pass = framebuffer == output_fbo_ && filter_fbo_ != 0;
  glBindFramebuffer(GL_FRAMEBUFFER, two_pass ? filter_fbo_ : framebuffer);
  glViewport(0, 0, size_.x, size_.y);
  glDisable(GL_DEPTH_TEST);
  glDisable(GL_BLEND);
  if (two_pass) {
    glStencilMask(0xFF);
    glClearStencil(0);
    glClear(GL_STENCIL_BUFFER_BIT);
    glEnable(GL_STENCIL_TEST);
    glStencilFunc(GL_ALWAYS, 1, 0xFF);
    glStencilOp(GL_KEEP, GL_KEEP, GL_REPLACE);
    mark_flat_.use();
    mark_flat_.set("uScene", 0);
    draw_fullscreen(filter_vao_, scene_color_);
    glStencilFunc(GL_EQUAL, 0, 0xFF);
    glStencilOp(GL_KEEP, GL_KEEP, GL_KEEP);
  }
  filter_.use();
  filter_.set("uScene", 0);
  draw_fullscreen(filter_vao_, scene_color_);
  glDisable(GL_STENCIL_TEST);
  glDisable(GL_SCISSOR_TEST);
}

void OffscreenTarget::bind_output_for_reading() {
  if (antialiasing_ == Antialiasing::edge_filter) {
    finish_scene();
  } else {
    glBindFramebuffer(GL_READ_FRAMEBUFFER, scene_fbo_);
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, output_fbo_);
    glBlitFramebuffer(0, 0, size_.x, size_.y, 0, 0, size_.x, size_.y, GL_COLOR_BUFFER_BIT, GL_NEAREST);
  }
  glBindFramebuffer(GL_READ_FRAMEBUFFER, output_fbo_);
}

Image OffscreenTarget::capture() {
  bind_output_for_reading();
  Image image = read_framebuffer(size_);
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
  return image;
}

void OffscreenTarget::capture_gl_order(std::vector<std::uint8_t>& rgba) {
  bind_output_for_reading();
  rgba.resize(static_cast<std::size_t>(size_.x) * static_cast<std::size_t>(size_.y) * 4u);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadPixels(0, 0, size_.x, size_.y, GL_RGBA, GL_UNSIGNED_BYTE, rgba.data());
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
}

}  // namespace effleura::render
