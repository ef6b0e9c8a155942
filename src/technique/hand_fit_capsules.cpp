// The hands as capsules (hand_fit.hpp): each phalanx and the palm as segments with a radius,
// and the least gap between two hands, for the tests and `--hand-report`.
#include <algorithm>
#include <limits>

#include <glm/geometric.hpp>

#include "technique/hand_fit.hpp"

namespace effleura::technique {
namespace {

glm::vec3 closest_on_segment(const glm::vec3& a, const glm::vec3& b, const glm::vec3& p) {
  const glm::vec3 d = b - a;
  const float len2 = glm::dot(d, d);
  const float t = len2 > 0.0f ? std::clamp(glm::dot(p - a, d) / len2, 0.0f, 1.0f) : 0.0f;
  return a + t * d;
}

}  // namespace

HandCapsules hand_capsules(const HandShape& shape) {
  HandCapsules out;
  // The side capsules on the palm's arched sides: the side part's frame carries the same
  // offset across (build_hand gives every palm part the centre's layout).
  const float r = shape.parts[0].radius.y;
  for (std::size_t i = 0; i < kPalmCapsules; ++i) {
    const HandPart& palm = shape.parts[0];
    const float x = (static_cast<float>(i) - 1.0f) * (palm.radius.x - r);
    const HandPart& part = shape.parts[palm_part_at(shape.hand, x, 0.5f * palm.length)];
    const glm::vec3 across(part.frame[0]);
    out[i] = Capsule{glm::vec3(part.frame[3]) + across * x, part.tip + across * x, r};
  }
  for (std::size_t p = 1; p < kFingerPartsEnd; ++p) {
    const HandPart& part = shape.parts[p];
    out[kPalmCapsules + p - 1] = Capsule{glm::vec3(part.frame[3]), part.tip, part.radius.y};
  }
  return out;
}

float capsule_gap(const Capsule& x, const Capsule& y) {
  // Closest points of two segments (Ericson, Real-Time Collision Detection, 5.1.9).
  const glm::vec3 d1 = x.b - x.a, d2 = y.b - y.a, r = x.a - y.a;
  const float a = glm::dot(d1, d1), e = glm::dot(d2, d2), f = glm::dot(d2, r);
  float s = 0.0f, t = 0.0f;
  if (a <= 1e-12f && e <= 1e-12f) {
    // both points
  } else if (a <= 1e-12f) {
    t = std::clamp(f / e, 0.0f, 1.0f);
  } else {
    const float c = glm::dot(d1, r);
    if (e <= 1e-12f) {
      s = std::clamp(-c / a, 0.0f, 1.0f);
    } else {
      const float b = glm::dot(d1, d2);
      const float denom = a * e - b * b;
      s = denom > 1e-12f ? std::clamp((b * f - c * e) / denom, 0.0f, 1.0f) : 0.0f;
      t = (b * s + f) / e;
      if (t < 0.0f) {
        t = 0.0f;
        s = std::clamp(-c / a, 0.0f, 1.0f);
      } else if (t > 1.0f) {
        t = 1.0f;
        s = std::clamp((b - c) / a, 0.0f, 1.0f);
      }
    }
  }
  const glm::vec3 p = x.a + d1 * s;
  const glm::vec3 q = closest_on_segment(y.a, y.b, y.a + d2 * t);
  return glm::length(p - q) - x.radius - y.radius;
}

float hands_gap(const HandCapsules& x, const HandCapsules& y) {
  float least = std::numeric_limits<float>::max();
  for (const Capsule& a : x)
    for (const Capsule& b : y) least = std::min(least, capsule_gap(a, b));
  return least;
}

}  // namespace effleura::technique
