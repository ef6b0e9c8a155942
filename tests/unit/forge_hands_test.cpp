// assets/hands.glb end to end: the committed file is what the forge builds, the hands are
// closed, adult-sized surfaces, skinned to the hand skeleton so that posing them with the
// skeleton's frames bends the fingers and nothing else; a file that is not a pair of hands is
// refused with a clear error.
#include "../support/test_paths.hpp"
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>

#include <glm/geometric.hpp>

#include "anatomy/model_loader.hpp"
#include "core/files.hpp"
#include "../support/sanitizer.hpp"
#include "forge/hand_forge.hpp"
#include "forge/mesh_tools.hpp"
#include "technique/forearm.hpp"
#include "technique/hand_model.hpp"

using namespace effleura;
namespace fs = std::filesystem;

namespace {

using test::kSanitized;  // sanitizer.hpp

const fs::path kAsset = EFFLEURA_SOURCE_DIR + "/assets/hands.glb";

const technique::HandModel& committed() {
  static const technique::HandModel model = [] {
    auto m = technique::load_hand_model(kAsset);
    REQUIRE_MESSAGE(m.has_value(), (m ? "" : m.error().describe()));
    return std::move(*m);
  }();
  return model;
}

const technique::SkinnedHand& hand_of(Hand h) { return committed().hands[h == Hand::left ? 0 : 1]; }

float weight_of(const technique::SkinnedHand& hand, std::size_t v, std::size_t part) {
  float w = 0.0f;
  for (std::size_t i = 0; i < 4; ++i)
    if (hand.parts[v][i] == part) w += hand.weights[v][static_cast<glm::length_t>(i)];
  return w;
}

std::vector<glm::vec3> posed(const technique::SkinnedHand& hand, const glm::mat4& palm, const technique::FingerPose& pose) {
  const auto palette = technique::skinning_palette(hand, technique::build_hand(palm, pose, hand.hand));
  std::vector<glm::vec3> out;
  for (std::size_t v = 0; v < hand.positions.size(); ++v) out.push_back(technique::skin_vertex(hand, v, palette));
  return out;
}

}  // namespace

TEST_CASE("the committed assets/hands.glb is what effleura-forge builds" * doctest::skip(kSanitized)) {
  auto built = forge::forge_hands_glb({});
  REQUIRE_MESSAGE(built.has_value(), (built ? "" : built.error().describe()));
  auto file = read_binary_file(kAsset);
  REQUIRE(file.has_value());
  CHECK_MESSAGE(*built == *file, "assets/hands.glb is stale: run effleura-forge --part hands");
}

TEST_CASE("two coarse hand forges give the same bytes") {
  forge::HandForgeOptions o;
  o.coarseness = 2.5f;
  auto a = forge::forge_hands_glb(o), b = forge::forge_hands_glb(o);
  REQUIRE_MESSAGE(a.has_value(), (a ? "" : a.error().describe()));
  REQUIRE(b.has_value());
  CHECK(*a == *b);
}

TEST_CASE("each hand is a closed surface of a few thousand triangles, none degenerate") {
  for (Hand h : {Hand::left, Hand::right}) {
    const auto& hand = hand_of(h);
    forge::TriMesh mesh{hand.positions, hand.indices};
    CHECK(forge::non_manifold_edges(mesh) == 0);
    CHECK(mesh.triangle_count() >= 3000);
    CHECK(mesh.triangle_count() <= 6000);  // drawn every frame by a software rasteriser
    std::size_t degenerate = 0;
    for (std::size_t t = 0; t + 2 < hand.indices.size(); t += 3) {
      const glm::vec3 a = hand.positions[hand.indices[t]], b = hand.positions[hand.indices[t + 1]],
                      c = hand.positions[hand.indices[t + 2]];
      if (glm::length(glm::cross(b - a, c - a)) < 2e-9f) ++degenerate;  // under 0.001 mm^2
    }
    CHECK(degenerate == 0);
    // Faces point outward: the signed volume is positive, about that of an adult hand
    // (~400 mL with this short wrist; a hand alone is 350-500 mL).
    double volume = 0.0;
    for (std::size_t t = 0; t + 2 < hand.indices.size(); t += 3)
      volume += static_cast<double>(glm::dot(hand.positions[hand.indices[t]],
                                             glm::cross(hand.positions[hand.indices[t + 1]], hand.positions[hand.indices[t + 2]]))) / 6.0;
    CHECK(volume > 250e-6);
    CHECK(volume < 650e-6);
  }
}

