// The hip drape's hem over the other thigh (assets/client.glb "drape.hips" over
// "client.leg-right"): the hem comes in to 2 mm off the body (client_shapes.cpp
// hip_drape_distance), under the forge's 3.6 mm drape tolerance. Sitting, where the hip folds 90
// degrees and the groin becomes a concave crease, the skin's 5 cm triangles (17 cm the longest)
// spanned the crease with chords standing out in the air, through the hem: a skin-coloured line
// between the sheet over the leg and the hip drape in the sitting front view (notes/s27
// client-shots/sitting-front-hipcrease-main-vs-fronthem8mm.png), and walking a jagged skin edge
// over the hem of the swung thigh (notes/s28 client-shots/walking-front-0.3-hem-crop4x-*.png).
// The forge now splits the skin's edges there to 2.5 cm (client_seams.cpp client_part_seam).
// Measured on the committed meshes, drawn as the renderer draws them.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include <glm/geometric.hpp>
#include <glm/mat4x4.hpp>

#include "anatomy/client_pose.hpp"
#include "forge/client_shapes.hpp"
#include "shipped_assets.hpp"
#include "solid_parity.hpp"
#include "../support/sanitizer.hpp"
#include "../support/closest_on_triangle.hpp"

using namespace effleura;

namespace {

float distance_to_mesh(const glm::vec3& p, const anatomy::Mesh& m) {
  float best = 1e9f;
  for (std::size_t t = 0; t + 2 < m.indices.size(); t += 3)
    best = std::min(best, test::triangle_distance(p, m.positions[m.indices[t]], m.positions[m.indices[t + 1]], m.positions[m.indices[t + 2]]));
  return best;
}

std::vector<glm::vec3> drawn(const anatomy::Mesh& m, std::string_view part, const anatomy::ClientPose& pose) {
  std::vector<glm::vec3> out;
  out.reserve(m.positions.size());
  for (const glm::vec3& p : m.positions) {
    const glm::vec3 blended = anatomy::blend_hip(p, anatomy::kRightHipCentre, anatomy::client_part_hip_deg(part, pose));
    out.push_back(glm::vec3(anatomy::client_part_frame(part, pose) * glm::vec4(blended, 1.0f)));
  }
  return out;
}

}  // namespace

TEST_CASE("the other thigh's skin under the hip drape's hem stays inside the drape") {
  const anatomy::Mesh& leg = test::shipped_mesh("client.glb", "client.leg-right");
  const anatomy::Mesh& drape = test::shipped_mesh("client.glb", "drape.hips");
  const test::Solid sheet(drape);
  int covered = 0, through = 0;
  float furthest = 0.0f;
  for (std::size_t i = 0; i < leg.positions.size(); i += static_cast<std::size_t>(test::kSanitizedStride)) {
    const glm::vec3& p = leg.positions[i];
    // Under the sheet by its own field, within 6 cm above the hem (hip_edge: 0.84 m beside the
    // midline on this side).
    if (p.y > 0.90f || forge::hip_drape_distance(p) > -0.0005f) continue;
    ++covered;
    if (!sheet.inside(p)) {
      ++through;
      furthest = std::max(furthest, distance_to_mesh(p, drape));
    }
  }
  MESSAGE(through, " of ", covered, " covered skin vertices out of the drape, the furthest by ", 1000.0f * furthest, " mm");
  REQUIRE(covered > 100 / test::kSanitizedStride);
  // The skin's edges split at the groin put a few vertices on the true surface 2.5-3.5 mm above
  // the hem's cut, where the drape's rounded rim (1 cm) is within a millimetre of the skin and its
  // mesh, simplified to 3.6 mm, cannot follow: 4 of them lay 0.05-0.36 mm out (none before the
  // split), 2 by up to 0.16 mm with the hem's dip over the buttock. Half a millimetre is under a
  // pixel at the closest camera (1920x1080, ~1 mm a pixel).
  CHECK(furthest < 0.0005f);
}

