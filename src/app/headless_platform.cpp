#include "app/headless_platform.hpp"

namespace effleura::app {

Expected<std::unique_ptr<HeadlessPlatform>> HeadlessPlatform::open() {
  auto gl = render::EglContext::create();
  if (!gl) return std::unexpected(gl.error());
  std::unique_ptr<HeadlessPlatform> p(new HeadlessPlatform());
  p->gl_ = std::move(*gl);
  return p;
}

void HeadlessPlatform::begin_ui(double dt) {
  if (imgui_) imgui_->begin(ui_size(), static_cast<float>(dt));
}

void HeadlessPlatform::end_frame() {
  if (imgui_) imgui_->end();
  target().end_frame();
}

}  // namespace effleura::app
