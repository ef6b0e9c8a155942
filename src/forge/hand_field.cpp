#include "forge/hand_field.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include <glm/geometric.hpp>
#include <glm/vec2.hpp>
#include <glm/matrix.hpp>

namespace effleura::forge {
namespace {

using technique::hand_part;

float smoothstep(float e0, float e1, float x) {
  const float t = std::clamp((x - e0) / (e1 - e0), 0.0f, 1.0f);
  return t * t * (3.0f - 2.0f * t);
}

// Melting distances (m): the palm's pads into each other, a finger's phalanges into each
// other, a finger into the palm (the web between the fingers).
constexpr float kPalmBlend = 0.010f;
constexpr float kJointBlend = 0.003f;
constexpr float kWebBlend = 0.007f;

// The palm: a rounded slab from the heel to the knuckles, narrower at the heel, its back
// arched across.
float palm_slab(const glm::vec3& p) {
  const glm::vec3 centre(-0.001f, 0.0150f, 0.009f), half(0.039f, 0.0130f, 0.043f);
  constexpr float round = 0.009f;
  glm::vec3 q = p - centre;
  const float toward_heel = std::clamp(-q.z / half.z, 0.0f, 1.0f);
  q.x *= 1.0f + 0.16f * toward_heel;
  q.y += 0.005f * (q.x / half.x) * (q.x / half.x) * smoothstep(-0.004f, 0.004f, q.y);
  const glm::vec3 b = half - glm::vec3(round);
  const glm::vec3 o = glm::abs(q) - b;
  return glm::length(glm::max(o, glm::vec3(0.0f))) + std::min(std::max({o.x, o.y, o.z}), 0.0f) - round;
}

// Distance along a finger's axis (its phalanges are colinear at the bind pose) and away from it.
struct AxisPoint {
  float along = 0.0f;
  float away = 0.0f;
};

AxisPoint on_axis(const technique::HandPart& first, const glm::vec3& p) {
  const glm::vec3 origin(first.frame[3]), dir(first.frame[2]);
  const glm::vec3 d = p - origin;
  const float along = glm::dot(d, dir);
  return {along, glm::length(d - dir * along)};
}

// How far p lies beyond a hinge of the palm's arch (technique/hand_rig.hpp) in the palm's
// plane, toward the side it turns (m): the ulnar side lies toward +X, the radial toward -X.
float beyond_hinge(const technique::PalmHinge& h, float side, const glm::vec3& p) {
  const glm::vec2 d = glm::normalize(glm::vec2(h.to.x - h.from.x, h.to.z - h.from.z));
  const glm::vec2 q(p.x - h.from.x, p.z - h.from.z);
  // (d.y, -d.x) is the normal toward +X of a hinge running toward +Z.
  return side * (q.x * d.y - q.y * d.x);
}

}  // namespace

HandField::HandField() : bind_(technique::build_hand(glm::mat4(1.0f), technique::bind_pose(), Hand::left)) {
  // The pads of the palm (left hand, palm frame: +Y back of the hand, +Z toward the fingers,
  // thumb at -X). Sizes from adult hand anthropometry, rounded.
  auto pad = [&](glm::vec3 c, glm::vec3 r, float yaw_deg) { palm_.push_back({c, r, {0.0f, yaw_deg, 0.0f}}); };
  pad({-0.020f, 0.0095f, -0.004f}, {0.0155f, 0.0115f, 0.027f}, -24.0f);  // thenar eminence (thumb ball)
  pad({0.024f, 0.0095f, -0.008f}, {0.0125f, 0.0105f, 0.029f}, 4.0f);     // hypothenar eminence
  pad({0.001f, 0.0110f, -0.027f}, {0.029f, 0.0115f, 0.016f}, 0.0f);      // heel of the hand
  pad({-0.002f, 0.0090f, 0.041f}, {0.035f, 0.0085f, 0.011f}, 0.0f);      // pad under the knuckles
  for (std::size_t f = 1; f < technique::kFingerCount; ++f) {
    // Knuckles (metacarpal heads) standing out on the back of the hand.
    const glm::vec3 k(bind_.parts[hand_part(f, 0)].frame[3]);
    pad(k + glm::vec3(0.0f, 0.0065f, -0.004f), glm::vec3(0.0085f, 0.0075f, 0.010f), 0.0f);
  }
  // A short wrist, so the hand does not end in a cut. It rises away from the heel of the hand,
  // as a wrist does when the palm rests flat: the heel is what touches.
  wrist_.push_back({{{{0.0f, 0.0175f, -0.026f}, 0.023f}, {{0.0f, 0.0235f, -0.056f}, 0.019f}}, {}});

  for (std::size_t f = 0; f < technique::kFingerCount; ++f)
    for (std::size_t j = 0; j < 3; ++j) {
      const technique::HandPart& part = bind_.parts[hand_part(f, j)];
      Segment& s = fingers_[f][j];
      s.to_local = glm::inverse(part.frame);
      s.length = part.length;
      // A little slimmer than the rig's nominal radii, so neighbouring fingers stay apart.
      s.r0 = part.radius.x * 0.93f;
      s.r1 = j < 2 ? bind_.parts[hand_part(f, j + 1)].radius.x * 0.93f : s.r0 * 0.80f;
      s.flatten = 0.86f;
    }
  // The thumb's metacarpal lies inside the thumb ball: fuller, and rounder in section.
  fingers_[0][0].r0 = 0.0125f;
  fingers_[0][0].flatten = 0.95f;
  for (auto& finger : fingers_)
    for (Segment& s : finger) s.chain = Chain{{{{0.0f, 0.0f, 0.0f}, s.r0}, {{0.0f, 0.0f, s.length}, s.r1}}, {}};
}

float HandField::palm_distance(const glm::vec3& p) const {
  float d = palm_slab(p);
  for (const auto& e : palm_) d = smooth_min(d, ellipsoid_distance(e, p), kPalmBlend);
  for (const auto& c : wrist_) {
    // The wrist is flatter than it is wide: squash its section.
    glm::vec3 q = p;
    q.y = 0.0175f + (q.y - 0.0175f) / 0.72f;
    d = smooth_min(d, chain_distance(c, q) * 0.8f, kPalmBlend);
  }
  return d;
}

float HandField::finger_distance(std::size_t f, const glm::vec3& p) const {
  float d = std::numeric_limits<float>::max();
  for (const Segment& s : fingers_[f]) {
    glm::vec3 q(s.to_local * glm::vec4(p, 1.0f));
    q.y /= s.flatten;  // the finger is flatter palm-to-back than across
    d = smooth_min(d, chain_distance(s.chain, q) * s.flatten, kJointBlend);
  }
  return d;
}

float HandField::operator()(const glm::vec3& p) const {
  float d = palm_distance(p);
  for (std::size_t f = 0; f < technique::kFingerCount; ++f) d = smooth_min(d, finger_distance(f, p), kWebBlend);
  return d;
}

Box HandField::bounds() const {
  Box b{glm::vec3(-0.045f, -0.005f, -0.085f), glm::vec3(0.045f, 0.035f, 0.06f)};
  for (const auto& part : bind_.parts) {
    b.grow(glm::vec3(part.frame[3]), 0.02f);
    b.grow(part.tip, 0.02f);
  }
  return b;
}

JointWeights HandField::weights(const glm::vec3& p) const {
  // Each finger on its own: a smooth hand-over from the palm to the first phalanx and from
  // each phalanx to the next, centred on the joint and a little narrower than the finger is
  // thick; and how strongly the point belongs to the finger at all (near its axis fully,
  // fading out into the palm and the web).
  struct Claim {
    float distance;                  // to the finger's surface
    std::array<float, 4> chain;      // palm, phalanx 1, 2, 3
    float share;                     // 0..1, how much the finger rather than the palm holds p
  };
  std::array<Claim, technique::kFingerCount> claims{};
  for (std::size_t f = 0; f < technique::kFingerCount; ++f) {
    const auto& parts = bind_.parts;
    const technique::HandPart& first = parts[hand_part(f, 0)];
    const AxisPoint a = on_axis(first, p);
    const float l0 = first.length, l1 = parts[hand_part(f, 1)].length, l2 = parts[hand_part(f, 2)].length;
    const float total = l0 + l1 + l2;
    const float clamped = std::clamp(a.along, 0.0f, total);
    const float r = first.radius.x * (1.0f - 0.25f * clamped / total);
    const float beyond = a.along - clamped;
    const float distance = std::sqrt(a.away * a.away + beyond * beyond) - r;
    const bool thumb = f == 0;
    const float w0 = thumb ? 0.012f : 0.7f * first.radius.x;
    const float w1 = 0.6f * parts[hand_part(f, 1)].radius.x, w2 = 0.6f * parts[hand_part(f, 2)].radius.x;
    const float t0 = smoothstep(-w0, w0, a.along);
    const float t1 = smoothstep(l0 - w1, l0 + w1, a.along);
    const float t2 = smoothstep(l0 + l1 - w2, l0 + l1 + w2, a.along);
    const float share = 1.0f - (thumb ? smoothstep(0.004f, 0.016f, distance) : smoothstep(0.002f, 0.008f, distance));
    claims[f] = {distance, {1.0f - t0, t0 - t1, t1 - t2, t2}, share};
  }
  // The two nearest fingers share the point (the web between them bends with both).
  std::array<std::size_t, technique::kFingerCount> order{0, 1, 2, 3, 4};
  std::stable_sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) { return claims[x].distance < claims[y].distance; });
  const std::size_t fa = order[0], fb = order[1];
  const float beta = 0.5f + 0.5f * smoothstep(0.0f, 0.003f, claims[fb].distance - claims[fa].distance);
  std::array<float, technique::kHandParts> w{};
  float palm = 1.0f;
  for (const auto& [f, k] : {std::pair{fa, beta}, std::pair{fb, 1.0f - beta}}) {
    const float s = k * claims[f].share;
    palm -= s;
    w[0] += s * claims[f].chain[0];
    for (std::size_t j = 0; j < 3; ++j) w[hand_part(f, j)] += s * claims[f].chain[j + 1];
  }
  w[0] += palm;
  // The palm's share goes to its arching sides beyond their hinges (technique/hand_rig.cpp),
  // over a band ~1 cm wide so that the skin over the hinge bends rather than creases, and not
  // the heel of the hand (the carpus does not arch). The radial side takes only the knuckle
  // end: the thumb's ball belongs to the thumb, not the index's metacarpal.
  const float ulnar = smoothstep(-0.004f, 0.006f, beyond_hinge(technique::ulnar_hinge(), 1.0f, p)) *
                      smoothstep(-0.026f, -0.010f, p.z);
  const float radial = smoothstep(-0.004f, 0.006f, beyond_hinge(technique::radial_hinge(), -1.0f, p)) * smoothstep(0.0f, 0.022f, p.z);
  w[technique::kPalmUlnar] = w[0] * ulnar;
  w[technique::kPalmRadial] = w[0] * radial;
  w[0] *= 1.0f - ulnar - radial;

  // Keep the four strongest, then quantise to 1/1024 so that they sum to exactly 1 in float.
  std::array<std::size_t, technique::kHandParts> idx{};
  for (std::size_t i = 0; i < idx.size(); ++i) idx[i] = i;
  std::stable_sort(idx.begin(), idx.end(), [&](std::size_t x, std::size_t y) { return w[x] > w[y]; });
  const float kept = w[idx[0]] + w[idx[1]] + w[idx[2]] + w[idx[3]];
  std::array<int, 4> q{};
  int sum = 0;
  for (std::size_t i = 1; i < 4; ++i) {
    q[i] = static_cast<int>(std::lround(1024.0f * w[idx[i]] / kept));
    sum += q[i];
  }
  q[0] = 1024 - sum;
  JointWeights out;
  for (std::size_t i = 0; i < 4; ++i) {
    // Unused slots point at the palm with no weight.
    out.joints[i] = q[i] > 0 ? static_cast<std::uint8_t>(idx[i]) : 0;
    out.weights[static_cast<glm::length_t>(i)] = static_cast<float>(q[i]) / 1024.0f;
  }
  return out;
}

}  // namespace effleura::forge
