#pragma once
// The client around the massaged leg, as signed-distance shapes: the body (pelvis, trunk,
// shoulders, head), the arms in two positions, the other (right) leg (up the thigh the massaged
// leg's skin, mirrored: forge/client_other_leg.hpp), the drapes, and the
// massage table with its face hole, bolsters and leg wedge. Smooth, simple forms: enough to
// read as a person lying on a table around the detailed left leg, not an anatomy of their own.
//
// Frames (anatomy/client_pose.hpp): body parts, the arms and the body drape in the body
// frame (the leg frame of the standing client); the right leg and its drape in the same frame,
// turned about the right hip when drawn; the table and its supports in the room frame.
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "forge/client_other_leg.hpp"
#include "forge/shape.hpp"
#include "forge/tri_mesh.hpp"

namespace effleura::forge {

struct ClientPart {
  std::string name;      // mesh name in assets/client.glb, e.g. "client.body"
  Field field;           // signed distance, negative inside
  Box box;               // where the surface lies (the mesher's domain)
  float voxel = 0.006f;  // metres
  std::size_t triangles = 4000;
  glm::vec3 colour{0.8f};
};

// How much each vertex of a part turns with the foot about its ankle (0..1, as the leg's
// ankle_blend); empty for parts without a foot. Only the other leg ("client.leg-right") has one.
[[nodiscard]] Field client_part_ankle(std::string_view name);

// A part's drawn normal at each of its vertices, where it is not its own field's gradient (taken
// over `step`); empty for most parts. The trunk ("client.body") and the head ("client.head")
// lean theirs toward each other's near the neck, where their surfaces cut each other in sight:
// with each its own normals the light stepped along that seam. The sheet over the other leg
// ("drape.leg-right", over `leg`) is lit smoother than its surface along the leg. The hip drape
// ("drape.hips") is lit as its side on the cut at its hem, which faces down.
using NormalField = std::function<glm::vec3(const glm::vec3&)>;
[[nodiscard]] NormalField client_part_normals(std::string_view name, Field own, float step, const OtherLeg& leg);

// Where a part's triangles must be finer than the simplifier leaves them, and how fine: the
// longest edge there (forge/mesh_tools.hpp split_long_edges). Walking, the body, the other leg
// and the hip drape fold with each hip (anatomy/client_pose_bends.hpp fold_hips): a body vertex
// a millimetre inside a thigh or the sheet standing stays inside only if that surface's
// triangles are short enough to follow the fold. The body's round the neck's root, where the
// head's neck leaves it within 2 mm; the sheets' hems. No zone (empty) for every other part.
// Defined in client_seams.cpp.
struct Seam {
  std::function<bool(const glm::vec3&)> zone;
  float edge = 0.0f;  // metres
};
[[nodiscard]] Seam client_part_seam(std::string_view name);

// Every part, in the order they are written; the other leg up the thigh is `leg`.
std::vector<ClientPart> client_parts(const OtherLeg& leg);

// The drape over the hips: negative inside. Exposed so a test can check that it hides the
// leg's flat cuts at the top of the thigh and at the midline.
float hip_drape_distance(const glm::vec3& body_point);

}  // namespace effleura::forge