TEST_CASE("the hands have adult proportions") {
  // Measured as anthropometry does, in the hand's own frame (palm on a flat surface, +Z toward
  // the fingers): hand length from the heel of the hand (where the palm side touches) to the
  // middle fingertip, about 0.17-0.21 m in adults; hand breadth across the knuckles, thumb
  // excluded, about 0.075-0.095 m.
  const auto& hand = hand_of(Hand::left);
  float tip = -1.0f, heel = 1.0f, lo = 1.0f, hi = -1.0f;
  for (std::size_t v = 0; v < hand.positions.size(); ++v) {
    const glm::vec3 p = hand.positions[v];
    tip = std::max(tip, p.z);
    if (p.y < 0.004f) heel = std::min(heel, p.z);
    float thumb = 0.0f;
    for (std::size_t j = 0; j < 3; ++j) thumb += weight_of(hand, v, technique::hand_part(0, j));
    if (p.z > 0.030f && p.z < 0.050f && thumb < 0.5f) {
      lo = std::min(lo, p.x);
      hi = std::max(hi, p.x);
    }
  }
  CHECK(tip - heel > 0.17f);
  CHECK(tip - heel < 0.21f);
  CHECK(hi - lo > 0.075f);
  CHECK(hi - lo < 0.095f);
  // The left hand's thumb is on its -X side (technique/hand_rig.hpp), the right's on +X.
  const auto thumb_side = [](const technique::SkinnedHand& h) {
    glm::vec3 sum(0.0f);
    float n = 0.0f;
    for (std::size_t v = 0; v < h.positions.size(); ++v)
      if (weight_of(h, v, technique::hand_part(0, 2)) > 0.9f) {
        sum += h.positions[v];
        n += 1.0f;
      }
    return sum.x / std::max(n, 1.0f);
  };
  CHECK(thumb_side(hand_of(Hand::left)) < -0.04f);
  CHECK(thumb_side(hand_of(Hand::right)) > 0.04f);
}

TEST_CASE("eighteen joints a hand (the palm's two arching sides too), weights summing to one, every joint moving part of the hand") {
  auto raw = anatomy::load_model(kAsset);
  REQUIRE(raw.has_value());
  for (Hand h : {Hand::left, Hand::right}) {
    const anatomy::Mesh* mesh = raw->find(technique::hand_mesh_name(h));
    REQUIRE(mesh != nullptr);
    CHECK(mesh->skin.joint_names.size() == technique::kHandParts);
    const auto& hand = hand_of(h);
    std::array<int, technique::kHandParts> led{};
    for (std::size_t v = 0; v < hand.positions.size(); ++v) {
      const glm::vec4 w = hand.weights[v];
      CHECK(w.x + w.y + w.z + w.w == doctest::Approx(1.0f).epsilon(1e-6));
      CHECK(std::min({w.x, w.y, w.z, w.w}) >= 0.0f);
      for (std::size_t i = 0; i < 4; ++i)
        if (hand.weights[v][static_cast<glm::length_t>(i)] > 0.5f) ++led[hand.parts[v][i]];
    }
    for (std::size_t p = 0; p < technique::kHandParts; ++p)
      CHECK_MESSAGE(led[p] >= 10, technique::joint_name(h, p), " leads only ", led[p], " vertices");
  }
}

TEST_CASE("posed at the bind pose, the skinned hands are the mesh, wherever the palm is") {
  glm::mat4 palm(1.0f);
  palm[0] = glm::vec4(0.0f, 0.0f, -1.0f, 0.0f);  // turned a quarter about Y, and moved
  palm[2] = glm::vec4(1.0f, 0.0f, 0.0f, 0.0f);
  palm[3] = glm::vec4(0.1f, 0.6f, 0.05f, 1.0f);
  for (Hand h : {Hand::left, Hand::right}) {
    const auto& hand = hand_of(h);
    const auto at_rest = posed(hand, glm::mat4(1.0f), technique::bind_pose());
    const auto moved = posed(hand, palm, technique::bind_pose());
    float worst = 0.0f;
    for (std::size_t v = 0; v < hand.positions.size(); ++v) {
      worst = std::max(worst, glm::length(at_rest[v] - hand.positions[v]));
      worst = std::max(worst, glm::length(moved[v] - glm::vec3(palm * glm::vec4(hand.positions[v], 1.0f))));
    }
    CHECK(worst < 1e-5f);
  }
}

