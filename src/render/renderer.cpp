#include "render/renderer.hpp"
#include "render/faded_order.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <string>

#include "core/cache_file.hpp"
#include "core/frame.hpp"
#include "render/fullscreen.hpp"
#include "render/gl.hpp"
#include "render/lights.hpp"
#include "render/mesh_lod.hpp"
#include "render/skin_lod.hpp"
#include "render/tissue_uniforms.hpp"
#include "render/vertex_reach.hpp"

namespace effleura::render {
namespace {

// The drapes' least opacity in the X-ray view (see draw_scene): a sheet a student reads as one
// over the torso and the other leg, through which the groin's veins and muscles still show.
constexpr float kXrayDrapeOpacity = 0.6f;

struct LayerLook {
  glm::vec3 colour;
  int shading;  // SHADING in shaders/model.frag: which of Renderer::materials_ draws the layer
};

LayerLook look_for(anatomy::Layer layer) {
  switch (layer) {
    case anatomy::Layer::skin: return {{0.86f, 0.66f, 0.55f}, 0};
    case anatomy::Layer::muscle: return {{0.74f, 0.26f, 0.24f}, 1};
    case anatomy::Layer::bone: return {{0.90f, 0.87f, 0.78f}, 2};
    case anatomy::Layer::vein: return {{0.23f, 0.33f, 0.72f}, 3};
    case anatomy::Layer::hand: return {{0.80f, 0.62f, 0.52f}, 0};
    case anatomy::Layer::other: return {{0.78f, 0.74f, 0.70f}, 2};
    // Atlas colours: arteries red with the vessels' wet highlight, nerves a matte yellow.
    case anatomy::Layer::artery: return {{0.80f, 0.13f, 0.12f}, 3};
    case anatomy::Layer::nerve: return {{0.96f, 0.84f, 0.32f}, 2};
  }
  return {{0.8f, 0.8f, 0.8f}, 2};
}

bool visible(anatomy::Layer layer, const LayerVisibility& v) {
  switch (layer) {
    case anatomy::Layer::skin: return v.skin;
    case anatomy::Layer::muscle: return v.muscles;
    case anatomy::Layer::bone: return v.bones;
    case anatomy::Layer::vein: return v.veins;
    case anatomy::Layer::artery: return v.arteries;
    case anatomy::Layer::nerve: return v.nerves;
    default: return true;
  }
}

}  // namespace

Expected<std::unique_ptr<Renderer>> Renderer::create() {
  std::unique_ptr<Renderer> r(new Renderer());
  auto background = ShaderProgram::from_files("background.vert", "background.frag");
  if (!background) return std::unexpected(background.error());
  for (std::size_t m = 0; m < r->materials_.size(); ++m) {
    const std::string defines = m == kPlainSkin ? "#define SHADING 0\n#define NO_TISSUE" : "#define SHADING " + std::to_string(m);
    auto material = ShaderProgram::from_files("model.vert", "model.frag", defines);
    if (!material) return std::unexpected(material.error());
    r->materials_[m] = std::move(*material);
  }
  auto snapshot = ShaderProgram::from_files("background.vert", "snapshot.frag");
  if (!snapshot) return std::unexpected(snapshot.error());
  r->snapshot_program_ = std::move(*snapshot);
  r->background_ = std::move(*background);
  auto hands = HandPass::create();
  if (!hands) return std::unexpected(hands.error());
  r->hands_ = std::make_unique<HandPass>(std::move(*hands));
  auto coloured = ColouredPass::create();
  if (!coloured) return std::unexpected(coloured.error());
  r->coloured_ = std::make_unique<ColouredPass>(std::move(*coloured));
  auto particles = ParticlePass::create();
  if (!particles) return std::unexpected(particles.error());
  r->particles_ = std::make_unique<ParticlePass>(std::move(*particles));
  glGenVertexArrays(1, &r->empty_vao_);
  return r;
}

Renderer::~Renderer() {
  if (empty_vao_) glDeleteVertexArrays(1, &empty_vao_);
  if (snapshot_fbo_) glDeleteFramebuffers(1, &snapshot_fbo_);
  if (snapshot_texture_) glDeleteTextures(1, &snapshot_texture_);
}

void Renderer::snapshot(RenderTarget& target) {
  const glm::ivec2 size = target.size();
  if (size.x <= 0 || size.y <= 0) return;
  if (size != snapshot_size_) {
    if (!snapshot_texture_) glGenTextures(1, &snapshot_texture_);
    if (!snapshot_fbo_) glGenFramebuffers(1, &snapshot_fbo_);
    glBindTexture(GL_TEXTURE_2D, snapshot_texture_);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, size.x, size.y, 0, GL_RGBA, GL_UNSIGNED_BYTE, nullptr);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glBindFramebuffer(GL_FRAMEBUFFER, snapshot_fbo_);
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, snapshot_texture_, 0);
    snapshot_size_ = size;
  }
  // A blit also resolves the multisampled frame into the single-sample copy.
  glBindFramebuffer(GL_READ_FRAMEBUFFER, target.framebuffer());
  glBindFramebuffer(GL_DRAW_FRAMEBUFFER, snapshot_fbo_);
  glBlitFramebuffer(0, 0, size.x, size.y, 0, 0, size.x, size.y, GL_COLOR_BUFFER_BIT, GL_NEAREST);
  target.bind();
}

