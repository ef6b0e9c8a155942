#pragma once
// The kiosk's overlay as the window lays it out (large caption where the scene puts it, the
// corner disclaimer), with the blood-speed legend forced on, the most crowded case: both
// kiosk render tests check this layout.
#include <glm/vec2.hpp>

#include "app/context.hpp"
#include "app/frame.hpp"
#include "ui/overlay_layout.hpp"

namespace effleura::test {

struct KioskOverlay {
  ui::Overlay overlay;
  ui::OverlayLayout layout;
};

inline KioskOverlay kiosk_overlay_layout(app::Context& ctx, glm::ivec2 size) {
  ui::Overlay overlay = ctx.state.overlay(ctx.view, size);
  app::place_kiosk_caption(*ctx.lesson_or_playlist, overlay);
  overlay.speed_legend = true;
  ctx.platform->begin_ui(ctx.fixed_dt);
  ui::OverlayLayout layout = ui::layout_overlay(overlay, ctx.platform->ui_scale());
  ctx.platform->end_frame();
  return {overlay, layout};
}

}  // namespace effleura::test