TEST_CASE("the hip drape's hem over the other thigh stays outside its skin") {
  const anatomy::Mesh& leg = test::shipped_mesh("client.glb", "client.leg-right");
  const anatomy::Mesh& drape = test::shipped_mesh("client.glb", "drape.hips");
  using anatomy::ClientPosture;
  // Walking folds the body and the drape with each hip on its side: app_walking_drape_test.
  for (ClientPosture posture : {ClientPosture::standing, ClientPosture::sitting, ClientPosture::supine, ClientPosture::prone, ClientPosture::raised}) {
    const anatomy::ClientPose pose = anatomy::client_pose(posture);
    CAPTURE(anatomy::client_posture_name(posture));
    const std::vector<glm::vec3> skin_at = drawn(leg, "client.leg-right", pose), sheet_at = drawn(drape, "drape.hips", pose);
    const test::Solid skin(skin_at, leg.indices);
    int samples = 0, inside = 0;
    for (std::size_t t = 0; t + 2 < drape.indices.size(); t += 3 * static_cast<std::size_t>(test::kSanitizedStride)) {
      const glm::vec3 &a0 = drape.positions[drape.indices[t]], &b0 = drape.positions[drape.indices[t + 1]], &c0 = drape.positions[drape.indices[t + 2]];
      const glm::vec3 centre0 = (a0 + b0 + c0) / 3.0f;
      if (centre0.y > 0.90f || centre0.x > anatomy::kMidlineX - 0.01f) continue;
      // The sheet's side, not its cut across the thigh below the hem (which lies inside the leg).
      const glm::vec3 n = glm::cross(b0 - a0, c0 - a0);
      if (glm::length(n) < 1e-12f || std::abs(glm::normalize(n).y) > 0.5f) continue;
      const glm::vec3 &a = sheet_at[drape.indices[t]], &b = sheet_at[drape.indices[t + 1]], &c = sheet_at[drape.indices[t + 2]];
      for (const glm::vec3& q : {(a + b + c) / 3.0f, 0.5f * (a + b), 0.5f * (b + c), 0.5f * (c + a), a, b, c}) {
        ++samples;
        inside += skin.inside(q);
      }
    }
    MESSAGE(anatomy::client_posture_name(posture), ": ", inside, " of ", samples, " points of the hem's triangles inside the other thigh's skin");
    REQUIRE(samples > 1000 / test::kSanitizedStride);
    // Before the skin's edges were split at the groin: sitting 258 of 1,267, raised (the hips
    // flexed on the wedge) 98, the rest 0. A subset of the triangles (the sanitizers' stride) can only find fewer.
    CHECK(inside == 0);
  }
}

TEST_CASE("on the table the other buttock is covered where the hip drape meets the sheet over that leg") {
  // Lying, sitting or raised the sheet over the other leg is drawn (drape.leg-right); it hugs the
  // thigh, 8 mm off, while the buttock bulges past it. With the hip drape's hem at 0.84 m all
  // round that thigh, the buttock's lowest 2.5 cm showed between the two sheets: a band of bare
  // skin prone, from the default camera and from behind (notes/s28 client-shots/
  // prone-back-right-buttock-band-crop3x.png; 33 body vertices). The hem now dips 3.5 cm over the
  // lower buttock (client_shapes.cpp hip_edge). Checked in the body's frame standing: prone the
  // hips do not flex, so it is the drawn shape; both hips fold alike with the sheets elsewhere.
  const anatomy::Mesh& body = test::shipped_mesh("client.glb", "client.body");
  const test::Solid leg_sheet(test::shipped_mesh("client.glb", "drape.leg-right")), hips(test::shipped_mesh("client.glb", "drape.hips")),
      right(test::shipped_mesh("client.glb", "client.leg-right")), left(test::shipped_mesh("leg.glb", "skin"));
  int near = 0, bare = 0;
  for (std::size_t i = 0; i < body.positions.size(); i += static_cast<std::size_t>(test::kSanitizedStride)) {
    const glm::vec3& p = body.positions[i];
    if (p.y > 1.0f || p.x > anatomy::kMidlineX + 0.01f) continue;  // the other side, below the waist
    ++near;
    if (leg_sheet.inside(p) || hips.inside(p) || right.inside(p) || left.inside(p)) continue;
    if (bare < 5) MESSAGE("bare body at ", p.x, " ", p.y, " ", p.z);
    ++bare;
  }
  MESSAGE(bare, " of ", near, " body vertices on the other side below 1 m under neither sheet nor inside a leg");
  REQUIRE(near > 200 / test::kSanitizedStride);
  CHECK(bare == 0);
}