void Renderer::draw_snapshot(RenderTarget& target, float alpha) {
  if (!snapshot_texture_ || alpha <= 0.0f || target.size() != snapshot_size_) return;
  target.bind();
  glDisable(GL_DEPTH_TEST);
  glDepthMask(GL_FALSE);
  glEnable(GL_BLEND);
  glBlendFunc(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA);
  snapshot_program_.use();
  snapshot_program_.set("uAlpha", std::min(alpha, 1.0f));
  snapshot_program_.set("uSnapshot", 0);
  draw_fullscreen(empty_vao_, snapshot_texture_);
  glDisable(GL_BLEND);
  glDepthMask(GL_TRUE);
}

void Renderer::set_hands(const technique::HandModel& hands) { hands_->upload(hands); }

#ifdef __EMSCRIPTEN__
// The web page has no threads: the coarse meshes are built when the first frame asks for them.
constexpr auto kLodLaunch = std::launch::deferred;
#else
constexpr auto kLodLaunch = std::launch::async;
#endif

void Renderer::set_client(const anatomy::Model& client) {
  if (client_lod_.valid()) client_lod_.wait();  // an older job's result no longer fits
  client_->upload(client);
  ++client_levels_;
  client_lod_ = std::async(kLodLaunch, [geometry = lod_geometry(client), dir = cache_directory()] {
    return build_coarse_meshes_cached(geometry, "lod-client", dir);
  });
}

void Renderer::set_model(const anatomy::Model& model) {
  if (leg_lod_.valid()) leg_lod_.wait();
  if (skin_lod_.valid()) skin_lod_.wait();
  if (skin_groups_job_.valid()) skin_groups_job_.wait();
  meshes_.clear();
  meshes_.reserve(model.meshes.size());
  for (const auto& m : model.meshes) meshes_.emplace_back(m);
  // The leg's skin (the first skin mesh, as skin_geometry takes it) in bands along the leg,
  // sorted on the levels' thread too (a few ms): until then it is drawn whole.
  skin_groups_ = {};
  for (std::size_t i = 0; i < model.meshes.size(); ++i) {
    const anatomy::Mesh& m = model.meshes[i];
    if (m.layer != anatomy::Layer::skin) continue;
    grouped_mesh_ = i;
    skin_groups_job_ = std::async(kLodLaunch, [positions = m.positions, indices = m.indices, ankle = m.ankle_blend] {
      return build_skin_groups(positions, indices, ankle, frame::kAnkleCentre);
    });
    break;
  }
  leg_lod_ = std::async(kLodLaunch, [geometry = lod_geometry(model), dir = cache_directory()] {
    return build_coarse_meshes_cached(geometry, "lod-leg", dir);
  });
  if (skin_lod_wanted())  // the page's level, as it always was
    skin_lod_ = std::async(kLodLaunch, [skin = skin_geometry(model)] { return build_skin_lod(skin); });
  else
    skin_lod_ = std::async(kLodLaunch, [skin = skin_geometry(model), dir = cache_directory()] {
      return build_skin_lod_cached(skin, kFineSkinLodErrorM, dir);
    });
}

void Renderer::finish_levels_of_detail() {
  if (leg_lod_.valid()) leg_lod_.wait();
  if (client_lod_.valid()) client_lod_.wait();
  if (skin_lod_.valid()) skin_lod_.wait();
  if (skin_groups_job_.valid()) skin_groups_job_.wait();
  poll_levels_of_detail();
}

