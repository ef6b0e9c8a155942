#include "render/client_pass.hpp"

#include <string_view>

#include <glm/matrix.hpp>

#include "anatomy/client_pose_bends.hpp"
#include "render/gl.hpp"

namespace effleura::render {
namespace {

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

// Colours and SHADING (shaders/model.frag): the body's skin exactly as the leg's skin layer
// (renderer.cpp), so the two read as one person; cotton, upholstery and wood matte.
struct Look {
  glm::vec3 colour;
  int shading;
};

Look look_of(const std::string& name) {
  if (starts_with(name, "client.")) return {{0.86f, 0.66f, 0.55f}, 0};
  if (starts_with(name, "drape.")) return {{0.90f, 0.89f, 0.85f}, 2};
  if (name == "table.frame") return {{0.62f, 0.47f, 0.33f}, 2};
  if (name == "table.top") return {{0.40f, 0.24f, 0.27f}, 2};
  return {{0.46f, 0.28f, 0.31f}, 2};  // bolsters and the wedge: the same upholstery, a shade lighter
}

}  // namespace

bool other_leg_part(std::string_view mesh_name) { return mesh_name == "client.leg-right" || mesh_name == "drape.leg-right"; }

void ClientPass::upload(const anatomy::Model& client) {
  parts_.clear();
  parts_.reserve(client.meshes.size());
  has_areas_ = false;
  for (const auto& m : client.meshes) {
    has_areas_ = has_areas_ || !m.area_weights.empty();
    const Kind kind = starts_with(m.name, "drape.") ? Kind::drape : starts_with(m.name, "table.") ? Kind::table : Kind::body;
    parts_.push_back({GpuMesh(m), kind});
  }
}

void ClientPass::set_coarse(const std::vector<CoarseMesh>& coarse) {
  for (std::size_t i = 0; i < coarse.size() && i < parts_.size(); ++i) parts_[i].mesh.set_coarse(coarse[i]);
}

bool ClientPass::drawn(const Part& part, const FrameView& view) const {
  return view.client && anatomy::client_part_shown(part.mesh.name(), *view.client) && client_part_drawn(part.mesh.name(), view);
}

bool ClientPass::live(const Part& part) const {
  // The tissue's uniforms are in the leg's frame, which is the body's when lying: a hand
  // beside the other leg shades it. Parts out of every hand's reach skip those lines. (The
  // margin: the other foot turns at its ankle after its sphere was taken.) Only the skin's
  // program (SHADING 0) has them: the drapes, table and bolsters never change with the hands.
  constexpr float kTurnMarginM = 0.1f;
  return look_of(part.mesh.name()).shading == 0 &&
         tissue_reaches(reach_, part.mesh.centre(), part.mesh.radius() + kTurnMarginM);
}

std::uint64_t ClientPass::still_parts(const FrameView& view, bool drapes) const {
  std::uint64_t bits = 0;
  for (std::size_t i = 0; i < parts_.size() && i < 64; ++i) {
    const Part& part = parts_[i];
    const bool solid = (part.kind == Kind::body && view.layers.skin) || part.kind == Kind::table;
    const bool drape = part.kind == Kind::drape && drapes && view.layers.skin;
    if ((solid || drape) && drawn(part, view) && !live(part)) bits |= std::uint64_t{1} << i;
  }
  return bits;
}

void ClientPass::draw(const Materials& materials, const FrameView& view, Kind kind, float opacity, ClientParts which) const {
  if (!view.client) return;
  const anatomy::ClientPose& pose = *view.client;
  for (std::size_t i = 0; i < parts_.size(); ++i) {
    const Part& part = parts_[i];
    if (part.kind != kind || !drawn(part, view)) continue;
    const bool is_live = live(part) || i >= 64;  // still_parts has a bit for the first 64 only
    if ((which == ClientParts::still && is_live) || (which == ClientParts::live && !is_live)) continue;
    const Look look = look_of(part.mesh.name());
    const bool plain = look.shading == 0 && !is_live;
    const ShaderProgram& m = materials[plain ? kPlainSkin : static_cast<std::size_t>(look.shading)];
    const glm::mat4 frame = anatomy::client_part_frame(part.mesh.name(), pose);
    m.use();
    m.set("uModel", frame);
    // The other leg and its drape bend at their own knee; nothing else of the client bends.
    const bool bends = anatomy::client_part_bends(part.mesh.name());
    m.set("uKnee", glm::vec4(anatomy::kRightKneeCentre, bends ? pose.right_knee_flexion_deg : 0.0f));
    // ... and their tops stay with the pelvis (the hip blend, anatomy::blend_hip), which folds
    // with the hips when both flex alike (anatomy::client_part_hip_deg).
    m.set("uHip", glm::vec4(anatomy::kRightHipCentre, anatomy::client_part_hip_deg(part.mesh.name(), pose)));
    // Walking, the body and the hip drape fold with each hip on its side (anatomy::fold_hips).
    const auto sides = anatomy::client_part_hip_sides(part.mesh.name(), pose);
    m.set("uHipSides", sides ? glm::vec4(sides->left_deg, sides->right_deg, anatomy::kMidlineX, 1.0f) : glm::vec4(0.0f));
    // The other foot turns at its own ankle (only that leg's mesh has ankle weights).
    m.set("uAnkleDeg", bends ? pose.right_ankle_deg : 0.0f);
    m.set("uAnkleCentre", anatomy::kRightAnkleCentre);
    m.set("uBaseColour", look.colour);
    m.set("uOpacity", opacity);
    part.mesh.draw(glm::vec3(glm::inverse(frame) * glm::vec4(view.eye, 1.0f)), px_per_m_at_1m_);
  }
  // The leg is drawn with the same programs: it folds at its own hip alone.
  for (const ShaderProgram& m : materials) {
    m.use();
    m.set("uHipSides", glm::vec4(0.0f));
  }
}

void ClientPass::draw_solid(const Materials& materials, const FrameView& view, ClientParts which) const {
  if (view.layers.skin) draw(materials, view, Kind::body, 1.0f, which);
  draw(materials, view, Kind::table, 1.0f, which);
}

void ClientPass::draw_drapes(const Materials& materials, const FrameView& view, float opacity, ClientParts which) const {
  if (!view.layers.skin) return;
  draw(materials, view, Kind::drape, opacity, which);
}

}  // namespace effleura::render
