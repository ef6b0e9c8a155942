// The kiosk's valves scene (the waiting-room loop's second scene: no technique, the calves and
// the back of the knee lit, skin see-through) looks down at the back of the calf and knee,
// close enough that they fill the picture, with the caption beside them rather than over
// them. Before: the client lay on its back, so the view from behind stopped at the table's
// edge (side-on, at table height) with the whole body in the picture and the caption over the
// legs. With EFFLEURA_LAYOUT_SHOTS=<folder> each size is written as a PNG to look at.
#include <doctest/doctest.h>

#include <algorithm>
#include <cfloat>
#include <cstdlib>
#include <string>
#include <vector>

#include <imgui.h>

#include "app/area_box.hpp"
#include "app/context.hpp"
#include "app/frame.hpp"
#include "render/image.hpp"
#include "render/valve_geometry.hpp"
#include "kiosk_overlay_support.hpp"
#include "scene_render_support.hpp"
#include "screen_pixel.hpp"
#include "ui/overlay_layout.hpp"

using namespace effleura;

namespace {

void run(app::Context& ctx, int frames) {
  for (int i = 0; i < frames; ++i) app::frame(ctx, i == 0 && ctx.frames == 0 ? 0.0 : ctx.fixed_dt);
}

// The screen rectangle (pixels, top-left origin) of the skin vertices in the lit areas.
ui::ScreenBox lit_skin_on_screen(const app::Context& ctx, glm::ivec2 size) {
  const glm::mat4 to_clip = ctx.view.projection * ctx.view.view * ctx.view.leg_to_room;
  glm::vec2 lo(FLT_MAX), hi(-FLT_MAX);
  for (const auto& m : ctx.state.model.meshes) {
    if (m.layer != anatomy::Layer::skin || m.area_weights.size() != m.positions.size()) continue;
    for (std::size_t i = 0; i < m.positions.size(); ++i) {
      bool lit = false;
      for (std::size_t a = 0; a < anatomy::kAreaCount; ++a) lit |= ctx.state.settings.selected[a] && m.area_weights[i][a] >= 0.5f;
      if (!lit) continue;
      const glm::vec4 c = to_clip * glm::vec4(m.positions[i], 1.0f);
      if (c.w <= 0.0f) continue;
      const glm::vec2 s = test::top_left_pixel(c, size);
      lo = glm::min(lo, s);
      hi = glm::max(hi, s);
    }
  }
  return {lo, hi};
}

// How large the valves' leaflets look: the median over the leaflets in front of the eye and
// inside the picture of each leaflet's longest side on screen, in pixels. The scene draws no
// technique, so the coloured triangles are the valves only: six vertices a leaflet, and the
// sinus walls round them in quads of six too, fainter (render/valve_geometry.hpp).
float median_leaflet_px(const app::Context& ctx, glm::ivec2 size) {
  const glm::mat4 to_clip = ctx.view.projection * ctx.view.view * ctx.view.leg_to_room;
  std::vector<float> spans;
  for (std::size_t i = 0; i + 6 <= ctx.view.coloured.size(); i += 6) {
    if (ctx.view.coloured[i].colour.w < render::kSinusMaxAlpha) continue;  // a quad of a sinus's wall
    glm::vec2 lo(FLT_MAX), hi(-FLT_MAX);
    bool seen = true;
    for (std::size_t k = i; k < i + 6; ++k) {
      const glm::vec4 c = to_clip * glm::vec4(ctx.view.coloured[k].position, 1.0f);
      if (c.w <= 0.0f) { seen = false; break; }
      const glm::vec2 s = test::top_left_pixel(c, size);
      lo = glm::min(lo, s);
      hi = glm::max(hi, s);
    }
    if (seen && lo.x >= 0.0f && lo.y >= 0.0f && hi.x <= static_cast<float>(size.x) && hi.y <= static_cast<float>(size.y))
      spans.push_back(std::max(hi.x - lo.x, hi.y - lo.y));
  }
  if (spans.empty()) return 0.0f;
  std::nth_element(spans.begin(), spans.begin() + static_cast<std::ptrdiff_t>(spans.size() / 2), spans.end());
  return spans[spans.size() / 2];
}

}  // namespace

TEST_CASE("the kiosk's valves scene looks down at the back of the calf and knee, close, its caption beside them") {
  for (const glm::ivec2 size : {glm::ivec2{1280, 720}, glm::ivec2{1920, 1080}}) {
    CAPTURE(size.x);
    app::Options options = test::source_options();
    options.size = size;
    app::Context ctx;
    ctx.style.kiosk = true;
    REQUIRE(app::load_content(ctx, options) == 0);
    REQUIRE(app::open_lesson_or_playlist(ctx, true) == 0);
    REQUIRE(app::open_headless(ctx) == 0);
    const lesson::KioskScheduler& kiosk = *ctx.lesson_or_playlist->kiosk();
    // Into the scene (past its cross-fade), then near its end: both ends of its camera path.
    for (const double into : {4.0, 18.0}) {
      CAPTURE(into);
      const double start = kiosk.playlist().scenes[0].duration_s;
      while (ctx.state.simulation.time() < start + into) app::advance(ctx, 0.25);  // the loop, undrawn
      run(ctx, 2);
      REQUIRE(kiosk.frame().scene != nullptr);
      REQUIRE(kiosk.frame().scene->caption == "kiosk.valves");
      // Looking down on the leg (the eye well above the lit skin), not along the table's edge.
      const auto lit = app::areas_box(ctx.state.model, ctx.state.settings.selected);
      REQUIRE(lit.has_value());
      const glm::vec3 centre = glm::vec3(ctx.view.leg_to_room * glm::vec4(lit->centre(), 1.0f));
      const glm::vec3 to_eye = glm::normalize(ctx.view.eye - centre);
      CHECK(to_eye.y > 0.5f);  // more than 30 degrees above the horizontal
      // Close and across the picture: the calf and the back of the knee take more than half
      // its width (the whole body from the table's edge gave them about a fifth), all in view.
      const ui::ScreenBox skin = lit_skin_on_screen(ctx, size);
      CHECK(skin.max.x - skin.min.x > 0.33f * static_cast<float>(size.x));
      CHECK(skin.min.x >= 0.0f);
      CHECK(skin.max.x <= static_cast<float>(size.x));
      CHECK(skin.min.y >= 0.0f);
      CHECK(skin.max.y <= static_cast<float>(size.y));
      // The caption where the kiosk puts it, clear of the lit skin.
      const ui::OverlayLayout layout = test::kiosk_overlay_layout(ctx, size).layout;
      REQUIRE(layout.caption.has_value());
      CHECK_FALSE(layout.caption->overlaps(skin));
      // The valves are what the scene is about: leaflets are drawn at least 12 px across per 720
      // lines (render::kValveMinPx), a little less where seen at a slant: the median at least
      // 11 px at 720p (16.5 at 1080p). At 3.5 times life size alone it was 9.4-9.9 px at 720p.
      const float leaflet = median_leaflet_px(ctx, size);
      MESSAGE("median valve leaflet " << leaflet << " px at " << size.x << "x" << size.y);
      CHECK(leaflet >= 11.0f * static_cast<float>(size.y) / 720.0f);
      if (const char* dir = std::getenv("EFFLEURA_LAYOUT_SHOTS")) {
        run(ctx, 1);
        const std::string file = std::string(dir) + "/kiosk-valves-" + std::to_string(size.x) + "x" + std::to_string(size.y) +
                                 "-" + std::to_string(static_cast<int>(into)) + "s.png";
        CHECK(render::write_png(ctx.platform->target().capture(), file).has_value());
      }
    }
  }
}
