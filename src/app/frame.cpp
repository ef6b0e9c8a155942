#include "app/frame.hpp"

#include <algorithm>
#include <ctime>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <variant>

#include <imgui.h>

#include "app/isolated_view.hpp"
#include "app/practice_view.hpp"
#include "app/reload_notice.hpp"
#include "app/structure_quiz.hpp"
#include "core/log.hpp"
#include "render/screen_region.hpp"
#include "ui/lesson_panel_size.hpp"
#include "ui/overlay.hpp"
#include "ui/overlay_layout.hpp"
#include "ui/panel_layout.hpp"
#include "ui/tr.hpp"

namespace effleura::app {

namespace {

// "effleura-YYYYMMDD-HHMMSS.png" for F12 screenshots.
std::string screenshot_name() {
  const std::time_t now = std::time(nullptr);
  char buf[64];
  std::strftime(buf, sizeof buf, "effleura-%Y%m%d-%H%M%S.png", std::localtime(&now));
  return buf;
}

// Moves the lesson on and stages its new step at once, so a view chosen after it stays.
void lesson_step(Context& ctx, bool (lesson::LessonPlayer::*move)()) {
  LessonOrPlaylist* lp = ctx.lesson_or_playlist.get();
  lesson::LessonPlayer* player = lp ? lp->lesson() : nullptr;
  if (!player || !ctx.style.panels) return;
  (player->*move)();
  lp->advance(0.0);
}

void click(Context& ctx, glm::vec2 at) {
  State& state = ctx.state;
  // "Click the soleus": while the lesson asks, a click on a structure answers it (and lights no area).
  LessonOrPlaylist* lp = ctx.lesson_or_playlist.get();
  if (lp && lp->lesson() && ctx.style.panels && answer_by_click(*lp->lesson(), state, at, ctx.platform->ui_size())) return;
  if (state.toggle_area_at(at, ctx.platform->ui_size())) {
    const auto hit = anatomy::pick(state.model, state.ray_through(at, ctx.platform->ui_size()));
    if (hit.skin && hit.skin->area) ctx.panels.focus_area = static_cast<int>(*hit.skin->area);
  }
}

// One input command, in the order the events came.
void carry_out(Context& ctx, const InputCommand& command) {
  render::Camera& camera = ctx.state.camera;
  std::visit(
      [&](const auto& c) {
        using C = std::decay_t<decltype(c)>;
        if constexpr (std::is_same_v<C, input::ViewPreset>) camera.set_preset(static_cast<render::ViewPreset>(c.preset), true);
        else if constexpr (std::is_same_v<C, input::ResetView>) camera.reset(true);
        else if constexpr (std::is_same_v<C, input::Orbit>) camera.orbit(c.yaw, c.pitch);
        else if constexpr (std::is_same_v<C, input::Pan>) camera.pan(c.by);
        else if constexpr (std::is_same_v<C, input::Zoom>) camera.zoom(c.steps);
        else if constexpr (std::is_same_v<C, input::LessonNext>) lesson_step(ctx, &lesson::LessonPlayer::next);
        else if constexpr (std::is_same_v<C, input::LessonBack>) lesson_step(ctx, &lesson::LessonPlayer::back);
        else if constexpr (std::is_same_v<C, input::TogglePresenter>) {
          if (ctx.style.panels && ctx.lesson_or_playlist && ctx.lesson_or_playlist->lesson())
            ctx.panels.presenter = !ctx.panels.presenter;
        } else if constexpr (std::is_same_v<C, input::TogglePlay>) {
          if (technique::Playback* p = ctx.state.simulation.playback()) p->playing() ? p->pause() : p->play();
        } else if constexpr (std::is_same_v<C, input::Click>) click(ctx, c.at);
        else if constexpr (std::is_same_v<C, input::Screenshot>) ctx.pending.screenshot = true;
        else if constexpr (std::is_same_v<C, input::Quit>) ctx.quit = true;
        else if constexpr (std::is_same_v<C, input::Visitor>) {
          if (ctx.lesson_or_playlist && ctx.lesson_or_playlist->kiosk()) ctx.lesson_or_playlist->kiosk()->input();
        } else if constexpr (std::is_same_v<C, input::StrokeBegin>) {
          (void)ctx.practice.begin(ctx.state, c.at, ctx.platform->ui_size());
        } else if constexpr (std::is_same_v<C, input::StrokeMove>) {
          ctx.practice.move(ctx.state, c.at, ctx.platform->ui_size());
        } else if constexpr (std::is_same_v<C, input::StrokeEnd>) {
          ctx.practice.end(ctx.state);
        } else if constexpr (std::is_same_v<C, input::PracticePressure>) {
          ctx.practice.adjust_pressure(c.steps);
        }
      },
      command);
}

}  // namespace

void carry_out_commands(Context& ctx) {
  const Commands c = std::exchange(ctx.pending, {});
  // Last frame's panels first (they were used before this frame's events came in).
  State& state = ctx.state;
  apply(c.main, state, ctx.panels);
  // "Show only": the camera turns to the structure and comes close (app/isolated_view.hpp).
  if (c.main.atlas.isolate && state.settings.atlas.selected >= 0 && ctx.platform) {
    const glm::ivec2 size = ctx.platform->target().size();
    ctx.panels.isolated = frame_isolated(state, static_cast<std::size_t>(state.settings.atlas.selected),
                                         size.y > 0 ? static_cast<float>(size.x) / static_cast<float>(size.y) : 0.0f);
  }
  apply(c.timeline, state, ctx.panels);
  apply(c.flow, state);
  apply(c.practice, ctx.practice, state);
  ctx.quit = ctx.quit || c.main.quit;
  if (c.screenshot || c.main.screenshot) ctx.pending.screenshot = true;  // taken once the scene is drawn
  LessonOrPlaylist* lp = ctx.lesson_or_playlist.get();
  lesson::LessonPlayer* player = lp ? lp->lesson() : nullptr;
  if (player && ctx.style.panels) {
    if (c.lesson.next) player->next();
    if (c.lesson.back) player->back();
    if (c.lesson.replay) player->replay();
    if (c.lesson.toggle_presenter) ctx.panels.presenter = !ctx.panels.presenter;
    if (c.lesson.answer) {
      const auto& step = player->step();
      if (step.question && *c.lesson.answer < step.question->choices.size())
        (void)player->answer(step.question->choices[*c.lesson.answer]);
    }
    lp->advance(0.0);  // stage a new step at once
  }
  for (const InputCommand& command : c.input) carry_out(ctx, command);
}

void advance(Context& ctx, double dt) {
  if (ctx.style.hot_reload) {
    // An instructor or clinic editing a file sees it change; a broken edit keeps the last good one.
    ctx.state.poll_hot_reload(dt);
    if (ctx.lesson_or_playlist && ctx.lesson_or_playlist_watcher.poll(dt)) {
      auto reloaded = ctx.lesson_or_playlist->reload();
      if (ctx.style.kiosk) {
        if (!reloaded) log::warn("kept the last good playlist: " + reloaded.error().describe());
      } else {
        ctx.state.reload_error = lesson_reload_notice(reloaded);
      }
    }
  }
  if (dt <= 0.0) return;
  if (ctx.lesson_or_playlist) ctx.lesson_or_playlist->advance(dt);
  // With the panels (a student at the window); a recorded lesson plays the demonstration.
  ctx.practice.follow_lesson(ctx.lesson_or_playlist && ctx.style.panels ? ctx.lesson_or_playlist->lesson() : nullptr,
                             ctx.state);
  ctx.practice.update(ctx.state);  // the student's hands, before the flow steps with them
  ctx.state.update(dt);
}

void compute_view(Context& ctx) {
  ctx.view = ctx.state.frame_view(ctx.platform->target().size());
  append_practice_view(ctx.practice, ctx.state, ctx.view);  // the session's graded trail, the ghost
}

namespace {

// While a playlist scene is steady, keep its latest frame once the next scene is near (a copy
// every frame cost SwiftShader a full-frame pass: LessonOrPlaylist::fade_source_due); while
// the next one fades in, lay that last frame of the old scene over it, fading out.
bool crossfade(Context& ctx) {
  const LessonOrPlaylist* lp = ctx.lesson_or_playlist.get();
  if (!ctx.style.kiosk || !lp || !lp->kiosk()) return false;
  const float fade = lp->fade();
  if (fade < 1.0f) ctx.renderer->draw_snapshot(ctx.platform->target(), 1.0f - fade);
  else if (lp->fade_source_due()) ctx.renderer->snapshot(ctx.platform->target());
  return fade < 1.0f;
}

void save_screenshot(Context& ctx) {
  // Captured before the interface is drawn, so the picture shows only the scene.
  const std::string name = screenshot_name();
  auto written = render::write_png(ctx.platform->target().capture(), name);
  ctx.panels.status_message = written ? ui::trf("ui.status.saved-picture", {{"file", name}}) : written.error().describe();
}

// The camera frames the work in `band`'s free part of the window (the window's shape goes with
// it, for the box fit). In a small window (640x360: about 256x160 px left between the panels)
// framing the leg in that room would magnify one part behind the panels' edges; the whole window
// frames more.
void frame_in_band(Context& ctx, const ClearBand& band, float ease_s) {
  constexpr glm::vec2 smallest_room = ui::kSmallestWorkRoom;  // presenter view leaves it (ui/panel_layout.hpp)
  const glm::vec2 room{band.size.x - band.left - band.right, band.size.y - band.top - band.bottom};
  if (room.x < smallest_room.x || room.y < smallest_room.y) {
    ctx.state.camera.set_free_area({0.0f, 0.0f, 1.0f, 1.0f});
    return;
  }
  ctx.state.camera.set_free_area(free_area_of(band), band.size.x / band.size.y, ease_s);
}

// The blood-speed legend drawn in the band's free part (`legend`, pixels): the band gives up the
// strip beside, above or below it, whichever leaves the larger part, so the leg framed there is
// clear of it. A part smaller than the camera's least room (kSmallestWorkRoom) counts only when
// none is larger: frame_in_band frames the whole window in it, at once. (Presenter view at
// 1280x720, as the camera glided to the band above the text: the legend came into the band's
// middle, the strip above it won at 1280x146 px over 624x278 beside it, the leg jumped to the
// window's middle, under the text, and the text fell to 1.25x for a frame and moved to the top.)
void cut_out(ClearBand& band, const ui::ScreenBox& legend, float gap) {
  const float x0 = band.left, x1 = band.size.x - band.right, y0 = band.top, y1 = band.size.y - band.bottom;
  if (legend.max.x <= x0 || legend.min.x >= x1 || legend.max.y <= y0 || legend.min.y >= y1) return;
  // A part's area, less the whole window's when it is under the camera's least room (so any
  // part that holds that room wins over every part that does not).
  const glm::vec2 room = ui::kSmallestWorkRoom;
  const float window = band.size.x * band.size.y;
  auto part = [&](float w, float h) { return w * h - (w < room.x || h < room.y ? window : 0.0f); };
  const float beside_left = part(x1 - legend.max.x - gap, y1 - y0), beside_right = part(legend.min.x - gap - x0, y1 - y0);
  const float below = part(x1 - x0, y1 - legend.max.y - gap), above = part(x1 - x0, legend.min.y - gap - y0);
  const float best = std::max({beside_left, beside_right, below, above});
  if (best <= -window) return;  // no part left at all
  if (best == beside_right) band.right = band.size.x - legend.min.x + gap;
  else if (best == beside_left) band.left = legend.max.x + gap;
  else if (best == above) band.bottom = band.size.y - legend.min.y + gap;
  else band.top = legend.max.y + gap;
}

// In presenter view (`lesson_panel`: where its text box is drawn) the camera frames the work in
// the part of the window the text leaves, so the leg does not run under it (the step on the
// veins' two sets, at 1280x720: the toe tips 5-10 px under the box): below or above a box across
// the window, beside one down its side.
void frame_beside_presenter(Context& ctx, const ui::OverlayLayout* overlay, glm::vec4 lesson_panel, glm::ivec2 size,
                            float ease_s) {
  const glm::vec2 window(size);
  ClearBand band{window};
  const float gap = 0.5f * ImGui::GetFontSize();
  const glm::vec4 p = lesson_panel;
  if (p.z > p.x && p.w > p.y) {
    if (p.z - p.x >= 0.5f * window.x) {
      if (p.y + p.w < window.y) band.top = p.w + gap;
      else band.bottom = window.y - p.y + gap;
    } else if (p.x + p.z < window.x) {
      band.left = p.z + gap;
    } else {
      band.right = window.x - p.x + gap;
    }
  }
  // The legend too (the step on the veins' two sets at 1280x720: over the ankle's veins).
  if (overlay && overlay->legend) cut_out(band, *overlay->legend, gap);
  frame_in_band(ctx, band, ease_s);
}

// The camera centres and frames the leg in the part of the window the panels leave: between the
// docked columns, above the Practice panel docked between them and above the step's caption and
// the blood-speed legend, which go at the foot of that part (ui/overlay_layout.cpp), so that
// neither covers the leg or its veins. Takes effect from the next frame. The practice camera
// fits its own band (app/practice_camera.cpp) in the whole window; a window without panels uses
// the whole window too; the presenter view frames beside its text (above).
// `overlay`: the layout ui::draw_overlay drew this frame (null when the overlay is off).
// `ease_s`: how long the leg takes to glide to a changed part (0: at once; see Camera::set_free_area).
void frame_between_panels(Context& ctx, const ui::OverlayLayout* overlay, glm::ivec2 size, glm::vec4 lesson_panel, float ease_s) {
  if (ctx.style.panels && ctx.panels.presenter && !ctx.practice.active()) {
    frame_beside_presenter(ctx, overlay, lesson_panel, size, ease_s);
    return;
  }
  if (!ctx.style.panels || ctx.practice.active()) {
    ctx.state.camera.set_free_area({0.0f, 0.0f, 1.0f, 1.0f});
    return;
  }
  ClearBand band = panel_clear_band(ctx.panels.show_view_panel, glm::vec2(size));
  const float gap = 0.5f * ImGui::GetFontSize();
  if (ctx.pending.practice.docked_top > 0.0f)
    band.bottom = std::max(band.bottom, static_cast<float>(size.y) - ctx.pending.practice.docked_top + gap);
  // A lesson's panel reaching in between the columns (it sits atop the right-hand one since
  // session 24, so only where that column cannot hold its text and it takes the bottom-left
  // corner): the leg is framed above it, not run under it.
  if (lesson_panel.w > lesson_panel.y && lesson_panel.z > band.left && lesson_panel.x < band.size.x - band.right)
    band.bottom = std::max(band.bottom, static_cast<float>(size.y) - lesson_panel.y + gap);
  if (overlay) {
    // The caption and the legend at the foot of the part: the leg is framed above the higher of
    // their tops (side by side, the legend beside the caption, the taller one's; stacked, both;
    // and the caption's own lift above the status bar). At most 40 % of the height left between
    // the panels: at 1280x720 the two stacked took 60 % of it and drew the whole client in
    // 250 px. Side by side (ankle pumps' flow view, 1280x720) the caption, 8 lines beside the
    // legend, takes 39 %: at a third the leg's box reached into it (the leg's width, not this
    // height, sets its size there). A box in the upper half of the part (the legend put over
    // the thigh when nowhere else was free) is not framed around.
    const float left_between = band.size.y - band.top - band.bottom;
    const float foot = band.size.y - band.bottom, middle = band.top + 0.5f * left_between;
    float top = foot;
    for (const auto& box : {overlay->caption, overlay->legend})
      if (box && 0.5f * (box->min.y + box->max.y) > middle) top = std::min(top, box->min.y - gap);
    band.bottom += std::min(foot - top, 0.4f * left_between);
  }
  frame_in_band(ctx, band, ease_s);
}

void draw_interface(Context& ctx, double dt) {
  Platform& platform = *ctx.platform;
  // A new interface size (View menu): the font is built at it before the next frame; until
  // then (this frame) it is the old font scaled.
  // At most what the window's height holds (app/panels.hpp show_interface_scale).
  const float shown = show_interface_scale(ctx.panels, static_cast<float>(platform.ui_size().y));
  if (ctx.panels.font_scale != shown && platform.rebuild_font(shown / ctx.panels.font_scale)) ctx.panels.font_scale = shown;
  platform.begin_ui(dt > 0.0 ? dt : ctx.fixed_dt);
  const LessonOrPlaylist* lp = ctx.lesson_or_playlist.get();
  const glm::ivec2 size = platform.ui_size();
  // The overlay first: the presenter view keeps clear of the working area it finds.
  ui::Overlay overlay = ctx.state.overlay(ctx.view, size);
  follow_lesson(lp ? lp->lesson() : nullptr, ctx.panels);
  // The lesson panel's height first: the Blood flow panel under it makes room in this frame.
  // While the camera glides the work into the room the panels leave, or to a step's view,
  // presenter view keeps its place (ui::PanelInput::held_presenter): the camera frames the
  // work in the room it leaves.
  const bool gliding = ctx.state.camera.easing_free_area() || ctx.state.camera.transitioning();
  if (ctx.style.panels && lp && lp->lesson())
    ui::reserve_lesson_panel(lp->lesson()->presenter(), lp->lesson()->score(), ctx.panels.presenter, overlay.working, gliding);
  if (ctx.style.panels && !ctx.panels.presenter) {
    ui::MainUiView main = main_view(ctx.state, ctx.panels);
    if (ctx.practice.active() && main.status_message.empty())  // a drag on the skin strokes now
      main.status_message = ui::tr("ui.practice.status");
    ctx.pending.main = ui::draw_main_ui(main);
    // No Technique panel in a lesson: the lesson chooses and plays each step's technique, and a
    // list offering another beside it competed with it (session 22's new-user pass).
    if (!lp || !lp->lesson()) ctx.pending.timeline = ui::draw_timeline_panel(timeline_state(ctx.state, ctx.panels));
    ctx.pending.flow = ui::draw_flow_panel(flow_state(ctx.state));
    if (!lp || !lp->lesson() || lp->lesson()->step().practice) ctx.pending.practice = ui::draw_practice_panel(practice_panel_state(ctx.practice, ctx.state));
    ctx.practice.set_clear_band(ctx.state, panel_clear_band(ctx.panels.show_view_panel, glm::vec2(size)));
  }
  glm::vec4 lesson_panel(0.0f);  // where the lesson panel is drawn (none: zero)
  if (ctx.style.panels && lp && lp->lesson()) {
    const lesson::LessonPlayer& player = *ctx.lesson_or_playlist->lesson();
    const auto asked = ui::draw_presenter_panel(player.presenter(), player.score(), ctx.panels.presenter, overlay.working, gliding);
    ctx.pending.lesson.next |= asked.next;
    ctx.pending.lesson.back |= asked.back;
    ctx.pending.lesson.replay |= asked.replay;
    ctx.pending.lesson.toggle_presenter |= asked.toggle_presenter;
    if (asked.answer) ctx.pending.lesson.answer = asked.answer;
    overlay.keep_clear = asked.drawn;
    lesson_panel = asked.drawn;
  }
  std::optional<ui::OverlayLayout> drawn;  // laid out once: drawn, then framed around
  if (ctx.style.overlay) {
    if (ctx.style.kiosk && lp) place_kiosk_caption(*lp, overlay);
    if (ctx.style.panels) {
      // Keep the caption and labels between the View panel and the Technique/Flow panels.
      const ui::PanelInput columns = ui::current_panel_input(false, {});
      const float gap = 0.5f * ImGui::GetFontSize();
      overlay.left_margin = ctx.panels.presenter || !ctx.panels.show_view_panel ? 0.0f : ui::left_column_width(columns) + gap;
      overlay.right_margin = ctx.panels.presenter ? 0.0f : ui::right_column_width(columns) + gap;
      overlay.keep_above = ctx.pending.practice.docked_top;  // Practice docked at the bottom
      // The status bar along the bottom (none in presenter view): the legend keeps above it.
      if (!ctx.panels.presenter) {
        const float bar = static_cast<float>(size.y) - ImGui::GetFrameHeight();
        overlay.keep_above = overlay.keep_above > 0.0f ? std::min(overlay.keep_above, bar) : bar;
      }
      if (lp) overlay.caption.clear();  // the lesson panel already shows the step's text
      if (auto at = platform.hover_point()) {
        overlay.hover = ctx.state.describe_at(*at, size);
        overlay.hover_at = *at;
      }
    }
    hide_answer(ctx.panels, overlay);
    // While time runs each label holds last frame's place (unless it goes astray); a still
    // (dt 0, a headless picture settling its panels) lays them out fresh.
    if (dt > 0.0) overlay.held = ctx.panels.label_places;
    drawn = ui::draw_overlay(overlay, platform.ui_scale());
  }
  ctx.panels.label_places = drawn ? drawn->places : std::vector<ui::LabelPlace>{};
  ctx.panels.drawn_legend = drawn ? drawn->legend : std::nullopt;
  ctx.panels.drawn_caption = drawn ? drawn->caption : std::nullopt;
  ctx.panels.drawn_labels.clear();
  if (drawn)
    for (const ui::PlacedLabel& p : drawn->labels) ctx.panels.drawn_labels.push_back({p.label->text, p.box, p.joint, p.anchor});
  // Eased while time runs: the lesson panel growing by a question's feedback moved the framed leg
  // up in one frame (the free area was taken at once): 22.3 px at 1280x720, 32.4 px at 1080p. A still (dt 0: a headless picture settling
  // its panels) takes its layout at once.
  constexpr float kPanelEaseS = 0.3f;
  frame_between_panels(ctx, drawn ? &*drawn : nullptr, size, lesson_panel, dt > 0.0 ? kPanelEaseS : 0.0f);
  // A structure shown alone is fitted again to a changed free area (its card closed or opened).
  if (ctx.panels.isolated) {
    const glm::ivec2 window = platform.target().size();
    refit_isolated(ctx.state, ctx.panels.isolated, window.y > 0 ? static_cast<float>(window.x) / static_cast<float>(window.y) : 0.0f);
  }
  platform.end_frame();
}

}  // namespace

void place_kiosk_caption(const LessonOrPlaylist& lp, ui::Overlay& overlay) {
  if (auto at = lp.caption_position()) {
    overlay.caption_placed = true;
    overlay.caption_at = *at;
  }
  overlay.large_caption = true;
  // The disclaimer stays in a corner all the time; the loop shows it in full once a pass.
  if (lp.kiosk()) overlay.corner_note = lp.locale().text("kiosk.corner");
}

void draw_scene(Context& ctx) {
  render::RenderTarget& target = ctx.platform->target();
  const glm::ivec2 size = target.size();
  if (size.x <= 0 || size.y <= 0) return;  // a minimised window has no framebuffer
  ctx.renderer->poll_levels_of_detail();  // the window takes them in once built (render/mesh_lod.hpp)
  ctx.renderer->draw(target, ctx.view);
  const bool fading = crossfade(ctx);
  if (ctx.style.filter_subject && !fading)
    if (render::OffscreenTarget* offscreen = ctx.platform->offscreen()) {
      // The leg, the hands on it and everything drawn on the skin lie within the model's box
      // grown by a hand's length; outside it there are no edges to smooth. (While scenes
      // cross-fade the old frame may have edges anywhere, so the whole frame is filtered.)
      constexpr float kHandReach = 0.2f;  // m: a hand on the skin reaches no further than this
      const anatomy::Bounds& bounds = ctx.state.model_bounds();
      offscreen->set_filter_region(render::screen_rect(bounds.min - glm::vec3(kHandReach),
                                                       bounds.max + glm::vec3(kHandReach),
                                                       ctx.view.projection * ctx.view.view * ctx.view.leg_to_room,
                                                       offscreen->size(), 4));  // the scene's own pixels (dynamic resolution)
    }
  target.finish_scene();
  if (std::exchange(ctx.pending.screenshot, false)) save_screenshot(ctx);
}

void settle_panels(Context& ctx, std::chrono::milliseconds wait) {
  constexpr int kWarmUpFrames = 3;
  for (int i = 0; i < kWarmUpFrames; ++i) frame(ctx, 0.0);
  if (ctx.state.flow_indices.snapshot().status == FlowIndices::Status::computing) (void)ctx.state.flow_indices.wait(wait);
  // The panels hand the camera its free area while they draw, after that frame's view was
  // taken, so a frame shows the leg framed for the layout of the frame before. One more frame
  // here lets the picture's frame use its own layout (without it, ankle pumps' flow view at
  // 720p: the framed region 39 px low, its foot 14 px below the free area; tests/render/flow_panel_test).
  frame(ctx, 0.0);
}

void frame(Context& ctx, double dt) {
  ctx.platform->take_input(ctx, dt);  // input events -> commands
  carry_out_commands(ctx);            // commands
  advance(ctx, dt);                   // simulation
  compute_view(ctx);                  // view
  if (ctx.style.scene) draw_scene(ctx);  // draw
  draw_interface(ctx, dt);            // UI, whose panels leave commands for the next frame
  ++ctx.frames;
}

}  // namespace effleura::app
