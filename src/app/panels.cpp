#include "app/panels.hpp"

#include <algorithm>
#include <cmath>

#include <imgui.h>

#include "app/atlas_commands.hpp"
#include "app/flow_view.hpp"
#include "app/language.hpp"
#include "app/user_settings.hpp"
#include "ui/technique_notes.hpp"
#include "ui/technique_texts.hpp"
#include "ui/tr.hpp"

namespace effleura::app {

ui::MainUiView main_view(const State& state, const PanelState& panels) {
  ui::MainUiView v;
  v.layers = state.settings.layers;
  v.skin_opacity = state.settings.skin_opacity;
  v.skin_hidden = skin_hidden(state.settings.atlas, state.model);
  v.selected = state.settings.selected;
  v.frame_ms = panels.frame_ms;
  v.renderer_name = panels.renderer_name;
  v.status_message = panels.status_message;
  v.show_view_panel = panels.show_view_panel;
  v.areas = state.areas ? &*state.areas : nullptr;
  v.focus_area = panels.focus_area;
  v.hide_areas = panels.hide_areas;
  v.verbose = panels.verbose;
  v.interface_scale = panels.interface_scale;
  v.shown_scale = panels.shown_scale;
  // The atlas tools in a lesson too, but not while a question waits for its answer: a search
  // or a card would name what it asks.
  v.show_atlas = !panels.question_open;
  if (v.show_atlas) v.atlas = atlas_view(state, panels);
  return v;
}

void follow_lesson(const lesson::LessonPlayer* player, PanelState& panels) {
  panels.in_lesson = player != nullptr;
  if (!player) {
    panels.hide_areas = false;
    panels.hide_names = false;
    panels.question_open = false;
    return;
  }
  const auto shown = static_cast<int>(player->index());
  if (shown != panels.lesson_step) {
    panels.lesson_step = shown;
    panels.focus_area = -1;
  }
  const auto& q = player->step().question;
  panels.question_open = q && !player->presenter().feedback && player->presenter().revealed_answer.empty();
  panels.hide_areas = panels.question_open && q->kind == lesson::QuestionKind::which_area;
  // The lit structure's label, or hover over the leg, would name the answer.
  panels.hide_names = panels.hide_areas || (panels.question_open && lesson::asks_structure(q->kind));
}

void hide_answer(const PanelState& panels, ui::Overlay& overlay) {
  if (!panels.hide_names) return;
  overlay.labels.clear();
  overlay.hover.clear();
}

float shown_interface_scale(float chosen, float base_font_px, float display_height) {
  constexpr float kLines = 36.0f;
  if (!(base_font_px > 0.0f) || !(display_height > 0.0f)) return chosen;
  return std::max(std::min(chosen, display_height / kLines / base_font_px), clamp_interface_scale(0.0f));
}

float show_interface_scale(PanelState& panels, float display_height) {
  ImGuiIO& io = ImGui::GetIO();
  const float baked = io.Fonts->Fonts.Size > 0 ? io.Fonts->Fonts[0]->FontSize : 0.0f;
  panels.shown_scale = shown_interface_scale(panels.interface_scale, baked / panels.font_scale, display_height);
  io.FontGlobalScale = panels.shown_scale / panels.font_scale;
  return panels.shown_scale;
}

void apply(const ui::UiCommands& c, State& state, PanelState& panels) {
  if (c.layers) state.settings.layers = *c.layers;
  if (c.show_skin) show_skin(state.settings.atlas, state.model);
  if (c.skin_opacity) state.settings.skin_opacity = *c.skin_opacity;
  if (c.area && c.area->area < anatomy::kAreaCount) {
    state.settings.selected[c.area->area] = c.area->on;
    if (c.area->on) panels.focus_area = static_cast<int>(c.area->area);
  }
  if (c.show_view_panel) panels.show_view_panel = *c.show_view_panel;
  if (c.interface_scale) {
    panels.interface_scale = clamp_interface_scale(*c.interface_scale);
    // Shown from this frame's interface (show_interface_scale: scaled text); the window builds
    // the font at the new size for the next frame (app::draw_interface), and the next start
    // builds it so from the first.
    if (panels.settings_file && !save_user_settings({panels.interface_scale, panels.views, panels.language}, *panels.settings_file))
      panels.status_message = ui::trf("ui.status.not-saved-size", {{"file", panels.settings_file->string()}});
  }
  if (c.language) {
    // The interface's words switch at once; an open lesson keeps its language until the next start.
    if (auto ok = use_interface_language(panels.locales_dir, *c.language); !ok) {
      panels.status_message = ok.error().describe();
    } else {
      panels.language = *c.language;
      if (panels.settings_file && !save_user_settings({panels.interface_scale, panels.views, panels.language}, *panels.settings_file))
        panels.status_message = ui::trf("ui.status.not-saved-language", {{"file", panels.settings_file->string()}});
    }
  }
  if (c.preset) state.camera.set_preset(*c.preset, true);
  if (c.reset_camera) state.camera.reset(true);
  apply(c.atlas, state, panels);
}

ui::TimelineState timeline_state(const State& scene, const PanelState& panels) {
  ui::TimelineState s;
  s.area_filter = panels.area_filter;
  const Simulation& sim = scene.simulation;
  for (const auto& t : sim.techniques().all()) s.techniques.push_back({t.id, ui::technique_name(t.id, t.name), t.areas});
  s.reload_error = scene.reload_error;
  const technique::Technique* t = sim.technique();
  if (!t) return s;
  s.current = t->id;
  s.summary = ui::technique_summary(*t);
  s.direction = ui::direction_words(t->direction);
  s.pressure = ui::trf("ui.technique.pressure-value",
                       {{"pressure", ui::pressure_words(t->pressure)}, {"mmhg", std::to_string(static_cast<int>(t->pressure_mmhg))}});
  s.evidence = ui::technique_evidence(*t);
  s.cautions = ui::technique_cautions(*t);
  const technique::Playback& playback = *sim.playback();
  s.time = playback.time();
  s.duration = playback.duration();
  s.speed = playback.speed();
  s.playing = playback.playing();
  s.looping = playback.looping();
  s.step = sim.frame().step;
  s.step_count = sim.timeline() ? sim.timeline()->step_count() : 0;
  s.caption = ui::step_caption(*t, sim.frame().step, sim.frame().caption);
  s.attend = ui::step_attend(*t, sim.frame().step, sim.frame().attend);
  return s;
}

void apply(const ui::TimelineCommands& c, State& scene, PanelState& panels) {
  if (c.area_filter) panels.area_filter = *c.area_filter;
  Simulation& sim = scene.simulation;
  if (c.select) {
    if (c.select->empty()) {
      sim.clear_technique();
      scene.camera.set_focus(std::nullopt);
    } else if (sim.select_technique(*c.select)) {
      // Move to where the technique works, from its first view; the user can take the
      // camera over at any time.
      scene.frame_technique(std::nullopt, true);
    }
  }
  technique::Playback* p = sim.playback();
  if (!p) return;
  if (c.toggle_play) p->playing() ? p->pause() : p->play();
  if (c.replay) { p->seek(0.0); p->play(); }
  if (c.step_forward) p->step_forward();
  if (c.step_back) p->step_back();
  if (c.seek) p->seek(*c.seek);
  if (c.speed) p->set_speed(*c.speed);
  if (c.looping) p->set_looping(*c.looping);
}

flow::LegCondition leg_condition(const State& scene) {
  flow::LegCondition leg;
  for (std::size_t i = 0; i < scene.valve_veins.size() && i < scene.incompetent.size(); ++i)
    if (scene.incompetent[i]) leg.incompetent.push_back(scene.valve_veins[i]);
  leg.stocking_mmhg = scene.stocking_mmhg;
  return leg;
}

void fill_indices(const FlowIndices::Snapshot& snap, ui::FlowPanelState& s) {
  using I = ui::FlowPanelState::Indices;
  // The resting levels come first (a fraction of a second), the indices after (seconds).
  s.rest_ready = snap.rest_ready;
  if (snap.rest_ready) {
    s.rest_calf_ml = static_cast<float>(snap.figures.rest_calf_ml);
    s.rest_ankle_mmhg = static_cast<float>(snap.figures.rest_ankle_mmhg);
    // The groin's rest is this leg's settled outflow in this posture, face up or down, knee as
    // drawn (until session 23 the data's 350 mL/min in every posture: standing the leg's
    // arterioles let in about half of it, so its rest line stood twice too high).
    s.rest_femoral_ml_s = static_cast<float>(snap.figures.rest_groin_ml_s);
  }
  switch (snap.status) {
    case FlowIndices::Status::idle: s.indices = I::idle; return;
    case FlowIndices::Status::computing: s.indices = I::computing; return;
    case FlowIndices::Status::failed: s.indices = I::failed; s.indices_error = snap.error; return;
    case FlowIndices::Status::ready: break;
  }
  s.indices = I::ready;
  const auto& c = snap.figures.indices;
  s.ejection_fraction = static_cast<float>(c.plethysmography.ejection_fraction);
  s.residual_volume_fraction = static_cast<float>(c.plethysmography.residual_volume_fraction);
  s.filling_index_ml_s = static_cast<float>(c.plethysmography.filling_index_ml_s);
  s.refill_time_s = static_cast<float>(c.refill_time_s);
  s.ambulatory_mmhg = static_cast<float>(c.ambulatory.walking_mmhg);
  s.standing_mmhg = static_cast<float>(c.ambulatory.standing_mmhg);
  s.recovery_s = static_cast<float>(c.ambulatory.recovery_s);
}

ui::FlowPanelState flow_state(const State& scene) {
  ui::FlowPanelState s;
  s.femoral_ml_s = scene.history.series(0);
  s.calf_ml = scene.history.series(1);
  s.ankle_mmhg = scene.history.series(2);
  s.femoral_cm_s = scene.history.series(3);
  s.posture = std::string(flow::posture_name(scene.simulation.posture));
  s.veins = scene.valve_veins;
  s.incompetent = scene.incompetent;
  if (const auto* f = scene.simulation.flow()) {
    s.femoral_velocity_cm_s = static_cast<float>(100.0 * f->femoral_velocity_m_s());
  }
  s.sample_interval_s = static_cast<float>(FlowHistory::kInterval);
  s.stocking_mmhg = scene.stocking_mmhg;
  s.flow_view = flow_view_shown(scene.settings.layers, scene.settings.skin_opacity);
  fill_indices(scene.flow_indices.snapshot(), s);
  return s;
}

void apply(const ui::FlowCommands& c, State& scene) {
  flow::FlowSystem* f = scene.simulation.flow();
  if (c.posture)
    if (auto p = flow::parse_posture(*c.posture)) scene.simulation.posture = *p;
  if (c.stocking_mmhg && f) {
    scene.stocking_mmhg = *c.stocking_mmhg;
    f->set_stocking(scene.stocking_mmhg);
  }
  if (c.toggle_incompetent && f && *c.toggle_incompetent < scene.valve_veins.size()) {
    const std::size_t i = *c.toggle_incompetent;
    scene.incompetent[i] = !scene.incompetent[i];
    (void)f->set_incompetent(scene.valve_veins[i], scene.incompetent[i]);
  }
  if (c.indices_wanted && f) {
    // Lying prone with the knee bent (calf squeezes: 30 degrees) the shank rests higher, with less
    // blood and a lower ankle pressure: the plots' rest lines are that leg's (to 10 degrees, so a
    // client rolling over settles a few rest legs, not one a frame).
    const double knee = scene.simulation.posture == flow::Posture::supine
                            ? 10.0 * std::round(static_cast<double>(scene.simulation.knee_flexion_deg) / 10.0)
                            : 0.0;
    // Face down or up (prone for the back of the leg): the veins' heights differ by a few cm.
    const bool face_down = scene.simulation.posture == flow::Posture::supine && scene.simulation.lying_up.z < 0.0f;
    scene.flow_indices.request(f->network(), leg_condition(scene), scene.simulation.posture, knee, face_down);
  }
  if (c.show_flow_view) {
    // Veins and bones under a faint skin: muscles would hide the deep veins.
    scene.settings.layers.veins = true;
    scene.settings.layers.bones = true;
    scene.settings.layers.muscles = false;
    scene.settings.skin_opacity = std::min(scene.settings.skin_opacity, kFlowViewSkinOpacity);
  }
}

}  // namespace effleura::app
