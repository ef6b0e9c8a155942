// Turning over (anatomy::client_pose with 0 < turn < 1, anatomy/client_roll.hpp): a client rolls
// from prone to supine on the table top, not above it and not through it. On the committed
// meshes placed as the renderer places them (client_part_frame; the massaged leg by left_leg),
// every 1/40 of the roll, both ways round. Until session 17 the roll axis rose by 12 cm sin(pi
// t), which left the hips 2-3 cm clear of the top halfway but took the lower arm through it:
// this test on that pose, the lowest point 61 mm into the top (the hand), never above it.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include <glm/mat4x4.hpp>
#include <glm/vec4.hpp>

#include "anatomy/client_pose.hpp"
#include "anatomy/client_roll.hpp"
#include "../support/sanitizer.hpp"
#include "shipped_assets.hpp"
#include "solid_parity.hpp"

using namespace effleura;
using anatomy::Table;

namespace {

// The parts of the client that roll (the table's own parts stay).
const char* const kClientParts[] = {"client.body", "client.head", "client.arm-left", "client.arm-right",
                                    "client.leg-right", "drape.hips", "drape.leg-right"};

// Over the flat of the table top: inside its rounded edges (3 cm) and outside the face hole.
bool over_flat_top(const glm::vec3& r) {
  if (std::abs(r.x) > 0.5f * Table::kLength - 0.03f || std::abs(r.z) > 0.5f * Table::kWidth - 0.03f) return false;
  return std::hypot((r.x - Table::kFaceHoleX) / Table::kFaceHoleHalfLength, r.z / Table::kFaceHoleHalfWidth) > 1.0f;
}

struct Lowest {
  float y = 1e9f;
  std::string part;
};

// The client's lowest point over the flat of the top, turned `turn` of the way over.
Lowest lowest_over_top(float turn, bool outer_up) {
  const anatomy::ClientPose pose = anatomy::client_pose(anatomy::ClientPosture::supine, turn, outer_up);
  Lowest low;
  const auto take = [&](const anatomy::Mesh& mesh, const glm::mat4& to_room, const std::string& name) {
    // Every vertex, under the sanitizers too: the roll's heights were measured on every vertex,
    // and every fourth one reads the lowest point up to 5 mm high (the arm at 0.45 of the roll).
    for (std::size_t i = 0; i < mesh.positions.size(); ++i) {
      const glm::vec3 r(to_room * glm::vec4(mesh.positions[i], 1.0f));
      if (over_flat_top(r) && r.y < low.y) low = {r.y, name};
    }
  };
  for (const char* name : kClientParts)
    take(test::shipped_mesh("client.glb", name), anatomy::client_part_frame(name, pose), name);
  take(test::shipped_mesh("leg.glb", "skin"), pose.left_leg, "leg skin");
  return low;
}

}  // namespace

TEST_CASE("turning over, the client rolls on the table top: its lowest point stays on the padding") {
  // Lying still the client sinks into the padding: prone the hands 22 mm, supine the sheet under
  // the buttocks 28 mm (this test at turn 0 and 1). Rolling, nothing sinks deeper than that, and
  // the lowest point never leaves the top; from a fifth of the way to four fifths (past the
  // resting sink, which client_pose fades out there) it lies within 3 mm of the top.
  for (bool outer_up : {false, true}) {
    float deepest = -1e9f, highest = -1e9f, worst_middle = 0.0f;
    for (int i = 0; i <= 40; ++i) {
      const float turn = static_cast<float>(i) / 40.0f;
      const Lowest low = lowest_over_top(turn, outer_up);
      CAPTURE(outer_up);
      CAPTURE(turn);
      CAPTURE(low.part);
      const float sink = Table::kTopY - low.y;  // + into the padding
      deepest = std::max(deepest, sink);
      highest = std::max(highest, -sink);
      CHECK(sink <= 0.030f);
      CHECK(sink >= -0.003f);
      if (turn >= 0.2f && turn <= 0.8f) {
        worst_middle = std::max(worst_middle, std::abs(sink));
        CHECK(std::abs(sink) <= 0.003f);
      }
    }
    MESSAGE((outer_up ? "outer side up" : "inner side up") << ": deepest " << deepest * 1000.0f << " mm into the top, highest "
                                                           << highest * 1000.0f << " mm above it; between 0.2 and 0.8 within "
                                                           << worst_middle * 1000.0f << " mm of it");
  }
}

TEST_CASE("turning over, the head never passes through the table top round the face hole") {
  // Prone the face lies in the hole, the forehead on its rim; as the client rolls the face
  // leaves the hole sideways and must clear its rim. Only head vertices near the top are tested
  // against the top's solid (the parity test is costly).
  const anatomy::Mesh& head = test::shipped_mesh("client.glb", "client.head");
  const test::Solid top(test::shipped_mesh("client.glb", "table.top"));
  for (bool outer_up : {false, true}) {
    int inside = 0, near = 0;
    for (int i = 0; i <= 40; ++i) {
      const float turn = static_cast<float>(i) / 40.0f;
      const anatomy::ClientPose pose = anatomy::client_pose(anatomy::ClientPosture::supine, turn, outer_up);
      for (std::size_t k = 0; k < head.positions.size(); k += test::kSanitizedStride) {
        const glm::vec3 r(anatomy::client_part_frame("client.head", pose) * glm::vec4(head.positions[k], 1.0f));
        if (r.y > Table::kTopY + 0.005f) continue;
        ++near;
        if (top.inside(r)) {
          ++inside;
          CAPTURE(turn);
          CAPTURE(outer_up);
          CHECK_MESSAGE(false, "head vertex inside the table top at (" << r.x << ", " << r.y << ", " << r.z << ")");
        }
      }
    }
    MESSAGE((outer_up ? "outer side up" : "inner side up") << ": " << near << " head vertices within 5 mm of the top or below it, "
                                                           << inside << " inside it");
    CHECK(near > 0);  // prone the face is in the hole: the check has points to judge
  }
}

TEST_CASE("rolling, the arms lie in along the flanks and are back at rest at either end") {
  CHECK(anatomy::roll_arm_adduction_deg(0.0f) == 0.0f);
  CHECK(anatomy::roll_arm_adduction_deg(1.0f) == 0.0f);
  CHECK(anatomy::roll_arm_adduction_deg(0.5f) == doctest::Approx(anatomy::kRollArmAdductionDeg));
  // Halfway, the left hand (rolling onto the left side, it lies underneath) is nearer the midline
  // than at rest: turned in at the shoulder.
  const anatomy::ClientPose half = anatomy::client_pose(anatomy::ClientPosture::supine, 0.5f);
  const anatomy::ClientPose rest = anatomy::client_pose(anatomy::ClientPosture::prone);
  const glm::vec3 hand(anatomy::kMidlineX + 0.282f, 0.80f, 0.0f);  // forge/client_shapes.cpp arm_shape
  const glm::mat4 to_body_half = glm::inverse(half.body), to_body_rest = glm::inverse(rest.body);
  const glm::vec3 in_half(to_body_half * half.left_arm * glm::vec4(hand, 1.0f));
  const glm::vec3 in_rest(to_body_rest * rest.left_arm * glm::vec4(hand, 1.0f));
  CHECK(in_rest.x - in_half.x > 0.03f);  // 4 degrees at 0.62 m below the shoulder: 4.3 cm
  // At the ends the arms are the pose's own, bit for bit (the adduction is skipped, not 1e-7 deg).
  const anatomy::ClientPose supine = anatomy::client_pose(anatomy::ClientPosture::supine);
  CHECK(supine.left_arm == supine.right_arm);
}
