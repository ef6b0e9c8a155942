#pragma once
// The platform without a display: an EGL context (Mesa's surfaceless platform works with no X
// server), an offscreen target of --size and Dear ImGui drawn by hand for labels and captions.
#include <memory>
#include <optional>

#include "app/platform.hpp"
#include "core/error.hpp"
#include "render/gl_context.hpp"
#include "render/smoothed_window_target.hpp"
#include "ui/headless_imgui.hpp"

namespace effleura::app {

class HeadlessPlatform final : public Platform {
 public:
  // The GL context alone; the target follows with set_target once the renderer exists.
  static Expected<std::unique_ptr<HeadlessPlatform>> open();
  void set_target(render::OffscreenTarget target) { target_.emplace(std::move(target)); }
  // The window's way instead (the benchmark's --scene-scale): the scene drawn offscreen at a
  // scale, smoothed, then stretched into a frame of the full size for the panels.
  void set_scaled_target(std::unique_ptr<render::SmoothedWindowTarget> target) { scaled_ = std::move(target); }
  [[nodiscard]] render::SmoothedWindowTarget* scaled_target() { return scaled_.get(); }
  // Labels and captions (not for the benchmark, which times the scene alone); kiosk: in the
  // kiosk's larger text. Call after the target is set.
  void enable_ui(bool kiosk = false);

  [[nodiscard]] render::RenderTarget& target() override {
    return scaled_ ? static_cast<render::RenderTarget&>(*scaled_) : *target_;
  }
  [[nodiscard]] render::OffscreenTarget* offscreen() override { return scaled_ ? scaled_->offscreen() : &*target_; }
  void take_input(Context&, double) override {}
  void begin_ui(double dt) override;
  void end_frame() override;
  [[nodiscard]] glm::ivec2 ui_size() const override { return scaled_ ? scaled_->size() : target_->size(); }
  [[nodiscard]] float ui_scale() const override { return imgui_ ? imgui_->scale() : 1.0f; }

 private:
  HeadlessPlatform() = default;
  std::unique_ptr<render::EglContext> gl_;
  std::optional<render::OffscreenTarget> target_;
  std::unique_ptr<render::SmoothedWindowTarget> scaled_;
  std::optional<ui::HeadlessImGui> imgui_;
};

}  // namespace effleura::app
