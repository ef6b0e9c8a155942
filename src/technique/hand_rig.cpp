#include "technique/hand_rig.hpp"

#include <glm/ext/matrix_transform.hpp>
#include <glm/trigonometric.hpp>
#include <glm/geometric.hpp>
#include <utility>

namespace effleura::technique {
namespace {

struct FingerDims {
  float base_x;      // knuckle position across the palm (+X toward the little finger, left hand)
  float base_z;      // knuckle position along the palm
  float lengths[3];  // phalanx lengths, proximal to distal (m)
  float radius;      // proximal phalanx radius (m); each later phalanx is a little thinner
};

// The left hand, palm down (+Y the back), fingers along +Z: its thumb lies on the -X side
// (X = Y x Z: looking along the fingers, -X is to the right, where a left thumb points).
constexpr FingerDims kFingers[5] = {
    {-0.030f, -0.005f, {0.046f, 0.032f, 0.028f}, 0.0105f},  // thumb: metacarpal, proximal, distal
    {-0.027f, 0.050f, {0.042f, 0.025f, 0.020f}, 0.0090f},   // index
    {-0.008f, 0.054f, {0.046f, 0.028f, 0.022f}, 0.0092f},   // middle
    {0.011f, 0.051f, {0.043f, 0.027f, 0.021f}, 0.0087f},    // ring
    {0.028f, 0.044f, {0.034f, 0.020f, 0.018f}, 0.0078f},    // little
};

constexpr float kKnuckleHeight = 0.014f;  // finger axes run this far above the palm surface
// A thumb spread wide (abduction) also points further down out of the palm, so that from the
// palm's edge it reaches round a limb instead of lying on top of it: at 90 degrees' abduction
// it turns down 1.4 x the opposition instead of 0.5 x (wrap-grip: 77 degrees, where 27.5 left
// it on the back of the calf beside the fingers).
constexpr float kPalmarPerAbduction = 0.9f;

// Each hinge runs from the base of a metacarpal (where its carpometacarpal joint turns it,
// El-Shennawy 2001) to between two knuckles: the ulnar one from the little finger's base, so
// the heel of the hand hardly moves while the little knuckle comes down most and the ring's
// less; the radial one along the index's metacarpal. The middle finger's (the third, nearly
// fixed) stays with the palm.
constexpr PalmHinge kUlnarHinge{{0.022f, 0.016f, -0.014f}, {0.0015f, 0.016f, 0.056f}};
constexpr PalmHinge kRadialHinge{{-0.012f, 0.016f, -0.014f}, {-0.0175f, 0.016f, 0.055f}};
constexpr float kPalmSideX = 0.012f;  // palm_part_at: beyond this across, a side carries the underside
constexpr float kPalmSideFromZ = 0.016f;  // and from here along the palm part (the hinges' start)

glm::mat4 hinge(const PalmHinge& h, float deg) {
  const glm::mat4 at = glm::translate(glm::mat4(1.0f), h.from);
  return glm::rotate(at, glm::radians(deg), glm::normalize(h.to - h.from)) * glm::translate(glm::mat4(1.0f), -h.from);
}

// Flexing toward the palm (-Y): the ulnar side (+X) turns by a negative angle about its hinge
// (which runs toward +Z), the radial side (-X) by a positive one.
glm::mat4 ulnar_arch(float arch_deg) { return hinge(kUlnarHinge, -arch_deg); }
glm::mat4 radial_arch(float arch_deg) { return hinge(kRadialHinge, arch_deg); }

// The palm part's frame on the palm's centre line, before the arch (left hand's palm frame).
glm::mat4 palm_origin() { return glm::translate(glm::mat4(1.0f), glm::vec3(0.0f, 0.016f, -0.030f)); }

}  // namespace

namespace {

glm::mat4 side_of(Hand hand) {
  return hand == Hand::right ? glm::scale(glm::mat4(1.0f), glm::vec3(-1.0f, 1.0f, 1.0f)) : glm::mat4(1.0f);
}

// Poses finger f's three phalanges from `base` (the palm frame times the hand's side) into
// parts[0..2].
void place_finger(const glm::mat4& base, const glm::mat4& side, const FingerPose& pose, std::size_t f, HandPart* parts) {
  const FingerDims& d = kFingers[f];
  // The index rides on the palm's radial side, the ring and little fingers on its ulnar side.
  const glm::mat4 arched = f == 1 ? base * radial_arch(pose.radial_arch_deg) : f >= 3 ? base * ulnar_arch(pose.arch_deg) : base;
  glm::mat4 joint = glm::translate(arched, glm::vec3(d.base_x, kKnuckleHeight, d.base_z));
  if (f == 0) {
    // The thumb leaves the palm heel angled out and forward. Opposition brings it round
    // toward the index (yaw), down under the palm (palmar abduction, about local X like
    // flexion) and turns it about its own axis so that its pad faces the finger pads.
    // Abduction swings it the other way, out from the index in the palm's plane, for a grip
    // that wraps a limb with the thumb round the far side.
    const float opp = pose.opposition_deg;
    joint = glm::rotate(joint, glm::radians(-28.0f - pose.abduction_deg + 0.45f * opp), glm::vec3(0, 1, 0));
    joint = glm::rotate(joint, glm::radians(opp * (0.5f + kPalmarPerAbduction * pose.abduction_deg / 90.0f)), glm::vec3(1, 0, 0));
    joint = glm::rotate(joint, glm::radians(25.0f + 0.8f * opp), glm::vec3(0, 0, 1));
  } else {
    // Fan out about the middle finger: the index turns toward the thumb (-X), the ring and
    // little fingers toward +X, each `spread` further than its neighbour.
    const float spread = (static_cast<float>(f) - 2.0f) * pose.spread_deg;
    joint = glm::rotate(joint, glm::radians(spread), glm::vec3(0, 1, 0));
  }
  float radius = d.radius;
  for (std::size_t j = 0; j < 3; ++j) {
    // Flexion curls toward the palm (-Y): a positive rotation about local +X takes +Z to -Y.
    joint = glm::rotate(joint, glm::radians(pose.flexion[f][j]), glm::vec3(1, 0, 0));
    HandPart& part = parts[j];
    part.frame = joint * side;
    part.length = d.lengths[j];
    part.radius = {radius, radius * 0.88f};
    joint = glm::translate(joint, glm::vec3(0.0f, 0.0f, d.lengths[j]));
    part.tip = glm::vec3(joint[3]);
    radius *= 0.9f;
  }
}

}  // namespace

HandShape build_hand(const glm::mat4& palm, const FingerPose& pose, Hand hand) {
  HandShape shape;
  shape.hand = hand;
  // The right hand is the left hand mirrored across X. Each part's frame is mirrored on both
  // sides (side * frame * side), which keeps it a rotation, so the mesh skinned with these
  // frames keeps its outward faces for either hand.
  const glm::mat4 side = side_of(hand);
  const glm::mat4 base = palm * side;
  // The palm: resting on the skin (its lower surface at y = 0) from the heel of the hand to
  // the knuckles.
  // Its two sides are the same slab turned about their hinges by the arch.
  const std::pair<std::size_t, glm::mat4> palms[] = {
      {0, glm::mat4(1.0f)}, {kPalmRadial, radial_arch(pose.radial_arch_deg)}, {kPalmUlnar, ulnar_arch(pose.arch_deg)}};
  for (const auto& [index, arch] : palms) {
    HandPart& palm_part = shape.parts[index];
    palm_part.frame = base * arch * palm_origin() * side;
    palm_part.length = 0.070f;
    palm_part.radius = {0.040f, 0.016f};
    palm_part.tip = glm::vec3(palm_part.frame * glm::vec4(0.0f, 0.0f, palm_part.length, 1.0f));
  }
  for (std::size_t f = 0; f < kFingerCount; ++f) place_finger(base, side, pose, f, &shape.parts[hand_part(f, 0)]);
  return shape;
}

std::array<HandPart, 3> pose_finger(const glm::mat4& palm, const FingerPose& pose, Hand hand, std::size_t finger) {
  std::array<HandPart, 3> parts;
  const glm::mat4 side = side_of(hand);
  place_finger(palm * side, side, pose, finger, parts.data());
  return parts;
}

PalmHinge ulnar_hinge() { return kUlnarHinge; }
PalmHinge radial_hinge() { return kRadialHinge; }

std::size_t palm_part_at(Hand hand, float x, float z) {
  const float rig_x = hand == Hand::left ? x : -x;  // the left hand's frame: +X toward the little finger
  if (z < kPalmSideFromZ) return 0;
  if (rig_x > kPalmSideX) return kPalmUlnar;
  if (rig_x < -kPalmSideX) return kPalmRadial;
  return 0;
}

glm::vec3 palm_underside(const HandShape& shape, float x, float z) {
  const HandPart& part = shape.parts[palm_part_at(shape.hand, x, z)];
  return glm::vec3(part.frame * glm::vec4(x, -part.radius.y, z, 1.0f));
}

FingerPose bind_pose() {
  FingerPose p;
  p.spread_deg = 8.0f;
  return p;
}

std::string hand_mesh_name(Hand hand) { return hand == Hand::left ? "hand.left" : "hand.right"; }

std::string joint_name(Hand hand, std::size_t part) {
  const std::string prefix = hand_mesh_name(hand) + ".";
  if (part == kPalmRadial) return prefix + "palm.radial";
  if (part == kPalmUlnar) return prefix + "palm.ulnar";
  if (part == 0 || part >= kHandParts) return prefix + "palm";
  const std::size_t finger = (part - 1) / 3, joint = (part - 1) % 3;
  return prefix + std::string(kFingerNames[finger]) + "." + std::to_string(joint + 1);
}

}  // namespace effleura::technique
