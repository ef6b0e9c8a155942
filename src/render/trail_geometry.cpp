#include "render/trail_geometry.hpp"

#include <cmath>

#include <glm/geometric.hpp>

namespace effleura::render {
namespace {

constexpr float kHalfWidth = 0.009f;     // ribbon 18 mm wide: thinner than a finger
constexpr float kChevronEvery = 0.035f;  // metres of stroke between arrowheads
constexpr float kChevronSize = 0.016f;

glm::vec3 outward(const glm::vec3& p, glm::vec3 (*axis_at)(float)) {
  glm::vec3 n = p - axis_at(p.y);
  n.y = 0.0f;
  const float len = glm::length(n);
  return len > 1e-6f ? n / len : glm::vec3(0.0f, 0.0f, 1.0f);
}

void quad(std::vector<ColouredVertex>& out, glm::vec3 a0, glm::vec3 a1, glm::vec3 b0, glm::vec3 b1, glm::vec4 ca,
          glm::vec4 cb) {
  out.insert(out.end(), {{a0, ca}, {a1, ca}, {b1, cb}, {a0, ca}, {b1, cb}, {b0, cb}});
}

}  // namespace

void append_trail(const technique::TrailBuffer& trail, double now, std::vector<ColouredVertex>& out,
                  glm::vec3 (*axis_at)(float along)) {
  float since_chevron = 0.0f;
  for (std::size_t i = 1; i < trail.size(); ++i) {
    const auto& p0 = trail.at(i - 1);
    const auto& p1 = trail.at(i);
    const glm::vec3 d = p1.position - p0.position;
    const float len = glm::length(d);
    if (len < 1e-5f || len > 0.08f) continue;  // a still hand, or a jump (lift and re-place)
    const glm::vec3 dir = d / len;
    const glm::vec3 n = outward(p1.position, axis_at);
    glm::vec3 side = glm::cross(dir, n);
    if (glm::length(side) < 1e-5f) continue;
    side = glm::normalize(side) * kHalfWidth;
    const glm::vec3 colour = dir.y > 0.0f ? kTowardHeartColour : kOtherStrokeColour;
    const float f0 = trail.fade(i - 1, now), f1 = trail.fade(i, now);
    quad(out, p0.position - side, p0.position + side, p1.position - side, p1.position + side,
         glm::vec4(colour, 0.55f * f0), glm::vec4(colour, 0.55f * f1));
    since_chevron += len;
    if (since_chevron >= kChevronEvery) {
      since_chevron = 0.0f;
      // An arrowhead standing a little proud of the ribbon, pointing along the stroke.
      const glm::vec3 tip = p1.position + dir * kChevronSize * 0.6f + n * 0.0015f;
      const glm::vec3 back = p1.position - dir * kChevronSize * 0.4f + n * 0.0015f;
      const glm::vec3 s = glm::normalize(side) * kChevronSize * 0.55f;
      const glm::vec4 c(glm::mix(colour, glm::vec3(1.0f), 0.35f), 0.9f * f1);
      out.insert(out.end(), {{tip, c}, {back - s, c}, {back + s, c}});
    }
  }
}

}  // namespace effleura::render
