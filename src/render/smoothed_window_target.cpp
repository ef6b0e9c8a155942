#include "render/smoothed_window_target.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include <glm/common.hpp>

#include "render/gl.hpp"

namespace effleura::render {

void SmoothedWindowTarget::set_scene_scale(float scale) {
  if (std::isfinite(scale)) scale_ = std::clamp(scale, 0.25f, 1.0f);
}

void SmoothedWindowTarget::bind() {
  const glm::ivec2 window = size();
  const glm::ivec2 s = glm::max(glm::ivec2(glm::round(glm::vec2(window) * scale_)), glm::ivec2(1));
  if (!unavailable_ && window.x > 0 && window.y > 0 && (!scene_ || s != scene_size_)) {
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
  else output_->bind();
}

void SmoothedWindowTarget::finish_scene() {
  if (scene_) {
    const glm::ivec2 from = scene_size_, to = size();
    // In the browser, at full scale, the edge filter draws straight into the canvas: filtering
    // into the scene's own output and copying that across cost one more full-frame pass a frame
    // in SwiftShader (README "In the browser", session 22). On the desktop the filter's two-pass
    // way (it needs the scene's stencil, so only into its own output) saves more than the copy
    // costs on llvmpipe (README "Benchmark", session 22).
    constexpr bool kFilterIntoWindow =
#ifdef __EMSCRIPTEN__
        true;
#else
        false;
#endif
    if (kFilterIntoWindow && from == to && scene_->filter_into(output_->framebuffer())) {
      output_->bind();
      return;
    }
    scene_->resolve();  // the multisample resolve or the edge filter, into its output framebuffer
    // A smaller scene is stretched with bilinear filtering: soft, but without the blocky
    // staircases that copying whole pixels would make of the leg's outline.
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, output_->framebuffer());
    glBlitFramebuffer(0, 0, from.x, from.y, 0, 0, to.x, to.y, GL_COLOR_BUFFER_BIT, from == to ? GL_NEAREST : GL_LINEAR);
  }
  output_->bind();
}

}  // namespace effleura::render
