#pragma once
// Draws a frame: background, then the model's layers (opaque inner layers first, then the
// skin, blended when the X-ray view is on), each pass setting the GL state it needs.
#include <array>
#include <initializer_list>
#include <future>
#include <memory>
#include <vector>

#include "anatomy/model.hpp"
#include "core/error.hpp"
#include "render/frame_view.hpp"
#include "render/client_pass.hpp"
#include "render/coloured_pass.hpp"
#include "render/gpu_mesh.hpp"
#include "render/hand_pass.hpp"
#include "render/materials.hpp"
#include "render/particle_pass.hpp"
#include "render/render_target.hpp"
#include "render/shader_program.hpp"
#include "render/skin_groups.hpp"
#include "render/skin_lod.hpp"
#include "render/still_room.hpp"
#include "render/vertex_reach.hpp"
#include "technique/hand_model.hpp"

namespace effleura::render {

class Renderer {
 public:
  // Needs a current GL context; fails with the shader's file, line and log if one breaks.
  static Expected<std::unique_ptr<Renderer>> create();
  ~Renderer();
  Renderer(const Renderer&) = delete;
  Renderer& operator=(const Renderer&) = delete;

  void set_model(const anatomy::Model& model);
  // The therapist's hands (assets/hands.glb), drawn where FrameView::hands says.
  void set_hands(const technique::HandModel& hands);
  // The rest of the client and the table (assets/client.glb), drawn where FrameView::client says.
  void set_client(const anatomy::Model& client);
  void draw(RenderTarget& target, const FrameView& view);
  // Levels of detail (render/mesh_lod.hpp) are simplified on another thread once set_model and
  // set_client have the meshes, so start-up does not wait for them; until they are taken in,
  // the full meshes are drawn. finish_ waits and takes them in (headless runs: every frame they
  // draw is then the same whatever the timing); poll_ takes them in if ready (the window).
  void finish_levels_of_detail();
  void poll_levels_of_detail();

  // Cross-fades: keep a copy of what the target shows now, and later lay it over a new frame
  // with the given opacity (1 shows only the copy).
  void snapshot(RenderTarget& target);
  void draw_snapshot(RenderTarget& target, float alpha);

  // The still room (render/still_room.hpp): on by default; off draws every part every frame
  // (the tests' reference, and the benchmark's other half).
  void set_still_room(bool on);


 private:
  Renderer() = default;
  void draw_background();
  // Draws the layer's meshes the atlas shows fully (`faded` false) or its see-through ones
  // (`faded` true, blended at their own opacity times `opacity`).
  void draw_layer(anatomy::Layer layer, const FrameView& view, float opacity, bool faded = false);
  // The see-through structures of the given layers, farthest first (render/faded_order.hpp).
  void draw_faded(const FrameView& view, std::initializer_list<anatomy::Layer> layers);
  // The opaque full skin band by band (render/skin_groups.hpp): runs of bands the tissue reaches
  // with the skin's program, the rest with the plain one.
  void draw_skin_groups(const glm::vec3& colour, float opacity, bool selected);
  // The clipping plane on (the leg's layers) or off (the client, the hands, the drapes).
  // `caps`: cut bodies drawn with their section (back faces flat, no culling).
  void set_clip(const FrameView& view, bool on, bool caps = true);
  bool clip_set_ = true;  // the clip state the programs hold (true at first: set once)

  ShaderProgram background_;
  // shaders/model.* built once per material (SHADING 0 skin, 1 muscle, 2 bone, 3 vein) and the
  // skin once more without the hands' tissue (kPlainSkin, render/materials.hpp).
  Materials materials_;
  ShaderProgram snapshot_program_;
  unsigned snapshot_fbo_ = 0, snapshot_texture_ = 0;
  glm::ivec2 snapshot_size_{0};
  unsigned empty_vao_ = 0;
  std::vector<GpuMesh> meshes_;
  std::future<std::vector<CoarseMesh>> leg_lod_, client_lod_;
  // The skin's coarse level (render/skin_lod.hpp), drawn in frames where nothing presses it.
  std::future<CoarseMesh> skin_lod_;
  SkinLevel skin_level_ = SkinLevel::full;  // this frame's (skin_level())
  glm::vec3 leg_eye_{0.0f};      // this frame's eye in the leg's frame, for its levels of detail
  TissueReach reach_;  // what moves or shades the skin this frame (render/vertex_reach.hpp)
  // The leg's skin in bands (render/skin_groups.hpp; indices uploaded to its GpuMesh, kept
  // empty here) and which of them the tissue reaches this frame.
  SkinGroups skin_groups_;
  std::future<SkinGroups> skin_groups_job_;
  std::size_t grouped_mesh_ = 0;  // meshes_ index of the banded skin (meaningful when bands exist)
  std::vector<char> group_reached_;
  float px_per_m_at_1m_ = 0.0f;  // this frame's pixels to a metre at one metre
  std::unique_ptr<HandPass> hands_;
  std::unique_ptr<ClientPass> client_ = std::make_unique<ClientPass>();
  std::unique_ptr<ColouredPass> coloured_;
  std::unique_ptr<ParticlePass> particles_;
  StillRoom still_room_;
  bool still_room_on_ = true;
  unsigned client_levels_ = 0;  // counts the client's levels of detail taken in (RoomKey::levels)
  // This frame's key for the still room (render/still_room.hpp), and what it does with it.
  RoomKey room_key(const RenderTarget& target, const FrameView& view, bool drapes, float drape_opacity) const;
};

}  // namespace effleura::render
