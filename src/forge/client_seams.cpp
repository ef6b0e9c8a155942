// Where the client's parts are split finer than the simplifier leaves them (client_shapes.hpp
// Seam): the folds at the hips, the neck's seam, and the hems of the two sheets. Kept apart from
// client_shapes.cpp, which holds the shapes themselves.
#include <glm/geometric.hpp>
#include <glm/vec2.hpp>
#include <glm/vec3.hpp>

#include "anatomy/client_pose.hpp"
#include "forge/client_shapes.hpp"

namespace effleura::forge {
namespace {

using anatomy::kMidlineX;

constexpr float kSeamEdge = 0.025f;  // m: client_part_seam

}  // namespace

Seam client_part_seam(std::string_view name) {
  // Walking, session 12 found body vertices 0.2-1.5 mm inside the right thigh at the bottom of
  // the right buttock (-0.128, 0.816, -0.086) and inside the sheet behind the crotch (-0.081,
  // 0.841, -0.069) that the fold brought 1.7-3.1 mm out: the thigh's and sheet's 2-5 cm
  // triangles cut the chord across the fold's curve there (app_walking_drape_test); with the
  // tapered hem a third, inside the sheet at the right hip's outer side (-0.250, 0.841, -0.064).
  // Edges of at most kSeamEdge in these zones (the back of the right thigh's top, the back of the
  // sheet from the crotch rightward): all three stay hidden (8 and 15 mm edges did the same for
  // 3-5 times the triangles). The right leg 3,000 -> 4,632 triangles, the sheet 3,500 -> 3,988.
  // The front of the same thigh's top too: sitting, the hip folds it 90 degrees (anatomy::
  // blend_hip) and the groin becomes a crease, concave, where a straight chord lies out in the
  // air beyond the curved surface it spans. The simplifier left the skin's edges there 5 cm long
  // on average (17 cm the longest), so their chords stood out through the hip drape's hem, 2 mm
  // off the skin: a skin-coloured line between the sheet over the leg and the hip drape in the
  // sitting front view (notes/s27 client-shots/sitting-front-hipcrease-main-vs-fronthem8mm.png;
  // 258 of 1,267 points of the hem inside the drawn skin, tests/unit/forge_client_hem_test.cpp).
  // Finer hem edges made it worse (the hem then followed the curve while the skin's chords did
  // not); halving the skin's edges alone left none. Edges of kSeamEdge in front from 0.78 m up
  // (6,036 -> 7,080 triangles; from 0.85 m, where the crease is, 6,920 did for sitting, but with
  // the hem's dip over the buttock one hem point at the crotch's front came inside walking).
  // Raised (hips 30 degrees) and walking (up to 30) fold the same crease: up to 98 points inside
  // before, 0 now.
  if (name == "client.leg-right")
    return {[](const glm::vec3& p) {
              const bool back = p.y > 0.74f && p.y < 0.90f && p.z < -0.03f, front = p.y > 0.78f && p.z >= -0.03f;
              return (back || front) && p.x < kMidlineX - 0.01f;
            },
            kSeamEdge};
  // Where the neck leaves the body's flare the two surfaces lie within 2 mm of each other: the
  // body's 5-7 cm triangles (simplified to within 3 mm) crossed the head's neck in a jagged line;
  // edges of 12 mm near the neck give a clean line (8 mm within 10 cm: the same line for 5,900
  // more triangles).
  if (name == "client.body")
    return {[](const glm::vec3& p) { return p.y > 1.42f && glm::length(glm::vec2(p.x - kMidlineX, p.z + 0.02f)) < 0.085f; }, 0.012f};
  // The sheet over the other leg goes under the hip drape's hem (0.84 m beside that thigh,
  // hip_edge) and ends at 1.0 m: the simplifier left its triangles there 10-12 cm tall, whose
  // chords cut in and out of the hip drape along a jagged line (sitting, the front view).
  if (name == "drape.leg-right") return {[](const glm::vec3& p) { return p.y > 0.78f; }, kSeamEdge};
  // Session 28: all round that thigh (it was the back only, z < -0.02): with the hem's dip over
  // the buttock (hip_edge) the re-simplified sheet left a long triangle at the crotch's front
  // whose chord came inside the right thigh walking (1 point at 0.5 s; app_walking_drape_test).
  // Finer there with the other thigh's skin coarse (session 27) made the sitting crease worse; the
  // skin is split there too now (above), and no hem point comes inside in any posture.
  if (name == "drape.hips")
    return {[](const glm::vec3& p) { return p.y > 0.78f && p.y < 0.90f && p.x < kMidlineX + 0.04f; }, kSeamEdge};
  return {};
}

}  // namespace effleura::forge
