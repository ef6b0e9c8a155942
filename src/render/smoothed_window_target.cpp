#include "render/smoothed_window_target.hpp"

#include <cstdio>

#include "render/gl.hpp"

namespace effleura::render {

void SmoothedWindowTarget::bind() {
  const glm::ivec2 s = size();
  if (!unavailable_ && s.x > 0 && s.y > 0 && (!scene_ || s != scene_size_)) {
    scene_.reset();  // the old framebuffers go before the new ones are made
    auto made = OffscreenTarget::create(s, antialiasing_);
    if (made) {
      scene_.emplace(std::move(*made));
      scene_size_ = s;
    } else {
      // Still a picture, only with jagged edges: better than no window.
      std::fprintf(stderr, "effleura: drawing without smoothing: %s\n", made.error().describe().c_str());
      unavailable_ = true;
    }
  }
  if (scene_) scene_->bind();
  else window_.bind();
}

void SmoothedWindowTarget::finish_scene() {
  if (scene_) {
    scene_->resolve();  // the multisample resolve or the edge filter, into its output framebuffer
    const glm::ivec2 s = scene_size_;
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, 0);
    glBlitFramebuffer(0, 0, s.x, s.y, 0, 0, s.x, s.y, GL_COLOR_BUFFER_BIT, GL_NEAREST);
  }
  window_.bind();
}

}  // namespace effleura::render