TEST_CASE("flexing the index finger curls its tip toward the palm side and leaves the palm still") {
  technique::FingerPose pose = technique::bind_pose();
  pose.flexion[1] = {60.0f, 50.0f, 30.0f};
  for (Hand h : {Hand::left, Hand::right}) {
    const auto& hand = hand_of(h);
    const auto bent = posed(hand, glm::mat4(1.0f), pose);
    int tips = 0, still = 0;
    for (std::size_t v = 0; v < hand.positions.size(); ++v) {
      const glm::vec3 moved = bent[v] - hand.positions[v];
      float index = 0.0f;
      for (std::size_t j = 0; j < 3; ++j) index += weight_of(hand, v, technique::hand_part(1, j));
      if (weight_of(hand, v, technique::hand_part(1, 2)) > 0.999f) {
        ++tips;
        CHECK(moved.y < -0.02f);  // toward the palm side (-Y)
        CHECK(moved.z < -0.01f);  // and back toward the palm
      } else if (index == 0.0f) {
        ++still;
        CHECK(glm::length(moved) < 1e-6f);  // the palm and the other fingers do not move
      }
    }
    CHECK(tips > 20);
    CHECK(still > static_cast<int>(hand.positions.size()) / 2);
  }
}

TEST_CASE("the right hand is the left one's mirror image, posed or not") {
  const auto& left = hand_of(Hand::left);
  const auto& right = hand_of(Hand::right);
  REQUIRE(left.positions.size() == right.positions.size());
  technique::FingerPose pose = technique::bind_pose();
  pose.flexion[0] = {30.0f, 25.0f, 20.0f};
  pose.flexion[2] = {45.0f, 40.0f, 20.0f};
  pose.opposition_deg = 50.0f;
  pose.spread_deg = 3.0f;
  const auto l = posed(left, glm::mat4(1.0f), pose), r = posed(right, glm::mat4(1.0f), pose);
  float worst = 0.0f;
  for (std::size_t v = 0; v < l.size(); ++v) {
    const glm::vec3 mirror(-left.positions[v].x, left.positions[v].y, left.positions[v].z);
    worst = std::max(worst, glm::length(right.positions[v] - mirror));
    worst = std::max(worst, glm::length(r[v] - glm::vec3(-l[v].x, l[v].y, l[v].z)));
  }
  CHECK(worst < 1e-5f);
}

TEST_CASE("a file that is not a pair of rigged hands is refused, naming the file and what was expected") {
  // The leg: a good model, but no hands.
  auto leg = technique::load_hand_model(EFFLEURA_SOURCE_DIR + "/assets/leg.glb");
  REQUIRE_FALSE(leg.has_value());
  CHECK(leg.error().file.find("leg.glb") != std::string::npos);
  CHECK(leg.error().message.find("hand.left") != std::string::npos);

  // Hands whose skeleton lacks a joint the animation drives.
  forge::HandForgeOptions o;
  o.coarseness = 3.0f;
  auto hands = forge::forge_hands(o);
  REQUIRE(hands.has_value());
  hands->meshes[1].skeleton[technique::hand_part(3, 1)].name = "hand.right.ring.middle";
  auto bytes = forge::write_skinned_glb(hands->meshes);
  REQUIRE(bytes.has_value());
  const fs::path file = fs::path(EFFLEURA_BINARY_DIR) / "test-scratch" / "hands-renamed.glb";
  fs::create_directories(file.parent_path());
  REQUIRE(write_binary_file(file, bytes->data(), bytes->size()).has_value());
  auto renamed = technique::load_hand_model(file);
  fs::remove(file);
  REQUIRE_FALSE(renamed.has_value());
  CHECK(renamed.error().message.find("hand.right.ring.middle") != std::string::npos);

  auto missing = technique::load_hand_model(fs::temp_directory_path() / "no-such-hands.glb");
  REQUIRE_FALSE(missing.has_value());
  CHECK(missing.error().message.find("not found") != std::string::npos);
}