TEST_CASE("where the hip drape's cut edge shows below the sheet it is lit as the sheet beside it") {
  // The drape is the body's own shape grown by the sheet's gap and cut off at the hem
  // (client_shapes.cpp hip_drape_distance), so below its edge lies a flat cut facing down,
  // between the sheet's outer surface and the skin: 2-3 mm wide over the other thigh, 1.3-3.5 cm
  // over the massaged one, whose skin lies that far inside the ellipsoid the sheet is grown from.
  // Lit by its own field's gradient (straight down) it read as a thin dark band along the sheet's
  // edge from behind, standing and walking, where a camera below the hem sees it (notes/s29
  // client-shots/standing-back-*). Checked standing (the meshes' own frame) on the cut's
  // vertices that lie outside both thighs: the angle between each one's drawn normal and that of
  // the nearest vertex of the sheet's side, whose light it should continue. On the massaged side:
  // over the other thigh the cut is 2-3 mm wide and the sheet's own side turns under the buttock
  // and into the crotch there, so its nearest side vertex (up to 7 cm off) faces another way.
  const anatomy::Mesh& drape = test::shipped_mesh("client.glb", "drape.hips");
  const test::Solid left(test::shipped_mesh("leg.glb", "skin")), right(test::shipped_mesh("client.glb", "client.leg-right"));
  // Each vertex's surface normal from its triangles (area-weighted): the cut's flat underside
  // faces down (y below -0.8), the side round the hips does not (above -0.3).
  std::vector<glm::vec3> surface(drape.positions.size(), glm::vec3(0.0f));
  for (std::size_t t = 0; t + 2 < drape.indices.size(); t += 3) {
    const std::uint32_t a = drape.indices[t], b = drape.indices[t + 1], c = drape.indices[t + 2];
    const glm::vec3 n = glm::cross(drape.positions[b] - drape.positions[a], drape.positions[c] - drape.positions[a]);
    surface[a] += n;
    surface[b] += n;
    surface[c] += n;
  }
  const auto facing_y = [&surface](std::size_t i) { return glm::length(surface[i]) < 1e-12f ? 0.0f : glm::normalize(surface[i]).y; };
  std::vector<std::size_t> side;
  for (std::size_t i = 0; i < drape.positions.size(); ++i)
    if (drape.positions[i].y < 1.05f && facing_y(i) > -0.5f) side.push_back(i);
  int shown = 0, stepped = 0;
  float worst = 0.0f;
  for (std::size_t i = 0; i < drape.positions.size(); i += static_cast<std::size_t>(test::kSanitizedStride)) {
    const glm::vec3& p = drape.positions[i];
    if (p.y > 1.0f || p.x < anatomy::kMidlineX + 0.01f || facing_y(i) > -0.8f) continue;
    if (left.inside(p) || right.inside(p)) continue;  // inside a thigh: never seen
    ++shown;
    std::size_t nearest = side.front();
    for (std::size_t j : side)
      if (glm::distance(drape.positions[j], p) < glm::distance(drape.positions[nearest], p)) nearest = j;
    const float deg = 57.29578f * std::acos(std::clamp(glm::dot(glm::normalize(drape.normals[i]), glm::normalize(drape.normals[nearest])), -1.0f, 1.0f));
    worst = std::max(worst, deg);
    stepped += deg > 30.0f;
  }
  MESSAGE(stepped, " of ", shown, " shown vertices of the cut drawn over 30 degrees off the sheet's side beside them, the worst ", worst, " degrees");
  REQUIRE(shown > 20 / test::kSanitizedStride);  // 34 standing
  // Main: 29 of 34, the worst 77 degrees (straight down beside a side facing out); now 6.
  CHECK(stepped == 0);
}