void Renderer::poll_levels_of_detail() {
  auto ready = [](const auto& f) {
    return f.valid() && f.wait_for(std::chrono::seconds(0)) != std::future_status::timeout;  // or deferred
  };
  if (ready(leg_lod_)) {
    const std::vector<CoarseMesh> coarse = leg_lod_.get();
    for (std::size_t i = 0; i < coarse.size() && i < meshes_.size(); ++i) meshes_[i].set_coarse(coarse[i]);
  }
  if (ready(client_lod_)) {
    client_->set_coarse(client_lod_.get());
    ++client_levels_;  // the client's parts now draw other triangles: nothing kept fits
  }
  if (ready(skin_groups_job_)) {
    skin_groups_ = skin_groups_job_.get();
    if (grouped_mesh_ < meshes_.size()) meshes_[grouped_mesh_].set_grouped(skin_groups_.indices);
    else skin_groups_.groups.clear();
    skin_groups_.indices = {};
    skin_groups_.indices.shrink_to_fit();
  }
  if (ready(skin_lod_)) {
    const CoarseMesh coarse = skin_lod_.get();
    for (GpuMesh& m : meshes_)
      if (m.layer() == anatomy::Layer::skin) {
        m.set_coarse(coarse);
        break;
      }
  }
}

void Renderer::draw_background() {
  glDisable(GL_DEPTH_TEST);
  glDisable(GL_BLEND);
  glDepthMask(GL_FALSE);
  background_.use();
  draw_fullscreen(empty_vao_);
}

void Renderer::draw_layer(anatomy::Layer layer, const FrameView& view, float opacity, bool faded) {
  const LayerLook look = look_for(layer);
  const bool plain = layer == anatomy::Layer::skin && !std::any_of(meshes_.begin(), meshes_.end(), [&](const GpuMesh& m) {
    return m.layer() == layer && tissue_reaches(reach_, m.centre(), m.radius());
  });
  const ShaderProgram& material = materials_[plain ? kPlainSkin : static_cast<std::size_t>(look.shading)];
  material.use();
  material.set("uBaseColour", look.colour);
  material.set("uOpacity", opacity);
  const std::vector<float>& atlas = view.structure_opacity;
  for (std::size_t i = 0; i < meshes_.size(); ++i) {
    if (meshes_[i].layer() != layer) continue;
    // The skin's own visibility is already in layers.skin and skin_opacity (FrameView).
    const float own = i < atlas.size() && layer != anatomy::Layer::skin ? atlas[i] : 1.0f;
    if (own <= 0.0f || (own < 0.999f) != faded) continue;
    if (faded) material.set("uOpacity", opacity * own);
    const bool selected = static_cast<int>(i) == view.selected_structure;
    // Opaque only: blended, the bands' order would change which skin lies over which.
    if (layer == anatomy::Layer::skin && skin_level_ == SkinLevel::full && i == grouped_mesh_ &&
        !skin_groups_.groups.empty() && !faded && opacity >= 0.999f) {
      draw_skin_groups(look.colour, opacity, selected);  // its own programs and uniforms
      material.use();
      continue;
    }
    if (selected) material.set("uSelected", 1.0f);
    if (layer != anatomy::Layer::skin) meshes_[i].draw(leg_eye_, px_per_m_at_1m_);
    else if (skin_level_ == SkinLevel::coarse) meshes_[i].draw_coarse();  // at rest, in the page
    else if (skin_level_ == SkinLevel::coarse_if_fine) meshes_[i].draw(leg_eye_, px_per_m_at_1m_);  // see-through, at rest
    else meshes_[i].draw();  // every vertex, for the dents
    if (selected) material.set("uSelected", 0.0f);
  }
}

void Renderer::draw_skin_groups(const glm::vec3& colour, float opacity, bool selected) {
  const GpuMesh& mesh = meshes_[grouped_mesh_];
  const std::vector<SkinGroup>& groups = skin_groups_.groups;
  for (std::size_t g = 0; g < groups.size();) {
    // A run of bands that all need the tissue's lines, or all do not: one draw.
    std::size_t end = g + 1;
    while (end < groups.size() && group_reached_[end] == group_reached_[g]) ++end;
    const ShaderProgram& material = materials_[group_reached_[g] ? 0 : kPlainSkin];
    material.use();
    material.set("uBaseColour", colour);
    material.set("uOpacity", opacity);
    if (selected) material.set("uSelected", 1.0f);
    mesh.draw_grouped(groups[g].first, groups[end - 1].first + groups[end - 1].count - groups[g].first);
    if (selected) material.set("uSelected", 0.0f);
    g = end;
  }
}

