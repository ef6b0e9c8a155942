#pragma once
// What the window-layout cases share (ui_layout_test.cpp, ui_layout_scaled_test.cpp): the sizes
// they run at, a frame loop, the panels' rectangles as ImGui drew them, and where the lit areas
// and veins fall on the screen.
#include "../support/test_paths.hpp"
#include <doctest/doctest.h>

#include <cstdio>
#include <cstdlib>
#include <span>
#include <string>
#include <vector>

#include <glm/geometric.hpp>
#include <glm/matrix.hpp>
#include <imgui.h>
#include <imgui_internal.h>

#include "anatomy/leg_bend.hpp"
#include "anatomy/picking.hpp"
#include "app/area_box.hpp"
#include "app/context.hpp"
#include "app/frame.hpp"
#include "core/frame.hpp"
#include "render/client_pass.hpp"
#include "render/screen_region.hpp"
#include "render/sight.hpp"
#include "kiosk_overlay_support.hpp"
#include "../support/lesson_question.hpp"
#include "scene_render_support.hpp"
#include "screen_pixel.hpp"
#include "../support/sanitizer.hpp"
#include "ui/overlay_layout.hpp"

namespace effleura::test_layout {


inline constexpr glm::ivec2 kSizes[] = {{1280, 720}, {1920, 1080}, {3840, 2160}};

// The sizes a layout case runs at: all three in the Release pass, which checks the layouts;
// 720p and 1080p under the sanitizers, which look for memory errors and undefined behaviour
// on the same code paths at any size (a new content load and a 4K frame per size were the
// three costliest cases of CI's sanitized pass, 47-56 s each; support/sanitizer.hpp).
inline std::span<const glm::ivec2> sizes() { return {kSizes, test::kSanitized ? 2u : 3u}; }

inline std::string size_name(glm::ivec2 s) { return std::to_string(s.x) + "x" + std::to_string(s.y); }

inline void shot(app::Context& ctx, const std::string& name) {
  const char* dir = std::getenv("EFFLEURA_LAYOUT_SHOTS");
  if (!dir) return;
  const std::string file = std::string(dir) + "/layout-" + name + "-" + size_name(ctx.options.size) + ".png";
  CHECK(render::write_png(ctx.platform->target().capture(), file).has_value());
}

// The 3D scene is drawn only when the layouts are written out to look at: every check here reads
// the panels, the overlay and the camera, never the picture (drawing it, 4K above all, was most
// of these cases' time in CI).
inline void draw_scene_only_for_shots(app::Context& ctx) { ctx.style.scene = std::getenv("EFFLEURA_LAYOUT_SHOTS") != nullptr; }

inline void run(app::Context& ctx, int frames) {
  for (int i = 0; i < frames; ++i) app::frame(ctx, i == 0 && ctx.frames == 0 ? 0.0 : ctx.fixed_dt);
}

struct Rect {
  ImVec2 min, max;
};

// The window's rectangle as ImGui drew it last frame; fails the test when it was not drawn.
inline Rect window_rect(const char* name) {
  const ImGuiWindow* w = ImGui::FindWindowByName(name);
  REQUIRE_MESSAGE(w != nullptr, name);
  REQUIRE_MESSAGE(w->Active, name);  // drawn last frame
  return {w->Pos, ImVec2(w->Pos.x + w->Size.x, w->Pos.y + w->Size.y)};
}

inline void check_inside(const char* name, glm::ivec2 size) {
  const Rect r = window_rect(name);
  const std::string window = name;
  CAPTURE(window);
  CAPTURE(size_name(size));
  CHECK(r.min.x >= 0.0f);
  CHECK(r.min.y >= 0.0f);
  CHECK(r.max.x <= static_cast<float>(size.x));
  CHECK(r.max.y <= static_cast<float>(size.y));
}

// Everything the window holds shows without scrolling: its content fits inside it.
inline void check_no_scroll(const char* name) {
  const ImGuiWindow* w = ImGui::FindWindowByName(name);
  REQUIRE(w != nullptr);
  const std::string window = name;
  CAPTURE(window);
  CHECK(w->ScrollMax.y == 0.0f);
  CHECK(w->ContentSize.y + 2.0f * w->WindowPadding.y + w->TitleBarHeight() <= w->Size.y + 0.5f);
}

// The lesson's step text shows whole: its box (the Lesson window's child) has no scroll bar.
inline void check_text_box_whole() {
  const ImGuiWindow* lesson = ImGui::FindWindowByName("###Lesson");
  if (!lesson) lesson = ImGui::FindWindowByName("Lesson");
  REQUIRE(lesson != nullptr);
  int boxes = 0;
  for (const ImGuiWindow* w : ImGui::GetCurrentContext()->Windows)
    if (w->ParentWindow == lesson && w->Active && (w->Flags & ImGuiWindowFlags_ChildWindow)) {
      ++boxes;
      CHECK(w->ScrollMax.y == 0.0f);
      CHECK(w->ContentSize.y <= w->Size.y);
    }
  CHECK(boxes == 1);
}

inline bool overlaps(const Rect& r, glm::vec4 b) { return r.min.x < b.z && b.x < r.max.x && r.min.y < b.w && b.y < r.max.y; }

// The lesson's medial view of the lit leg's inner side, judged past everything drawn: the client's
// parts as the client pass draws them this frame (the other leg left out where it is), and the
// lit leg's own skin. `calf`: the share of the calves' inner-facing skin points (every 4th, facing
// the eye) that nothing hides; `anchor`: what hides the Calves label's anchor ("" when seen).
struct InnerSight {
  float calf = 0.0f;
  std::string anchor_blocker = "no anchor";
};
inline InnerSight inner_sight(const app::Context& ctx) {
  anatomy::Model client = ctx.state.client_model;
  std::erase_if(client.meshes, [&](const anatomy::Mesh& m) { return !render::client_part_drawn(m.name, ctx.view); });
  render::SightLines sight(client, &ctx.state.model);
  sight.set_pose(ctx.view.client);
  const glm::vec3 eye = ctx.view.eye;
  const glm::vec3 leg_eye(glm::inverse(ctx.view.leg_to_room) * glm::vec4(eye, 1.0f));
  auto room = [&](const glm::vec3& p) { return glm::vec3(ctx.view.leg_to_room * glm::vec4(p, 1.0f)); };
  const std::size_t calves = *anatomy::area_index("calves");
  InnerSight out;
  const anatomy::Mesh* skin = ctx.state.drawn_model().find("skin");
  REQUIRE(skin != nullptr);
  int inner = 0, seen = 0;
  for (std::size_t i = 0; i < skin->positions.size(); i += 4) {
    const glm::vec3& p = skin->positions[i];
    if (skin->area_weights[i][calves] < 0.5f || skin->normals[i].x > -0.5f) continue;  // -X: the inner side
    if (glm::dot(skin->normals[i], leg_eye - p) <= 0.0f) continue;
    ++inner;
    seen += sight.clear(eye, room(p)) ? 1 : 0;
  }
  out.calf = inner > 0 ? float(seen) / float(inner) : 0.0f;
  if (auto anchor = anatomy::area_anchor(ctx.state.drawn_model(), calves, leg_eye))
    out.anchor_blocker = sight.blocker(eye, room(anchor->point));
  return out;
}

// The share of the free part of the window (between the panels) that the lit areas' box spans
// on screen, the larger of its width's and its height's: the camera fits the box to one of them.
inline float lit_share(const app::Context& ctx, glm::ivec2 size) {
  const auto lit = app::areas_box(ctx.state.model, ctx.state.settings.selected);
  REQUIRE(lit.has_value());
  const anatomy::Bounds b = anatomy::bend_box(*lit, frame::kKneeCentre, ctx.state.knee_flexion(), ctx.state.hip_flexion());
  const glm::ivec4 r = render::screen_rect(b.min, b.max, ctx.view.projection * ctx.view.view * ctx.view.leg_to_room, size, 0);
  const glm::vec4 f = ctx.state.camera.free_area() * glm::vec4(size.x, size.y, size.x, size.y);
  const float w = float(r.z) / (f.z - f.x), h = float(r.w) / (f.w - f.y);
  MESSAGE(size_name(size), ": lit areas ", r.z, "x", r.w, " px, ", w, " of the free width, ", h, " of its height");
  return std::max(w, h);
}

// How many of the lit areas' skin points (every 8th, at least half in a lit area) are drawn under
// `r` (the presenter's text box), in front of the camera (pixels from the top-left, as ImGui's).
// `whole_leg`: every 8th point of the leg's skin, lit or not; `below_y`: only those below that
// height of the leg frame (the knee's: the lower leg and foot, not the thigh running on to the
// hip, which a panel may cover as the window's edge does).
inline int lit_points_under(const app::Context& ctx, glm::ivec2 size, const Rect& r, bool whole_leg = false, float below_y = 1e9f) {
  const glm::mat4 vp = ctx.view.projection * ctx.view.view * ctx.view.leg_to_room;
  const anatomy::Mesh* skin = ctx.state.drawn_model().find("skin");
  REQUIRE(skin != nullptr);
  int under = 0;
  for (std::size_t i = 0; i < skin->positions.size(); i += 8) {
    bool lit = false;
    for (std::size_t a = 0; a < anatomy::kAreaCount; ++a) lit |= ctx.state.settings.selected[a] && skin->area_weights[i][a] >= 0.5f;
    if ((!lit && !whole_leg) || skin->positions[i].y >= below_y) continue;
    const glm::vec4 c = vp * glm::vec4(skin->positions[i], 1.0f);
    if (c.w <= 1e-4f) continue;
    const glm::vec2 s = test::top_left_pixel(c, size);
    under += s.x > r.min.x && s.x < r.max.x && s.y > r.min.y && s.y < r.max.y ? 1 : 0;
  }
  return under;
}

// How many of the veins' points (every 4th vertex of every vein drawn) are drawn under `r`.
inline int vein_points_under(const app::Context& ctx, glm::ivec2 size, const Rect& r) {
  const glm::mat4 vp = ctx.view.projection * ctx.view.view * ctx.view.leg_to_room;
  int under = 0, veins = 0;
  for (const anatomy::Mesh& m : ctx.state.drawn_model().meshes) {
    if (m.layer != anatomy::Layer::vein) continue;
    ++veins;
    for (std::size_t i = 0; i < m.positions.size(); i += 4) {
      const glm::vec4 c = vp * glm::vec4(m.positions[i], 1.0f);
      if (c.w <= 1e-4f) continue;
      const glm::vec2 s = test::top_left_pixel(c, size);
      under += s.x > r.min.x && s.x < r.max.x && s.y > r.min.y && s.y < r.max.y ? 1 : 0;
    }
  }
  REQUIRE(veins > 0);
  return under;
}

// The leg's box on screen (min x, min y, max x, max y; top-left origin) in the rows from `top`
// to `bottom`: every 8th point of its skin drawn there, clipped to the window. The whole leg's
// box would not do: lying across the picture from corner to corner it spans every free corner.
inline glm::vec4 leg_screen_box(const app::Context& ctx, glm::ivec2 size, float top, float bottom) {
  const glm::mat4 vp = ctx.view.projection * ctx.view.view * ctx.view.leg_to_room;
  const anatomy::Mesh* skin = ctx.state.drawn_model().find("skin");
  REQUIRE(skin != nullptr);
  glm::vec2 lo(1e9f), hi(-1e9f);
  for (std::size_t i = 0; i < skin->positions.size(); i += 8) {
    const glm::vec4 c = vp * glm::vec4(skin->positions[i], 1.0f);
    if (c.w <= 1e-4f) continue;
    const glm::vec2 s = glm::clamp(test::top_left_pixel(c, size), glm::vec2(0.0f), glm::vec2(size));
    if (s.y < top || s.y > bottom) continue;
    lo = glm::min(lo, s);
    hi = glm::max(hi, s);
  }
  return {lo.x, lo.y, hi.x, hi.y};
}

// Where the leg is on screen: the mean of every 16th skin point's pixel (top-left origin).
inline glm::vec2 leg_centre(const app::Context& ctx, glm::ivec2 size) {
  const glm::mat4 vp = ctx.view.projection * ctx.view.view * ctx.view.leg_to_room;
  const anatomy::Mesh* skin = ctx.state.drawn_model().find("skin");
  REQUIRE(skin != nullptr);
  glm::vec2 sum(0.0f);
  int n = 0;
  for (std::size_t i = 0; i < skin->positions.size(); i += 16) {
    const glm::vec4 c = vp * glm::vec4(skin->positions[i], 1.0f);
    if (c.w <= 1e-4f) continue;
    sum += test::top_left_pixel(c, size);
    ++n;
  }
  REQUIRE(n > 0);
  return sum / float(n);
}

inline app::Options options_at(glm::ivec2 size) {
  app::Options o = test::source_options();
  o.size = size;
  return o;
}

}  // namespace effleura::test_layout
