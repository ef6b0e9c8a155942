#include "render/render_target.hpp"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

#include <cstring>

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

Expected<OffscreenTarget> OffscreenTarget::create(glm::ivec2 size, int samples) {
  GLint max_size = 0, max_samples = 0;
  glGetIntegerv(GL_MAX_RENDERBUFFER_SIZE, &max_size);
  glGetIntegerv(GL_MAX_SAMPLES, &max_samples);
  if (size.x <= 0 || size.y <= 0 || size.x > max_size || size.y > max_size)
    return fail("image size " + std::to_string(size.x) + "x" + std::to_string(size.y) +
                " is not supported here (1 to " + std::to_string(max_size) + " pixels a side)");
  if (samples > max_samples) samples = max_samples;
  OffscreenTarget t;
  t.size_ = size;
  glGenFramebuffers(1, &t.msaa_fbo_);
  glGenRenderbuffers(1, &t.msaa_color_);
  glGenRenderbuffers(1, &t.msaa_depth_);
  glBindRenderbuffer(GL_RENDERBUFFER, t.msaa_color_);
  glRenderbufferStorageMultisample(GL_RENDERBUFFER, samples, GL_RGBA8, size.x, size.y);
  glBindRenderbuffer(GL_RENDERBUFFER, t.msaa_depth_);
  glRenderbufferStorageMultisample(GL_RENDERBUFFER, samples, GL_DEPTH24_STENCIL8, size.x, size.y);
  glBindFramebuffer(GL_FRAMEBUFFER, t.msaa_fbo_);
  glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, t.msaa_color_);
  glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_DEPTH_STENCIL_ATTACHMENT, GL_RENDERBUFFER, t.msaa_depth_);
  if (glCheckFramebufferStatus(GL_FRAMEBUFFER) != GL_FRAMEBUFFER_COMPLETE)
    return fail("cannot create an offscreen framebuffer of that size");
  glGenFramebuffers(1, &t.resolve_fbo_);
  glGenRenderbuffers(1, &t.resolve_color_);
  glBindRenderbuffer(GL_RENDERBUFFER, t.resolve_color_);
  glRenderbufferStorage(GL_RENDERBUFFER, GL_RGBA8, size.x, size.y);
  glBindFramebuffer(GL_FRAMEBUFFER, t.resolve_fbo_);
  glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, t.resolve_color_);
  if (glCheckFramebufferStatus(GL_FRAMEBUFFER) != GL_FRAMEBUFFER_COMPLETE)
    return fail("cannot create an offscreen resolve framebuffer");
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
  return t;
}

OffscreenTarget::OffscreenTarget(OffscreenTarget&& o) noexcept
    : size_(o.size_), msaa_fbo_(o.msaa_fbo_), msaa_color_(o.msaa_color_), msaa_depth_(o.msaa_depth_),
      resolve_fbo_(o.resolve_fbo_), resolve_color_(o.resolve_color_) {
  o.msaa_fbo_ = o.msaa_color_ = o.msaa_depth_ = o.resolve_fbo_ = o.resolve_color_ = 0;
}

OffscreenTarget::~OffscreenTarget() {
  if (msaa_fbo_) glDeleteFramebuffers(1, &msaa_fbo_);
  if (resolve_fbo_) glDeleteFramebuffers(1, &resolve_fbo_);
  const GLuint buffers[] = {msaa_color_, msaa_depth_, resolve_color_};
  for (GLuint b : buffers)
    if (b) glDeleteRenderbuffers(1, &b);
}

void OffscreenTarget::bind() {
  glBindFramebuffer(GL_FRAMEBUFFER, msaa_fbo_);
  glViewport(0, 0, size_.x, size_.y);
}

void OffscreenTarget::end_frame() { glFinish(); }

Image OffscreenTarget::capture() {
  glBindFramebuffer(GL_READ_FRAMEBUFFER, msaa_fbo_);
  glBindFramebuffer(GL_DRAW_FRAMEBUFFER, resolve_fbo_);
  glBlitFramebuffer(0, 0, size_.x, size_.y, 0, 0, size_.x, size_.y, GL_COLOR_BUFFER_BIT, GL_NEAREST);
  glBindFramebuffer(GL_READ_FRAMEBUFFER, resolve_fbo_);
  Image image = read_framebuffer(size_);
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
  return image;
}

}  // namespace effleura::render
