#pragma once
// The leg's skin cut into bands along the leg, so that only the bands a hand, dent or hand
// shadow reaches in a frame run the skin's tissue lines (shaders/model.vert), and the others the
// plain skin program (render/materials.hpp kPlainSkin). On llvmpipe the vertex shader runs on
// the main thread and runs every line for every vertex, branches or not: the full skin's vertex
// shading cost ~9.6 ms of a frame's main thread with hands on the leg, ~5 ms of it the tissue's
// lines (README "Where the default view's frame goes", session 23), though a hand reaches only a
// third of the leg. The bands are a reordering of the skin's own triangles: nothing is added or
// left out. Plain maths, no GL.
#include <cstdint>
#include <span>
#include <vector>

#include <glm/vec3.hpp>
#include <glm/vec4.hpp>

#include "technique/tissue.hpp"

namespace effleura::render {

// About 2,000 triangles a band on the shipped skin (47,996 triangles): 4 cm of leg, small beside
// a hand's reach (a hand and HAND_FAR each side, ~30-45 cm), and few enough that deciding costs
// nothing and a frame draws a handful of runs.
inline constexpr std::size_t kSkinGroups = 24;

struct SkinGroup {
  std::uint32_t first = 0;  // its first index in SkinGroups::indices
  std::uint32_t count = 0;  // indices (three a triangle)
  glm::vec3 centre{0.0f};   // a sphere holding its vertices as the mesh has them
  float radius = 0.0f;
  // The most a vertex of it moves when the foot turns by one radian about the ankle
  // (|p - ankle| times its ankle blend): the sphere grows by this times the angle.
  float ankle_arm = 0.0f;
};

struct SkinGroups {
  std::vector<std::uint32_t> indices;  // every triangle of the skin once, band after band
  std::vector<SkinGroup> groups;       // in order up the leg (low y first)
};

// Sorts the triangles by their centres' height (y, along the leg: core/frame.hpp) into
// `group_count` bands of equal triangle counts, keeping the mesh's own order inside a band.
// `ankle_blend` (one per position, may be empty) and `ankle_centre` as shaders/model.vert turns
// the foot. Empty when there are fewer triangles than groups.
SkinGroups build_skin_groups(std::span<const glm::vec3> positions, std::span<const std::uint32_t> indices,
                             std::span<const float> ankle_blend, const glm::vec3& ankle_centre,
                             std::size_t group_count = kSkinGroups);

// A group's sphere with the foot turned by `ankle_deg` (xyz centre, w radius): every vertex of
// the group lies inside it where the vertex shader computes the tissue (before the knee and hip).
glm::vec4 group_sphere(const SkinGroup& group, float ankle_deg);

// Whether anything of the tissue reaches a vertex within `radius` of `centre`, looked at finer
// than render/vertex_reach.hpp's tissue_reaches (a sphere per hand): each capsule on its own
// (HAND_FAR from its surface), each shadow sphere on its own (its fade's end) and each dent
// (kDentReachRadii). Where it says no, the skin's tissue lines leave the vertex where it was:
// beyond HAND_FAR of every capsule a hand's push, sag and rim are under 1e-17 m.
bool tissue_reaches_finely(const technique::TissueShape& tissue, std::span<const glm::vec4> occluders,
                           const glm::vec3& centre, float radius);

// For each group, whether it needs the tissue's lines this frame (tissue_reaches_finely).
void groups_reached(const SkinGroups& groups, const technique::TissueShape& tissue,
                    std::span<const glm::vec4> occluders, float ankle_deg, std::vector<char>& reached);

}  // namespace effleura::render
