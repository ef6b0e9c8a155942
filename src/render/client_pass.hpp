#pragma once
// Draws the rest of the client and the table (assets/client.glb) around the leg, each part in
// its own frame of anatomy::ClientPose: the body and its drape with the body, the other leg
// and its drape about their hip, the table and its supports in the room. Parts that belong to
// one posture (arms up or folded, bolsters, the wedge) show only in it.
#include <array>
#include <cstdint>
#include <string_view>
#include <vector>

#include "anatomy/model.hpp"
#include "render/frame_view.hpp"
#include "render/gpu_mesh.hpp"
#include "render/materials.hpp"
#include "render/shader_program.hpp"
#include "render/vertex_reach.hpp"

namespace effleura::render {

// The other leg's parts (its skin and its drape), left out when `FrameView::other_leg` is off.
[[nodiscard]] bool other_leg_part(std::string_view mesh_name);
// Whether the client pass draws this part of client.glb in `view` (its posture's parts aside).
[[nodiscard]] inline bool client_part_drawn(std::string_view mesh_name, const FrameView& view) {
  return view.other_leg || !other_leg_part(mesh_name);
}

// Which of the client's parts a call draws: all of them, those the still room (render/still_room.hpp)
// may keep from frame to frame (nothing of this frame's hands shades or moves them), or the rest.
enum class ClientParts { all, still, live };

class ClientPass {
 public:
  void upload(const anatomy::Model& client);
  // Levels of detail (render/mesh_lod.hpp), one per mesh of the uploaded model, and this
  // frame's pixels to a metre at one metre, which picks them.
  void set_coarse(const std::vector<CoarseMesh>& coarse);
  void set_detail(float px_per_m_at_1m) { px_per_m_at_1m_ = px_per_m_at_1m; }
  // What moves or shades the skin this frame: the skin-coloured parts it cannot reach are drawn
  // without the tissue's lines (render/materials.hpp).
  void set_tissue_reach(const TissueReach& reach) { reach_ = reach; }
  // The skin-coloured body and the table, opaque. `materials` are the renderer's model
  // programs (shaders/model.*), their view uniforms already set.
  void draw_solid(const Materials& materials, const FrameView& view, ClientParts which = ClientParts::all) const;
  // The drapes: opaque, or at `opacity` (blended, no depth written) over the X-ray leg.
  void draw_drapes(const Materials& materials, const FrameView& view, float opacity,
                   ClientParts which = ClientParts::all) const;
  // One bit per part (client.glb's order) that draw_solid (and draw_drapes when `drapes`) draws
  // in `view` among the still parts: what a kept picture of them depends on besides the view.
  [[nodiscard]] std::uint64_t still_parts(const FrameView& view, bool drapes) const;
  // Whether any part carries area weights: then the areas' glow (FrameView::highlight) lights it.
  [[nodiscard]] bool has_areas() const { return has_areas_; }

 private:
  float px_per_m_at_1m_ = 0.0f;
  TissueReach reach_;
  enum class Kind { body, drape, table };
  struct Part {
    GpuMesh mesh;
    Kind kind;
  };
  void draw(const Materials& materials, const FrameView& view, Kind kind, float opacity, ClientParts which) const;
  // Whether `part` is drawn in `view` (its kind aside), and whether this frame's tissue reaches it.
  [[nodiscard]] bool drawn(const Part& part, const FrameView& view) const;
  [[nodiscard]] bool live(const Part& part) const;
  std::vector<Part> parts_;
  bool has_areas_ = false;
};

}  // namespace effleura::render