void Renderer::draw_faded(const FrameView& view, std::initializer_list<anatomy::Layer> layers) {
  const std::vector<float>& atlas = view.structure_opacity;
  std::vector<FadedCandidate> candidates(meshes_.size());
  for (std::size_t i = 0; i < meshes_.size() && i < atlas.size(); ++i) {
    const anatomy::Layer layer = meshes_[i].layer();
    candidates[i] = {meshes_[i].centre(), atlas[i],
                     std::find(layers.begin(), layers.end(), layer) != layers.end() && visible(layer, view.layers)};
  }
  for (std::size_t i : faded_back_to_front(candidates, leg_eye_)) {
    const LayerLook look = look_for(meshes_[i].layer());
    const ShaderProgram& material = materials_[static_cast<std::size_t>(look.shading)];
    material.use();
    material.set("uBaseColour", look.colour);
    material.set("uOpacity", atlas[i]);
    const bool selected = static_cast<int>(i) == view.selected_structure;
    if (selected) material.set("uSelected", 1.0f);
    meshes_[i].draw(leg_eye_, px_per_m_at_1m_);
    if (selected) material.set("uSelected", 0.0f);
  }
}

void Renderer::set_clip(const FrameView& view, bool on, bool caps) {
  const bool cut = on && view.clip.has_value();
  if (!cut && !clip_set_) return;  // nothing to undo: the usual frame pays nothing
  clip_set_ = cut;
#ifndef __EMSCRIPTEN__  // WebGL 2 has no clip distances: its fragment shaders cut (shader_program.cpp)
  if (cut) glEnable(GL_CLIP_DISTANCE0);
  else glDisable(GL_CLIP_DISTANCE0);
#endif
  // Cut bodies are open: their inner (back) faces show through the cut as the solid section.
  if (cut && caps) glDisable(GL_CULL_FACE);
  else glEnable(GL_CULL_FACE);
  for (const ShaderProgram& material : materials_) {
    material.use();
    material.set("uClip", cut ? *view.clip : glm::vec4(0.0f, 0.0f, 0.0f, 1.0f));
    material.set("uCaps", cut && caps ? 1.0f : 0.0f);
  }
}

void Renderer::set_still_room(bool on) {
  still_room_on_ = on;
  if (!on) still_room_.forget();
}

RoomKey Renderer::room_key(const RenderTarget& target, const FrameView& view, bool drapes, float drape_opacity) const {
  RoomKey key;
  key.framebuffer = target.framebuffer();
  key.size = target.size();
  glGetIntegerv(GL_SAMPLES, &key.samples);  // of the bound target
  key.view = view.view;
  key.projection = view.projection;
  key.eye = view.eye;
  key.client = view.client;
  key.drape_opacity = drapes ? drape_opacity : 0.0f;
  key.parts = client_->still_parts(view, drapes);
  key.levels = client_levels_;
  if (client_->has_areas()) key.highlight = view.highlight;
  return key;
}

