#include "app/atlas_commands.hpp"

#include <algorithm>

#include "app/area_box.hpp"
#include "app/view_file.hpp"
#include "ui/technique_texts.hpp"
#include "ui/tr.hpp"

namespace effleura::app {

namespace {

void select_area(State& state, std::size_t area, PanelState& panels) {
  state.settings.selected[area] = true;
  panels.focus_area = static_cast<int>(area);
  if (auto box = area_box(state.model, area)) {
    state.camera.set_focus(box);
    state.camera.look_at_focus(true);
  }
}

int find_mesh(const anatomy::Model& model, const std::string& name) {
  for (std::size_t i = 0; i < model.meshes.size(); ++i)
    if (model.meshes[i].name == name) return static_cast<int>(i);
  return -1;
}

void pick(State& state, PanelState& panels, const Found& f) {
  if (f.mesh >= 0) select_structure(state, static_cast<std::size_t>(f.mesh));
  else if (f.area >= 0) select_area(state, static_cast<std::size_t>(f.area), panels);
}

// Turns the camera to look at the cut face, from the side the cut took away (the leg's own
// angles), a little off square so the leg's depth still reads: across, pitched up the leg for
// the part below and down it for the part above; front_back, from the front for the back part
// and from behind for the front part; sideways, from the outer side for the inner part and
// from the inner side for the outer part.
void frame_cut(State& state) {
  const AtlasSettings& atlas = state.settings.atlas;
  const anatomy::Bounds leg = state.model.bounds();
  const int k = cut_axis_index(atlas.clip_axis);
  const float at = leg.min[k] + atlas.clip_at * (leg.max[k] - leg.min[k]);
  anatomy::Bounds slice = leg;
  slice.min[k] = at - 0.08f;
  slice.max[k] = at + 0.08f;
  constexpr float kPi = 3.14159265f;
  const bool low = atlas.clip_keep_below;
  switch (atlas.clip_axis) {
    case CutAxis::across: state.camera.follow(slice, 0.5f, low ? 0.9f : -0.9f, 0.6f); break;
    case CutAxis::front_back: state.camera.follow(slice, low ? 0.35f : kPi - 0.35f, 0.2f, 0.6f); break;
    case CutAxis::sideways: state.camera.follow(slice, low ? 0.5f * kPi - 0.35f : -0.5f * kPi + 0.35f, 0.2f, 0.6f); break;
  }
}

}  // namespace

void select_structure(State& state, std::size_t mesh) {
  if (mesh >= state.model.meshes.size()) return;
  AtlasSettings& atlas = state.settings.atlas;
  atlas.selected = static_cast<int>(mesh);
  const anatomy::Mesh& m = state.model.meshes[mesh];
  // A structure under the skin is seen through it: the X-ray view, and its layer on.
  render::LayerVisibility& l = state.settings.layers;
  switch (m.layer) {
    case anatomy::Layer::muscle: l.muscles = true; break;
    case anatomy::Layer::bone: l.bones = true; break;
    case anatomy::Layer::vein: l.veins = true; break;
    case anatomy::Layer::artery: l.arteries = true; break;
    case anatomy::Layer::nerve: l.nerves = true; break;
    default: break;
  }
  if (m.layer != anatomy::Layer::skin && l.skin) state.settings.skin_opacity = std::min(state.settings.skin_opacity, 0.3f);
  if (visibility(atlas, mesh) == Visibility::hidden) set_visibility(atlas, state.model.meshes.size(), mesh, Visibility::shown);
  state.camera.set_focus(mesh_bounds(m));
  state.camera.look_at_focus(true);
}

bool find_and_select(State& state, PanelState& panels, const std::string& query) {
  const auto found = find_structures(state.model, query);
  if (found.empty()) return false;
  pick(state, panels, found.front());
  return true;
}

ui::AtlasView atlas_view(const State& state, const PanelState& panels) {
  ui::AtlasView v;
  const AtlasSettings& atlas = state.settings.atlas;
  v.query = panels.atlas_query;
  for (const auto& f : find_structures(state.model, panels.atlas_query)) v.results.push_back({f.title, f.kind});
  v.any_changed = any_changed(atlas);
  if (atlas.selected >= 0 && static_cast<std::size_t>(atlas.selected) < state.model.meshes.size()) {
    const auto mesh = static_cast<std::size_t>(atlas.selected);
    const anatomy::Mesh& m = state.model.meshes[mesh];
    v.selected = true;
    v.visibility = static_cast<int>(visibility(atlas, mesh));
    std::vector<ui::TechniqueRef> techniques;
    for (const auto& t : state.simulation.techniques().all()) techniques.push_back({ui::technique_name(t.id, t.name), t.areas});
    v.card = ui::structure_card(m, structure_kind(m), state.areas ? &*state.areas : nullptr, techniques);
  }
  v.label_all = atlas.label_all;
  v.clip = atlas.clip;
  v.clip_at = atlas.clip_at;
  v.clip_keep_below = atlas.clip_keep_below;
  v.clip_axis = static_cast<int>(atlas.clip_axis);
  for (const auto& saved : panels.views) v.views.push_back(saved.name);
  return v;
}

SavedView capture_view(const State& state, const std::string& name) {
  SavedView v;
  v.name = name;
  v.camera = state.camera.pose();
  v.layers = state.settings.layers;
  v.skin_opacity = state.settings.skin_opacity;
  v.lit = state.settings.selected;
  const AtlasSettings& atlas = state.settings.atlas;
  for (std::size_t i = 0; i < state.model.meshes.size(); ++i) {
    const Visibility vis = visibility(atlas, i);
    if (vis == Visibility::hidden) v.hidden.push_back(state.model.meshes[i].name);
    if (vis == Visibility::faded) v.faded.push_back(state.model.meshes[i].name);
  }
  if (atlas.clip) v.cut = atlas.clip_at;
  v.cut_keep_below = atlas.clip_keep_below;
  v.cut_axis = atlas.clip_axis;
  if (atlas.selected >= 0 && static_cast<std::size_t>(atlas.selected) < state.model.meshes.size())
    v.selected = state.model.meshes[static_cast<std::size_t>(atlas.selected)].name;
  // The technique's moment, for a view file (--view FILE starts it there).
  const technique::Technique* t = state.simulation.technique();
  if (const technique::Playback* p = state.simulation.playback(); t && p) {
    v.technique = t->id;
    v.at = p->time();
  }
  return v;
}

void recall_view(State& state, const SavedView& v, bool animate) {
  state.settings.layers = v.layers;
  state.settings.skin_opacity = std::clamp(v.skin_opacity, 0.0f, 1.0f);
  state.settings.selected = v.lit;
  AtlasSettings& atlas = state.settings.atlas;
  show_all(atlas);
  const std::size_t n = state.model.meshes.size();
  // Names the model no longer has are passed over.
  for (const auto& name : v.hidden)
    if (const int i = find_mesh(state.model, name); i >= 0) set_visibility(atlas, n, static_cast<std::size_t>(i), Visibility::hidden);
  for (const auto& name : v.faded)
    if (const int i = find_mesh(state.model, name); i >= 0) set_visibility(atlas, n, static_cast<std::size_t>(i), Visibility::faded);
  atlas.clip = v.cut.has_value();
  if (v.cut) atlas.clip_at = *v.cut;
  atlas.clip_keep_below = v.cut_keep_below;
  atlas.clip_axis = v.cut_axis;
  // The structure picked when it was saved, lit with its card (none in a view saved before
  // the key was kept, or one the model no longer has: nothing picked, as for the hidden above).
  atlas.selected = v.selected.empty() ? -1 : find_mesh(state.model, v.selected);
  state.camera.set_focus(std::nullopt);
  state.camera.go_to(v.camera, animate);
}

void apply(const ui::AtlasCommands& c, State& state, PanelState& panels) {
  AtlasSettings& atlas = state.settings.atlas;
  const std::size_t n = state.model.meshes.size();
  if (c.query) panels.atlas_query = *c.query;
  // A structure found: the search is cleared, so its card takes the list's place.
  if (c.find && find_and_select(state, panels, panels.atlas_query)) panels.atlas_query.clear();
  if (c.pick) {
    const auto found = find_structures(state.model, panels.atlas_query);
    if (*c.pick < found.size()) {
      pick(state, panels, found[*c.pick]);
      panels.atlas_query.clear();
    }
  }
  const bool has_selection = atlas.selected >= 0 && static_cast<std::size_t>(atlas.selected) < n;
  if (c.visibility && has_selection && *c.visibility >= 0 && *c.visibility <= 2)
    set_visibility(atlas, n, static_cast<std::size_t>(atlas.selected), static_cast<Visibility>(*c.visibility));
  if (c.isolate && has_selection) isolate(atlas, state.model, static_cast<std::size_t>(atlas.selected));
  if (c.show_all) show_all(atlas);
  if (c.deselect) atlas.selected = -1;
  if (c.label_all) atlas.label_all = *c.label_all;
  const bool cut_before = atlas.clip;
  if (c.clip) atlas.clip = *c.clip;
  if (c.clip_at) atlas.clip_at = std::clamp(*c.clip_at, 0.0f, 1.0f);
  if (c.clip_keep_below) atlas.clip_keep_below = *c.clip_keep_below;
  if (c.clip_axis && *c.clip_axis >= 0 && *c.clip_axis <= 2) atlas.clip_axis = static_cast<CutAxis>(*c.clip_axis);
  if (atlas.clip && (!cut_before || c.clip_keep_below || c.clip_axis)) frame_cut(state);
  bool save = false;
  if (c.save_view) {
    SavedView v = capture_view(state, *c.save_view);
    // The same name again replaces the older view.
    auto same = std::find_if(panels.views.begin(), panels.views.end(), [&](const SavedView& s) { return s.name == v.name; });
    if (same != panels.views.end()) *same = std::move(v);
    else panels.views.push_back(std::move(v));
    panels.status_message = ui::trf("ui.status.saved-view", {{"name", *c.save_view}});
    // And as a file of its own beside the settings, to share (effleura --view FILE).
    if (panels.settings_file) {
      const auto file = panels.settings_file->parent_path() / "views" / view_file_name(*c.save_view);
      std::error_code ec;
      std::filesystem::create_directories(file.parent_path(), ec);
      if (write_view_file(capture_view(state, *c.save_view), file))
        panels.status_message = ui::trf("ui.status.saved-view-file", {{"name", *c.save_view}, {"file", file.string()}});
    }
    save = true;
  }
  if (c.recall_view && *c.recall_view < panels.views.size()) recall_view(state, panels.views[*c.recall_view], true);
  if (c.delete_view && *c.delete_view < panels.views.size()) {
    panels.views.erase(panels.views.begin() + static_cast<std::ptrdiff_t>(*c.delete_view));
    save = true;
  }
  if (save && panels.settings_file && !save_user_settings({panels.interface_scale, panels.views, panels.language}, *panels.settings_file))
    panels.status_message = ui::trf("ui.status.not-saved-views", {{"file", panels.settings_file->string()}});
}

}  // namespace effleura::app
