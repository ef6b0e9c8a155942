#include "app/headless_platform.hpp"

namespace effleura::app {

Expected<std::unique_ptr<HeadlessPlatform>> HeadlessPlatform::open() {
  auto gl = render::EglContext::create();
  if (!gl) return std::unexpected(gl.error());
  std::unique_ptr<HeadlessPlatform> p(new HeadlessPlatform());
  p->gl_ = std::move(*gl);
  return p;
}

void HeadlessPlatform::enable_ui(bool kiosk) {
  imgui_.emplace(kiosk);
  // The font now, as a window builds it when it opens: the first frame chooses the interface's
  // size from it (app::show_interface_scale) before its ImGui frame begins. Built at that
  // frame's start instead, a 320x180 picture's first frame had full-size text where the next
  // had it at 0.75, as the window has it from its first frame.
  imgui_->prepare_font(ui_size());
}

void HeadlessPlatform::begin_ui(double dt) {
  if (imgui_) imgui_->begin(ui_size(), static_cast<float>(dt));
}

void HeadlessPlatform::end_frame() {
  if (imgui_) imgui_->end();
  target().end_frame();
}

}  // namespace effleura::app