TEST_CASE("each forearm and sleeve is a closed surface from the wrist to the elbow, the sleeve over the forearm") {
  const auto& m = committed();
  for (std::size_t h = 0; h < 2; ++h) {
    for (const technique::RigidPiece* piece : {&m.forearms[h], &m.sleeves[h]}) {
      forge::TriMesh mesh{piece->positions, piece->indices};
      CHECK(forge::non_manifold_edges(mesh) == 0);
      CHECK(mesh.triangle_count() >= 300);
      CHECK(mesh.triangle_count() <= 1200);
      double volume = 0.0;  // outward faces: positive
      for (std::size_t t = 0; t + 2 < piece->indices.size(); t += 3)
        volume += static_cast<double>(glm::dot(piece->positions[piece->indices[t]],
                                               glm::cross(piece->positions[piece->indices[t + 1]], piece->positions[piece->indices[t + 2]]))) / 6.0;
      CHECK(volume > 0.0);
    }
    // Bare skin from inside the hand's wrist; the sleeve from where the skin ends to the
    // elbow, one forearm's length (26 cm) behind the wrist, along -Z at the bind pose.
    const auto extent = [](const technique::RigidPiece& p) {
      float lo = 1.0f, hi = -1.0f;
      for (const auto& v : p.positions) {
        lo = std::min(lo, v.z);
        hi = std::max(hi, v.z);
      }
      return std::pair{lo, hi};
    };
    const auto [arm_lo, arm_hi] = extent(m.forearms[h]);
    const auto [sleeve_lo, sleeve_hi] = extent(m.sleeves[h]);
    const float wrist = technique::kWristInPalm.z;
    CHECK(arm_hi > wrist);                                   // reaches into the hand's wrist
    CHECK(sleeve_hi > arm_lo);                               // no bare gap under the cuff
    CHECK(sleeve_lo < wrist - technique::kForearmLength + 0.02f);  // down to the elbow
    CHECK(sleeve_lo > wrist - technique::kForearmLength - 0.06f);
    // Bound to the forearm joint at technique::forearm_bind.
    const glm::mat4 bind = technique::forearm_bind(h == 0 ? Hand::left : Hand::right);
    const glm::mat4 round_trip = m.forearms[h].inverse_bind * bind;
    for (int c = 0; c < 4; ++c)
      for (int r = 0; r < 4; ++r) CHECK(round_trip[c][r] == doctest::Approx(c == r ? 1.0f : 0.0f).epsilon(1e-5));
  }
}

TEST_CASE("hands without their sleeves are refused, naming the missing mesh") {
  forge::HandForgeOptions o;
  o.coarseness = 3.0f;
  auto hands = forge::forge_hands(o);
  REQUIRE(hands.has_value());
  REQUIRE(hands->meshes.size() == 8);
  hands->meshes.pop_back();  // "sleeve.right"
  auto bytes = forge::write_skinned_glb(hands->meshes);
  REQUIRE(bytes.has_value());
  const fs::path file = fs::path(EFFLEURA_BINARY_DIR) / "test-scratch" / "hands-no-sleeve.glb";
  fs::create_directories(file.parent_path());
  REQUIRE(write_binary_file(file, bytes->data(), bytes->size()).has_value());
  auto loaded = technique::load_hand_model(file);
  fs::remove(file);
  REQUIRE_FALSE(loaded.has_value());
  CHECK(loaded.error().message.find("sleeve.right") != std::string::npos);
}

TEST_CASE("each hand has five nails, on the backs of its fingertips, moving with them") {
  for (Hand h : {Hand::left, Hand::right}) {
    const auto& nails = committed().nails[h == Hand::left ? 0 : 1];
    const technique::HandShape bind = technique::build_hand(glm::mat4(1.0f), technique::bind_pose(), h);
    std::array<int, technique::kFingerCount> per_finger{};
    for (std::size_t v = 0; v < nails.positions.size(); ++v) {
      // Wholly on one finger's last phalanx...
      REQUIRE(nails.weights[v].x == doctest::Approx(1.0f));
      const std::size_t part = nails.parts[v][0];
      REQUIRE(part >= 1);
      REQUIRE((part - 1) % 3 == 2);
      ++per_finger[(part - 1) / 3];
      // ...on its back (+Y of the phalanx frame), beyond the last knuckle crease (a nail
      // covers the far half or so of the phalanx, its fold a little nearer).
      const glm::vec3 local(glm::inverse(bind.parts[part].frame) * glm::vec4(nails.positions[v], 1.0f));
      CHECK(local.y > 0.0f);
      CHECK(local.z > 0.2f * bind.parts[part].length);
      CHECK(local.z < 1.05f * bind.parts[part].length);
    }
    for (int n : per_finger) CHECK(n > 0);
  }
}