void Renderer::draw(RenderTarget& target, const FrameView& view) {
  target.bind();
#ifndef __EMSCRIPTEN__  // WebGL multisamples whenever the target has samples; no switch
  glEnable(GL_MULTISAMPLE);
#endif

  leg_eye_ = glm::vec3(glm::inverse(view.leg_to_room) * glm::vec4(view.eye, 1.0f));
  px_per_m_at_1m_ = 0.5f * static_cast<float>(target.size().y) * view.projection[1][1];
  client_->set_detail(px_per_m_at_1m_);
  skin_level_ = skin_level(skin_at_rest(view), view.skin_opacity < 0.999f, skin_lod_wanted());
  const Lights lights = camera_lights(view.view);
  std::array<glm::vec4, 2 * kOccludersPerHand> occluders{};
  for (std::size_t h = 0; h < 2; ++h)
    if (view.hands[h].visible) {
      const HandOccluders o = hand_occluders(view.hands[h].shape, view.hands[h].forearm);
      std::copy(o.begin(), o.end(), occluders.begin() + static_cast<std::ptrdiff_t>(h * o.size()));
    }
  // The skin's shadow loop stops after the last sphere with a radius (shaders/model.vert).
  GLint occluders_used = 0;
  for (std::size_t i = 0; i < occluders.size(); ++i)
    if (occluders[i].w > 0.0f) occluders_used = static_cast<GLint>(i + 1);
  reach_ = tissue_reach(view.tissue, occluders);
  client_->set_tissue_reach(reach_);
  groups_reached(skin_groups_, view.tissue, occluders, view.ankle_deg, group_reached_);
  const glm::vec4 shadow_reach = reach_.shadow;  // occluder_reach(): past it the loop is skipped
  const bool xray = view.skin_opacity < 0.999f;
  // The client and the table (each part sets its own frame): before the leg when the leg's
  // skin will be blended over what lies behind it; otherwise after the leg, nearest parts
  // first, so the software rasteriser's depth test skips the table under the body and the
  // body under the drapes (the client drawn first doubled the frame's cost on llvmpipe).
  // (Cut by the atlas, the drapes are see-through as in the X-ray view: the client first too.)
  const bool client_first = xray || !view.layers.skin || view.clip.has_value();
  // The still room (render/still_room.hpp): the drapes are kept only where they are opaque.
  // A window's own framebuffer (0) is never kept: its formats are the platform's. Nor in the
  // web page: WebGL 2 cannot blit into a multisampled target.
  RoomUse room = RoomUse::draw;
  RoomKey key;
#ifndef __EMSCRIPTEN__
  if (still_room_on_ && view.client && target.framebuffer() != 0) {
    key = room_key(target, view, !client_first, view.skin_opacity);
    room = still_room_.plan(key);
  }
#endif
  if (room == RoomUse::reuse) {
    still_room_.restore(key);
  } else {
    glClearColor(0.0f, 0.0f, 0.0f, 1.0f);
    glDepthMask(GL_TRUE);
    glClear(GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT);
    draw_background();
  }
  // Parts drawn after the kept ones: every part when nothing is kept.
  const ClientParts rest = room == RoomUse::draw ? ClientParts::all : ClientParts::live;
  for (const ShaderProgram& material : materials_) {
    material.use();
    material.set("uKeyDir", lights.key);
    material.set("uFillDir", lights.fill);
    material.set("uRimDir", lights.rim);
    glUniform4fv(glGetUniformLocation(material.id(), "uOccluders"), static_cast<GLsizei>(occluders.size()),
                 &occluders[0].x);
    glUniform1i(glGetUniformLocation(material.id(), "uOccluderCount"), occluders_used);
    glUniform4fv(glGetUniformLocation(material.id(), "uOccluderReach"), 1, &shadow_reach.x);
    material.set("uViewProj", view.projection * view.view);
    material.set("uEye", view.eye);
    material.set_floats("uHighlight", view.highlight.data(), static_cast<int>(view.highlight.size()));
    set_tissue_uniforms(material.id(), view.tissue);
    material.set("uAnkleDeg", view.ankle_deg);
    material.set("uAnkleCentre", frame::kAnkleCentre);
    material.set("uKnee", glm::vec4(frame::kKneeCentre, view.client ? view.client->knee_flexion_deg : 0.0f));
    material.set("uHip", glm::vec4(frame::kHipCentre, view.client ? view.client->hip_flexion_deg : 0.0f));
  }
  glEnable(GL_DEPTH_TEST);
  glDepthFunc(GL_LEQUAL);
  glDepthMask(GL_TRUE);
  glEnable(GL_CULL_FACE);
  glCullFace(GL_BACK);
  glDisable(GL_BLEND);
  if (room == RoomUse::keep) {
    // The kept parts first, in the order they are drawn without the room (drapes, then the
    // body and table); what is drawn over them afterwards differs only where depths tie.
    if (!client_first) client_->draw_drapes(materials_, view, view.skin_opacity, ClientParts::still);
    client_->draw_solid(materials_, view, ClientParts::still);
    still_room_.keep(key);
  }
  if (client_first) client_->draw_solid(materials_, view, rest);
  for (const ShaderProgram& material : materials_) {
    material.use();
    material.set("uModel", view.leg_to_room);
    material.set("uAnkleDeg", view.ankle_deg);  // the client's other foot set its own
    material.set("uAnkleCentre", frame::kAnkleCentre);
    material.set("uKnee", glm::vec4(frame::kKneeCentre, view.client ? view.client->knee_flexion_deg : 0.0f));
    material.set("uHip", glm::vec4(frame::kHipCentre, view.client ? view.client->hip_flexion_deg : 0.0f));
  }
  const glm::mat4 leg_view_proj = view.projection * view.view * view.leg_to_room;

  // Inner layers are drawn only when the skin lets them be seen (or the atlas cuts it open).
  const auto inner = {anatomy::Layer::bone, anatomy::Layer::muscle, anatomy::Layer::artery, anatomy::Layer::nerve};
  if (xray || !view.layers.skin || view.clip) {
    set_clip(view, true);
    for (auto layer : inner)
      if (visible(layer, view.layers)) draw_layer(layer, view, 1.0f);
    set_clip(view, false);
    if (view.layers.veins) {
      // Particles first, then the vein walls as a tinted glass over them, so the blood is
      // seen inside its vessels.
      particles_->set_tissue(view.tissue);
      particles_->set_knee(glm::vec4(frame::kKneeCentre, view.client ? view.client->knee_flexion_deg : 0.0f));
      particles_->set_hip(glm::vec4(frame::kHipCentre, view.client ? view.client->hip_flexion_deg : 0.0f));
      particles_->draw(view.particles, leg_view_proj, view.particle_px, target.size());
      glEnable(GL_BLEND);
      glBlendFunc(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA);
      glDepthMask(GL_FALSE);
      set_clip(view, true);
      draw_layer(anatomy::Layer::vein, view, 0.35f);
      draw_layer(anatomy::Layer::vein, view, 0.35f, true);
      set_clip(view, false);
      glDepthMask(GL_TRUE);
      glDisable(GL_BLEND);
    }
    if (!view.structure_opacity.empty()) {
      // Structures the atlas fades: glass over what they cover, after everything opaque.
      glEnable(GL_BLEND);
      glBlendFunc(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA);
      glDepthMask(GL_FALSE);
      set_clip(view, true);
      draw_faded(view, inner);
      set_clip(view, false);
      glDepthMask(GL_TRUE);
      glDisable(GL_BLEND);
    }
  }
  draw_layer(anatomy::Layer::other, view, 1.0f);
  draw_layer(anatomy::Layer::hand, view, 1.0f);
  hands_->draw(view);
  if (view.layers.skin) {
    if (xray) {
      // The skin is one closed surface: its front faces, blended over what is inside, without
      // writing depth, keep the inner layers correctly ordered behind it.
      glEnable(GL_BLEND);
      glBlendFunc(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA);
      glDepthMask(GL_FALSE);
    }
    // Solid skin is cut with its section; see-through skin has none (its back faces, blended
    // without depth, would cover its front).
    set_clip(view, true, !xray);
    draw_layer(anatomy::Layer::skin, view, view.skin_opacity);
    set_clip(view, false);
    // The drapes lie over the top of the leg: see-through with it in the X-ray view, so the
    // groin's veins and the hip's muscles stay visible, and when the atlas cuts the leg. But a
    // client on a table is draped in every view: faded only to kXrayDrapeOpacity, never to the
    // leg's skin (0.2), over which the opaque torso and other leg read as bare (session 22).
    float drapes = xray ? std::max(view.skin_opacity, kXrayDrapeOpacity) : view.skin_opacity;
    if (view.clip && !xray) {
      glEnable(GL_BLEND);
      glBlendFunc(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA);
      glDepthMask(GL_FALSE);
      drapes = 0.35f;
    }
    client_->draw_drapes(materials_, view, drapes, client_first ? ClientParts::all : rest);
    if (!client_first) client_->draw_solid(materials_, view, rest);
  }
  glDepthMask(GL_TRUE);
  glDisable(GL_BLEND);
  coloured_->set_knee(glm::vec4(frame::kKneeCentre, view.client ? view.client->knee_flexion_deg : 0.0f));
  coloured_->set_hip(glm::vec4(frame::kHipCentre, view.client ? view.client->hip_flexion_deg : 0.0f));
  coloured_->draw(view.coloured, leg_view_proj);
  glDisable(GL_CULL_FACE);
  glBindVertexArray(0);
}

}  // namespace effleura::render
