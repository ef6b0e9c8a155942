// Lying, the flow model measures heights from the hip centre (flow/posture.hpp): the venous
// hydrostatic reference is taken at the hip centres' level, face up and face down alike. The
// level where venous pressure is the central venous pressure is the right atrium's, which
// clinicians place on the phlebostatic axis: the frontal plane midway between the back of the
// chest and the base of the xiphoid, at the fourth intercostal space (Winsor & Burch 1945, Proc
// Soc Exp Biol Med 58:165; echocardiography put the right atrium there supine, Kee et al. 1993,
// Am J Crit Care 2:72). A frontal plane of the body turns over with it, so prone the reference
// stays at mid-chest too; only if it lay off the hip centres' plane would face down and face up
// need different references (by twice that offset). Here the drawn client's own trunk
// (assets/client.glb) is measured: its mid-chest plane must lie at the hip centre's height in
// both lying postures, within 2 cm (1.6 mmHg of column).
#include "../support/test_paths.hpp"
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <optional>
#include <utility>

#include "anatomy/client_pose.hpp"
#include "anatomy/model_loader.hpp"
#include "core/frame.hpp"
#include "flow/posture.hpp"

using namespace effleura;

namespace {

// Where the line {x, y} (along the body's front-back axis, z) crosses the mesh: the front-most
// and back-most crossings, or nullopt where it misses.
std::optional<std::pair<float, float>> z_extent(const anatomy::Mesh& mesh, float x, float y) {
  std::optional<std::pair<float, float>> out;
  for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3) {
    const glm::vec3& a = mesh.positions[mesh.indices[t]];
    const glm::vec3& b = mesh.positions[mesh.indices[t + 1]];
    const glm::vec3& c = mesh.positions[mesh.indices[t + 2]];
    // Barycentric coordinates of (x, y) in the triangle's projection on the x-y plane.
    const float d = (b.y - c.y) * (a.x - c.x) + (c.x - b.x) * (a.y - c.y);
    if (std::abs(d) < 1e-12f) continue;
    const float u = ((b.y - c.y) * (x - c.x) + (c.x - b.x) * (y - c.y)) / d;
    const float v = ((c.y - a.y) * (x - c.x) + (a.x - c.x) * (y - c.y)) / d;
    const float w = 1.0f - u - v;
    if (u < 0.0f || v < 0.0f || w < 0.0f) continue;
    const float z = u * a.z + v * b.z + w * c.z;
    if (!out) out = std::pair{z, z};
    out->first = std::max(out->first, z);
    out->second = std::min(out->second, z);
  }
  return out;
}

}  // namespace

TEST_CASE("lying face up or face down, the drawn client's heart level (mid-chest) is the hip centre's, the flow's reference") {
  auto asset = anatomy::load_model(EFFLEURA_SOURCE_DIR + "/assets/client.glb");
  REQUIRE_MESSAGE(asset.has_value(), (asset ? "" : asset.error().describe()));
  const anatomy::Mesh* body = asset->find("client.body");  // the trunk, in the body frame (the standing leg's)
  REQUIRE(body != nullptr);
  // A 1.75 m adult's nipple line, over the fourth intercostal space, is 0.72 of the stature up
  // (Drillis & Contini 1966: 1.26 m); the base of the xiphoid lies a little lower (1.20 m).
  const float x = anatomy::kMidlineX;
  const auto chest = z_extent(*body, x, 0.72f * frame::kStature);
  const auto xiphoid = z_extent(*body, x, 1.20f);
  REQUIRE(chest.has_value());
  REQUIRE(xiphoid.has_value());
  const float back = chest->second, front = xiphoid->first;
  MESSAGE("drawn trunk at the midline: back " << back << " m, front at the xiphoid " << front << " m (hip centre z "
                                               << frame::kHipCentre.z << ")");
  CHECK(front - back > 0.18f);  // an adult chest, 20-25 cm deep
  CHECK(front - back < 0.28f);
  const glm::vec3 phlebostatic{x, 0.72f * frame::kStature, 0.5f * (front + back)};

  const anatomy::VeinNetworkParams params;
  for (auto posture : {anatomy::ClientPosture::supine, anatomy::ClientPosture::prone}) {
    CAPTURE(anatomy::client_posture_name(posture));
    const auto pose = anatomy::client_pose(posture);
    // The body lies flat: its front-back axis is the room's vertical, so a frontal plane is level.
    CHECK(std::abs(anatomy::to_room(pose.body, frame::kAnterior).y) == doctest::Approx(1.0f).epsilon(1e-5));
    const glm::vec3 up = flow::lying_up(pose.left_leg);
    // The heart's height above the flow model's lying reference, as the model computes heights...
    const double model = flow::height_above_reference(phlebostatic, flow::Posture::supine, params, 0.0, up);
    // ... and as drawn: the room height of the mid-chest point over the massaged hip's.
    const double drawn = (pose.body * glm::vec4(phlebostatic, 1.0f)).y - (pose.left_leg * glm::vec4(frame::kHipCentre, 1.0f)).y;
    MESSAGE("mid-chest above the hip centre: model " << model << " m, drawn " << drawn << " m");
    CHECK(std::abs(model - drawn) < 1e-4);
    CHECK(std::abs(model) < 0.02);  // 2 cm: 1.6 mmHg
  }
}
