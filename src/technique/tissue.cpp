#include "technique/tissue.hpp"

#include <algorithm>
#include <cmath>

#include <glm/geometric.hpp>

#include "core/smooth_step.hpp"

namespace effleura::technique {
namespace {

// How far back the refill looks, and in what steps: 6 x 0.15 s leaves exp(-1.8) ~ 17 % of a
// dent released 0.9 s ago, which is where it is dropped.
constexpr int kRefillSamples = 6;
constexpr double kRefillStep = 0.15;
// The fold forms only between hands close enough to gather the tissue between them.
constexpr float kFoldMaxSpan = 0.25f;
constexpr float kFoldMinRadius = 0.03f, kFoldMaxRadius = 0.09f;

// The dent a hand presses now: centred on the undisturbed skin over the middle of the palm.
TissueDent hand_dent(const HandState& hand) {
  TissueDent d;
  if (hand.indentation_m <= 0.0f) return d;
  const glm::vec3 palm(hand.transform[3]), normal(hand.transform[1]);
  d.centre = palm + normal * hand.indentation_m;
  d.radius = hand.pose.contact_radius_m;
  d.depth = hand.indentation_m;
  d.axis = normal;
  return d;
}

}  // namespace

float tissue_profile(float r) {
  const float k = (r - 1.1f) / 0.3f;
  return std::exp(-2.0f * r * r) - 0.43f * std::exp(-k * k);
}

TissueShape tissue_shape(const Timeline& timeline, const TechniqueFrame& frame, const anatomy::LegSurface& surface) {
  TissueShape shape{};
  auto& dents = shape.dents;
  for (std::size_t h = 0; h < 2; ++h) {
    const HandState& hand = frame.hands[h];
    dents[h] = hand_dent(hand);
    const HandShape hs = build_hand(hand.transform, hand.pose, hand.hand);
    shape.hands[h] = hand_capsules(hs);
    // The palm's underside is flat out to 0.8 of its half-width (hand_contact.cpp measures it
    // there): its side capsules move out to that line, so the skin clears the whole underside.
    const HandPart& palm = hs.parts[0];
    const glm::vec3 across(palm.frame[0]);
    for (std::size_t i : {std::size_t{0}, kPalmCapsules - 1}) {
      const float x = (static_cast<float>(i) - 1.0f) * 0.8f * palm.radius.x;
      shape.hands[h][i] = Capsule{glm::vec3(palm.frame[3]) + across * x, palm.tip + across * x, palm.radius.y};
    }
    const float sag = std::clamp(hand.pose.skin_sag, 0.0f, 1.0f);
    shape.rim[h] = (kRimShare + (kSagRimShare - kRimShare) * sag) * hand.indentation_m;
    shape.sag[h] = sag * hand.indentation_m;
  }
  // The refill: a dent pressed a moment ago, filled by exp(-age / kRefillSeconds), stays
  // where it was pressed if it is still deeper than the dent the hand presses now. So the
  // hand is never inside the skin it pressed (the dent is at least as deep as the hand now
  // presses), and the skin follows it back out more slowly than it lifts.
  TechniqueFrame past;
  for (int k = 1; k <= kRefillSamples; ++k) {
    const double t = frame.time - kRefillStep * k;
    if (t < 0.0) break;
    timeline.evaluate(t, past);
    const float fill = std::exp(-static_cast<float>(kRefillStep * k) / kRefillSeconds);
    for (std::size_t h = 0; h < 2; ++h) {
      TissueDent d = hand_dent(past.hands[h]);
      d.depth *= fill;
      if (d.depth > dents[h].depth + 1e-5f) dents[h] = d;
    }
  }
  // The fold: both hands gripping with a lift gather the tissue between them (the fold's
  // drawn-in ring falls under the hands, whose grip pulls the skin toward the fold).
  const HandState& a = frame.hands[0];
  const HandState& b = frame.hands[1];
  const float lift = 0.5f * (a.tissue_lift_m + b.tissue_lift_m);
  if (a.contact && b.contact && !a.on_sole && !b.on_sole && lift > 0.0f) {
    const glm::vec3 pa = glm::vec3(a.transform[3]) + glm::vec3(a.transform[1]) * a.indentation_m;
    const glm::vec3 pb = glm::vec3(b.transform[3]) + glm::vec3(b.transform[1]) * b.indentation_m;
    const float span = glm::length(pa - pb);
    if (span < kFoldMaxSpan) {
      const float around = std::atan2(std::sin(a.around) + std::sin(b.around), std::cos(a.around) + std::cos(b.around));
      const anatomy::SurfaceFrame f = surface.frame(0.5f * (a.along + b.along), around);
      dents[2] = {f.position, std::clamp(0.5f * span, kFoldMinRadius, kFoldMaxRadius), -lift, f.normal};
    }
  }
  return shape;
}

namespace {

// How far the skin at q must move inward along n to clear a capsule: where the line q - n s
// leaves the capsule (h: q's height over its axis along n, l: the rest of the offset); beside
// it, how far its lowest flesh lies below q less the distance out from its edge (continuous
// at the edge, so a skirt forms round the flesh). Negative: the capsule is above the skin.
float capsule_reach(const Capsule& c, const glm::vec3& q, const glm::vec3& n, float* gap) {
  const glm::vec3 ab = c.b - c.a;
  const float len2 = glm::dot(ab, ab);
  const float t = len2 > 1e-12f ? std::clamp(glm::dot(q - c.a, ab) / len2, 0.0f, 1.0f) : 0.0f;
  const glm::vec3 off = q - c.a - ab * t;
  *gap = glm::length(off) - c.radius;
  const float h = glm::dot(off, n);
  const float l = std::sqrt(std::max(glm::dot(off, off) - h * h, 0.0f));
  return l < c.radius ? h + std::sqrt(c.radius * c.radius - l * l) : h - (l - c.radius);
}

}  // namespace

float skin_displacement(const TissueShape& shape, const glm::vec3& p, const glm::vec3& n) {
  // Pushed in by the flesh: at least as far as the flesh reaches below the skin, with a soft
  // skirt of kSkirtM round it (the skin at the flesh's edge is drawn down with it).
  float push = 0.0f, rim = 0.0f, nearest = 1e9f;
  for (std::size_t h = 0; h < 2; ++h) {
    float near_h = 1e9f;
    for (const Capsule& c : shape.hands[h]) {
      if (c.radius <= 0.0f) continue;
      float u = 0.0f;
      const float x = capsule_reach(c, p, n, &u);
      near_h = std::min(near_h, u);
      // Only flesh within reach of this skin point (across a slim ankle the other hand's
      // fingers lie "below" the skin on the far side).
      if (u > kReachM) continue;
      const float soft = x >= kSkirtM ? x : (x <= -kSkirtM ? 0.0f : (x + kSkirtM) * (x + kSkirtM) / (4.0f * kSkirtM));
      push = std::max(push, soft * std::clamp((kReachM - u) / kSkirtM, 0.0f, 1.0f));
    }
    // The skin beside a flat press drawn down with it.
    const float u = std::max(near_h, 0.0f) / kSagM;
    push = std::max(push, shape.sag[h] * std::exp(-u * u));
    const float k = (near_h - kRimOutM) / kRimWidthM;
    rim += shape.rim[h] * std::exp(-k * k);
    nearest = std::min(nearest, near_h);
  }
  push = std::min(push, kMaxPushM);
  // The dents pressed a moment ago, refilling.
  float inward = push;
  for (std::size_t i = 0; i < 2; ++i) {
    const TissueDent& d = shape.dents[i];
    if (d.radius <= 0.0f) continue;
    const float r = glm::length(p - d.centre) / d.radius;
    // Only the side facing the dent: across a slim ankle the far side lies within reach.
    const float facing = std::clamp(2.0f * glm::dot(n, d.axis) + 1.0f, 0.0f, 1.0f);
    inward = std::max(inward, d.depth * facing * std::exp(-2.0f * r * r));
  }
  // Nothing is raised into a hand: the rim and the fold fade out within 4-12 mm of flesh.
  const float clear = smooth_step(0.004f, 0.012f, nearest);
  inward -= rim * clear;
  const TissueDent& fold = shape.dents[2];
  if (fold.radius > 0.0f) {
    const float r = glm::length(p - fold.centre) / fold.radius;
    const float facing = std::clamp(2.0f * glm::dot(n, fold.axis) + 1.0f, 0.0f, 1.0f);
    const float f = fold.depth * facing * tissue_profile(r);
    inward += f < 0.0f ? f * clear : f;
  }
  return inward;
}

}  // namespace effleura::technique
