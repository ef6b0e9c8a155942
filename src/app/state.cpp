#include "app/state.hpp"

#include "app/client_muscles.hpp"
#include "app/flow_view.hpp"
#include "app/reload_notice.hpp"
#include "app/state_overlay.hpp"
#include "app/atlas_commands.hpp"
#include "app/view_file.hpp"

#include <cmath>

#include <algorithm>
#include <functional>

#include "anatomy/area_mapping.hpp"
#include "anatomy/picking_shown.hpp"
#include "anatomy/leg_bend.hpp"
#include "anatomy/occlusion.hpp"
#include "anatomy/model_cache.hpp"
#include "anatomy/model_loader.hpp"
#include "core/cache_file.hpp"
#include "core/frame.hpp"
#include "render/highlight.hpp"
#include "technique/forearm.hpp"
#include "technique/tissue.hpp"
#include "render/valve_geometry.hpp"
#include "ui/structure_names.hpp"
#include "ui/main_ui.hpp"

#include <glm/geometric.hpp>
#include <glm/matrix.hpp>

namespace effleura::app {
namespace {

// The start-up cache's versions of the leg (with its cavity occlusion) and the client: bump
// when the code changes what is made of the same file (anatomy/occlusion.cpp for the leg).
constexpr std::uint32_t kLegCacheVersion = 1;
constexpr std::uint32_t kClientCacheVersion = 1;

// The side of the leg a named view looks at, which a lying client turns up.
technique::WorkingSide side_shown(render::ViewPreset view) {
  if (view == render::ViewPreset::back) return technique::WorkingSide::back;
  if (view == render::ViewPreset::front) return technique::WorkingSide::front;
  return technique::WorkingSide::either;
}

}  // namespace

Expected<void> State::load(const Options& options, const DataPaths& paths) {
  if (auto m = load_model(options, paths); !m) return m;
  if (auto h = load_hands(paths); !h) return h;
  return load_content(options, paths);
}

Expected<void> State::load_model(const Options& options, const DataPaths& paths) {
  const auto path = options.model ? *options.model : paths.assets / "leg.glb";
  own_leg_ = !options.model;
  // Our own leg, with its occlusion, comes from the start-up cache while its bytes are
  // unchanged (anatomy/model_cache.hpp); a foreign model may refer to other files, so it loads.
  bool cached = false;
  auto loaded = own_leg_ ? anatomy::load_model_cached(path, "leg", kLegCacheVersion, anatomy::add_cavity_occlusion,
                                                      cache_directory(), &cached)
                         : anatomy::load_model(path);
  if (!loaded) return std::unexpected(loaded.error());
  model = std::move(*loaded);
  model_bounds_ = model.bounds();
  if (!own_leg_) anatomy::add_cavity_occlusion(model);
  if (setup_times) setup_times->mark(cached ? "leg + occlusion (from cache)" : "leg read + occlusion");
  if (options.area_mapping) {
    // A foreign model learns our nine areas from a mapping of its mesh names.
    auto mapping = anatomy::load_area_mapping(*options.area_mapping);
    if (!mapping) return std::unexpected(mapping.error());
    if (auto applied = anatomy::apply_area_mapping(*mapping, model); !applied) return applied;
  }
  return {};
}

Expected<void> State::load_hands(const DataPaths& paths) {
  // The hands come with every model: the techniques need them whichever leg is shown.
  auto hand_model = technique::load_hand_model(paths.assets / "hands.glb");
  if (!hand_model) return std::unexpected(hand_model.error());
  hands = std::move(*hand_model);
  if (setup_times) setup_times->mark("hands read");
  bool cached = false;
  // The client around our leg: body, drapes and table (not around a foreign --model).
  client_model = {};
  if (own_leg_) {
    auto client_loaded = anatomy::load_model_cached(paths.assets / "client.glb", "client", kClientCacheVersion,
                                                    nullptr, cache_directory(), &cached);
    if (!client_loaded || !client_loaded->find("table.top")) {
      Error e = client_loaded ? Error{"no mesh named table.top", (paths.assets / "client.glb").string(), 0, 0, {}} : client_loaded.error();
      e.message = "client model unusable: " + e.message +
                  "; expected the body, drapes and table that effleura-forge --part client builds";
      return std::unexpected(e);
    }
    client_model = std::move(*client_loaded);
    if (setup_times) setup_times->mark(cached ? "client model (from cache)" : "client model read");
  }
  return {};
}

Expected<void> State::load_content(const Options& options, const DataPaths& paths) {
  // The posture drawn is the posture the flow model computes (app/client_stage.hpp).
  auto posture = parse_posture_option(options.posture);
  if (!posture) return std::unexpected(posture.error());
  client.choose(*posture);
  client.set_walk_time(options.technique ? 0.0 : options.at_seconds);  // --at picks the moment of the stride
  simulation.posture = flow_posture(*posture);
  client_timeline_ = nullptr;
  place_camera_subject();
  if (setup_times) setup_times->restart();
  if (auto sim = simulation.load(paths, model, setup_times); !sim) return std::unexpected(sim.error());
  auto area_content = anatomy::load_area_content(paths.content / "areas.toml");
  if (!area_content) return std::unexpected(area_content.error());
  areas = std::move(*area_content);
  if (setup_times) setup_times->mark("area notes read");
  paths_ = paths;
  watcher_ = FileWatcher();
  watcher_.watch(paths.content / "poses.toml");
  watcher_.watch(paths.content / "techniques");
  valve_veins.clear();
  if (const auto* f = simulation.flow())
    for (const auto& vein : f->network().veins)
      if (!vein.valves.empty()) valve_veins.push_back(vein.id);
  incompetent.assign(valve_veins.size(), false);
  // --incompetent leaks from the start what the Blood flow panel's checkbox leaks while running
  // (panels.cpp), so a picture or a recording can show a varicose leg; a whole vein also ticks its box.
  if (auto* f = simulation.flow())
    for (const std::string& which : options.incompetent) {
      if (auto leak = f->set_incompetent(which); !leak)
        return fail("--incompetent: " + leak.error().message);
      for (std::size_t i = 0; i < valve_veins.size(); ++i)
        if (valve_veins[i] == which) incompetent[i] = true;
    }
  camera.frame(camera_bounds());
  // The view flags first: the flow view frames a technique's pumped veins (app/flow_view.hpp).
  if (options.layers) settings.layers = *options.layers;
  if (options.xray) settings.skin_opacity = *options.xray;
  else if (options.layers) settings.skin_opacity = skin_opacity_for_layers(*options.layers, settings.skin_opacity);
  if (options.technique) {
    if (auto picked = simulation.select_technique(*options.technique, options.at_seconds, options.speed); !picked)
      return std::unexpected(picked.error());
    if (setup_times) setup_times->mark("technique timeline built");
    // Start from the technique's own first view unless the user named one.
    frame_technique(options.view, false);
    if (setup_times) setup_times->mark("camera framed (view search)");
  } else if (options.view && !options.look_at_head) {  // (the head's framing keeps the posture asked for)
    client.face(side_shown(*options.view));
    client.snap();
    place_camera_subject();
    camera.set_preset(*options.view, false);
  }
  if (options.look_at_head) frame_client_head(options.view.value_or(render::ViewPreset::lateral));
  // A shared view (--view FILE) holds its camera still: the step camera would turn away from it.
  if (options.view_file) {
    auto view = read_view_file(*options.view_file);
    if (!view) return std::unexpected(view.error());
    step_camera.stop();
    recall_view(*this, *view, false);
  }
  for (const auto& id : options.areas)
    if (auto i = anatomy::area_index(id)) settings.selected[*i] = true;
  return {};
}

void State::update(double dt) {
  // Walking, the client's own muscles pump (app/client_muscles.hpp); still, they rest.
  simulation.muscles = client_muscles(client, simulation.posture, dt);
  simulation.knee_flexion_deg = knee_flexion();  // the flow's heights are the drawn leg's
  simulation.lying_up = lying_up();
  simulation.update(dt);
  // The posture chosen in the flow panel is drawn; a step on the other side of the leg turns
  // the client over, and the camera follows the leg.
  const float knee_before = knee_flexion();
  const bool new_posture = client.follow_flow(simulation.posture);
  sync_client();
  // Sitting bends the knee: the camera frames the leg as it is now drawn.
  if (new_posture && knee_flexion() != knee_before) camera.frame(camera_bounds());
  const bool was_turning = client.turning();
  // With no technique, the view asked for decides which side is up.
  if (!simulation.technique() && camera.preset()) client.face(side_shown(*camera.preset()));
  if (const auto* p = simulation.playback(); p && simulation.technique())
    client.update(dt, p->time(), p->playing() ? dt * p->speed() : 0.0);  // a jump puts the client on its side at once
  else
    client.update(dt, std::nullopt);
  place_camera_subject();
  if (new_posture) {
    frame_technique(std::nullopt, true);
  } else if (was_turning && !client.turning() && camera.following()) {
    // Turned over while the camera follows the hands: it frames the new step's hands again,
    // with its own smooth move.
    frame_technique(std::nullopt, true);
  } else if (was_turning && !client.turning()) {
    // Turned over: look at the side now up from where it shows (the leg has moved across the
    // table, and the other leg could hide it from where the camera stood).
    const auto* t = simulation.technique();
    const bool front_up = anatomy::to_room(leg_to_room(), glm::vec3(0, 0, 1)).y > 0.0f;
    const char* side = front_up ? "front" : "back";
    if (t && std::find(t->views.begin(), t->views.end(), side) != t->views.end())
      camera.set_preset(*render::parse_view(side), true);
    else if (!t && camera.preset())
      camera.set_preset(*camera.preset(), true);
  }
  // The flow view turned on or off while the camera follows the work: frame it again.
  if (simulation.technique() && camera.following() && flow_view_shown(settings.layers, settings.skin_opacity) != flow_framed_)
    frame_technique(std::nullopt, true);
  step_camera.update(camera, simulation.timeline(), simulation.frame().step);
  camera.update(static_cast<float>(dt));
  record_history(*this);
}

render::FrameView State::camera_view(glm::ivec2 size) const {
  render::FrameView v;
  const float aspect = size.y > 0 ? float(size.x) / float(size.y) : 1.0f;
  v.view = camera.view_matrix();
  v.projection = camera.projection_matrix(aspect);
  v.eye = camera.eye();
  v.leg_to_room = leg_to_room();
  if (!client_model.meshes.empty()) v.client = client.pose();
  // Looked at from the inner side (the named medial view: key 4, a lesson's step), the other
  // leg would stand between the camera and the lit leg, lying, sitting or standing: not drawn.
  // While a technique plays the client keeps both legs whatever the step's view (a technique's
  // step may look from the inner side too: effleurage at 2 s; its view search sees past the
  // other leg), so a student never watches hands on a one-legged client.
  v.other_leg = camera.preset() != render::ViewPreset::medial || simulation.timeline() != nullptr;
  if (v.client) v.ankle_deg = v.client->ankle_deg;  // walking; a technique sets its own in frame_view
  return v;
}

render::FrameView State::frame_view(glm::ivec2 framebuffer) const {
  render::FrameView v = camera_view(framebuffer);
  const glm::vec3 leg_eye(glm::inverse(v.leg_to_room) * glm::vec4(v.eye, 1.0f));  // picking and sorting work in the leg frame
  v.layers = settings.layers;
  v.skin_opacity = settings.skin_opacity;
  apply_atlas(v);
  const float pulse = render::highlight_pulse(simulation.time());
  if (v.layers.veins && (v.skin_opacity < 0.999f || !v.layers.skin || v.clip) && any_vein_shown(v))
    if (const auto* p = simulation.particles(); p && simulation.flow()) {
      v.particle_px = std::max(2.0f, 3.0f * float(framebuffer.y) / 720.0f);
      flow::ParticleSight sight;
      sight.eye = leg_eye;
      sight.px_per_m_at_1m = 0.5f * float(framebuffer.y) * v.projection[1][1];
      sight.dot_px = v.particle_px;
      p->write_visible(*simulation.flow(), sight, v.particles);
      // The valves, opening and closing with the flow through them.
      const flow::FlowSystem& f = *simulation.flow();
      std::vector<render::ValveView> valves;
      for (const auto& valve : f.valves()) {
        const auto& vein = f.network().veins[valve.vein];
        const double a = std::max(0.0, valve.fraction - 0.01), b = std::min(1.0, valve.fraction + 0.01);
        const glm::vec3 dir = vein.point_at(b) - vein.point_at(a);
        if (glm::length(dir) < 1e-6f) continue;
        const float wall = static_cast<float>(vein.radius_at(valve.fraction));
        const float radius = render::radius_for_pixels(wall, glm::distance(leg_eye, valve.position), sight.px_per_m_at_1m,
                                                       render::kValveMinPx * float(framebuffer.y) / 720.0f);
        valves.push_back({valve.position, glm::normalize(dir), radius, wall, static_cast<float>(valve.open), valve.incompetent, leg_eye});
      }
      render::append_valves(valves, v.coloured);
    }
  for (std::size_t i = 0; i < anatomy::kAreaCount; ++i) v.highlight[i] = settings.selected[i] ? pulse : 0.0f;
  if (const auto* t = simulation.technique()) {
    const auto& f = simulation.frame();
    v.ankle_deg = f.ankle_deg;  // the technique moves the foot (walking sets it in camera_view when none plays)
    // A technique lights its own target areas (steady, not pulsing: the hands are the motion).
    for (const auto& id : t->areas)
      if (auto i = anatomy::area_index(id)) v.highlight[*i] = std::max(v.highlight[*i], 0.1f);
    for (const auto& trail : simulation.trails())
      render::append_trail(trail, simulation.time(), v.coloured, &anatomy::LegSurface::axis);
    // With the knee bent (sitting) each hand moves and turns with the skin under its palm, as
    // the drawn leg bends (anatomy/leg_bend.hpp); the technique places it on the straight leg.
    const float knee = v.client ? v.client->knee_flexion_deg : 0.0f;
    const float hip = v.client ? v.client->hip_flexion_deg : 0.0f;
    std::array<glm::mat4, 2> palms{};
    for (std::size_t h = 0; h < 2; ++h) {
      const auto& hand = f.hands[h];
      palms[h] = anatomy::bend_palm(hand.transform, frame::kKneeCentre, knee, hip);
      v.hands[h].visible = true;
      v.hands[h].shape = technique::build_hand(palms[h], hand.pose, hand.hand);
    }
    if (const auto* timeline = simulation.timeline())
      v.tissue = technique::tissue_shape(*timeline, f, simulation.surface());
    // On the table, the therapist stands at its side, on the leg's open side, or works a sitting
    // client from in front where the step says (technique/forearm.hpp Stance::in_front).
    auto stance = technique::stance_beside_table(v.leg_to_room, anatomy::Table::kTopY);
    stance.in_front = f.in_front;
    const bool table = v.client && v.client->on_table;
    const anatomy::LegBend bend{frame::kKneeCentre, knee, hip};  // the forearms clear the leg as drawn
    const auto arms = technique::place_forearms({palms[0], palms[1]}, &simulation.surface(), table ? &stance : nullptr, &bend,
                                                technique::finger_pads(f));
    for (std::size_t h = 0; h < 2; ++h) v.hands[h].forearm = arms[h].frame;
  }
  // The cut takes the blood and the valves beyond it away with the vessels (leg frame).
  if (settings.atlas.clip) {
    const glm::vec4 plane = clip_plane(settings.atlas, model.bounds());
    std::erase_if(v.particles, [&](const flow::ParticleVertex& p) { return glm::dot(plane, glm::vec4(p.x, p.y, p.z, 1.0f)) < 0.0f; });
    std::vector<render::ColouredVertex> kept;
    for (std::size_t t = 0; t + 2 < v.coloured.size(); t += 3) {
      bool cut = false;
      for (std::size_t k = 0; k < 3; ++k) cut |= glm::dot(plane, glm::vec4(v.coloured[t + k].position, 1.0f)) < 0.0f;
      if (!cut) kept.insert(kept.end(), v.coloured.begin() + static_cast<std::ptrdiff_t>(t), v.coloured.begin() + static_cast<std::ptrdiff_t>(t + 3));
    }
    v.coloured = std::move(kept);
  }
  // "Show only" one structure: the rest of the client and the table go too.
  if (visibility(settings.atlas, skin_mesh()) == Visibility::hidden) v.client.reset();
  return v;
}

std::size_t State::skin_mesh() const {
  for (std::size_t i = 0; i < model.meshes.size(); ++i)
    if (model.meshes[i].layer == anatomy::Layer::skin) return i;
  return model.meshes.size();
}

bool State::any_vein_shown(const render::FrameView& v) const {
  if (v.structure_opacity.empty()) return true;
  for (std::size_t i = 0; i < model.meshes.size() && i < v.structure_opacity.size(); ++i)
    if (model.meshes[i].layer == anatomy::Layer::vein && v.structure_opacity[i] > 0.0f) return true;
  return false;
}

void State::poll_hot_reload(double dt) {
  if (!watcher_.poll(dt)) return;
  auto reloaded = simulation.reload_techniques(paths_);
  reload_error = reload_notice(reloaded, simulation);
}

void State::apply_atlas(render::FrameView& v) const {
  const AtlasSettings& atlas = settings.atlas;
  if (any_changed(atlas)) {
    v.structure_opacity.assign(model.meshes.size(), 1.0f);
    for (std::size_t i = 0; i < model.meshes.size(); ++i) {
      const Visibility vis = visibility(atlas, i);
      const float opacity = vis == Visibility::hidden ? 0.0f : vis == Visibility::faded ? kFadedOpacity : 1.0f;
      if (model.meshes[i].layer != anatomy::Layer::skin) v.structure_opacity[i] = opacity;
      else if (vis == Visibility::hidden) v.layers.skin = false;
      else v.skin_opacity = std::min(v.skin_opacity, opacity);
    }
  }
  v.selected_structure = atlas.selected;
  // The plane is the leg's; the renderer cuts in the room (a plane maps by the inverse transpose).
  if (atlas.clip) v.clip = glm::transpose(glm::inverse(v.leg_to_room)) * clip_plane(atlas, model.bounds());
}



anatomy::Ray State::ray_through(glm::vec2 pixel, glm::ivec2 size) const {
  const render::FrameView v = camera_view(size);
  const glm::mat4 inv = glm::inverse(v.projection * v.view * v.leg_to_room);  // a ray in the leg's frame
  const float x = 2.0f * pixel.x / float(std::max(size.x, 1)) - 1.0f;
  const float y = 1.0f - 2.0f * pixel.y / float(std::max(size.y, 1));
  glm::vec4 near_p = inv * glm::vec4(x, y, -1.0f, 1.0f), far_p = inv * glm::vec4(x, y, 1.0f, 1.0f);
  near_p /= near_p.w;
  far_p /= far_p.w;
  return {glm::vec3(near_p), glm::normalize(glm::vec3(far_p - near_p))};
}

namespace {
// What the pointer may name or light: not a structure the atlas hides (beside a soleus shown
// alone, hover named the hidden tibia and a click lit an area of the hidden skin).
std::function<bool(std::size_t)> shown_mesh(const AtlasSettings& atlas) {
  return [&atlas](std::size_t mesh) { return visibility(atlas, mesh) != Visibility::hidden; };
}
}  // namespace

std::string State::describe_at(glm::vec2 pixel, glm::ivec2 size) const {
  const anatomy::Ray ray = ray_through(pixel, size);
  const anatomy::Model& drawn = drawn_model();  // the leg as drawn (bent when sitting)
  const auto hit = anatomy::pick(drawn, ray, shown_mesh(settings.atlas));
  std::string text;
  if (settings.layers.skin && hit.skin && hit.skin->area) text = ui::area_label(*hit.skin->area);
  const auto& l = settings.layers;
  std::string part = anatomy::structure_name(drawn, ray, hit, {l.muscles, l.bones, l.veins, l.arteries, l.nerves});
  // A structure, else a landmark, by its name in the interface's language.
  bool structure = false;
  for (const auto& m : drawn.meshes)
    if (!part.empty() && anatomy::mesh_title(m) == part) {
      part = ui::structure_title(m);
      structure = true;
      break;
    }
  if (!structure && !part.empty()) part = ui::landmark_title(part);
  if (!part.empty()) text += (text.empty() ? "" : " - ") + part;
  if (text.empty() && hit.nearest) text = ui::structure_title(drawn.meshes[hit.nearest->mesh]);
  return text;
}

bool State::toggle_area_at(glm::vec2 pixel, glm::ivec2 size) {
  const auto hit = anatomy::pick(drawn_model(), ray_through(pixel, size), shown_mesh(settings.atlas));
  if (!hit.skin || !hit.skin->area) return false;
  settings.selected[*hit.skin->area] = !settings.selected[*hit.skin->area];
  return true;
}

}  // namespace effleura::app
