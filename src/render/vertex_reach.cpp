#include "render/vertex_reach.hpp"

#include <algorithm>
#include <cmath>

#include <glm/common.hpp>
#include <glm/geometric.hpp>

namespace effleura::render {

glm::vec4 capsule_bound(const technique::HandCapsules& capsules) {
  glm::vec3 lo(1e30f), hi(-1e30f);
  bool any = false;
  for (const technique::Capsule& c : capsules) {
    if (c.radius <= 0.0f) continue;
    lo = glm::min(lo, glm::min(c.a, c.b));
    hi = glm::max(hi, glm::max(c.a, c.b));
    any = true;
  }
  if (!any) return glm::vec4(0.0f);
  const glm::vec3 centre = 0.5f * (lo + hi);
  float radius = 0.0f;
  // Every point of a segment lies within the farther of its ends from any centre.
  for (const technique::Capsule& c : capsules)
    if (c.radius > 0.0f)
      radius = std::max(radius, std::max(glm::length(c.a - centre), glm::length(c.b - centre)) + c.radius);
  // Rounding in the shader's float distance: a hair more, never less.
  return glm::vec4(centre, radius * 1.001f + 1e-5f);
}

glm::vec4 occluder_reach(std::span<const glm::vec4> occluders) {
  glm::vec3 lo(1e30f), hi(-1e30f);
  bool any = false;
  for (const glm::vec4& o : occluders) {
    if (o.w <= 0.0f) continue;
    lo = glm::min(lo, glm::vec3(o));
    hi = glm::max(hi, glm::vec3(o));
    any = true;
  }
  if (!any) return glm::vec4(0.0f, 0.0f, 0.0f, -1.0f);
  const glm::vec3 centre = 0.5f * (lo + hi);
  float reach = 0.0f;
  for (const glm::vec4& o : occluders)
    if (o.w > 0.0f)
      reach = std::max(reach, glm::length(glm::vec3(o) - centre) + std::sqrt(12.0f * o.w * o.w + 3e-8f));
  return glm::vec4(centre, reach * 1.001f + 1e-5f);
}

TissueReach tissue_reach(const technique::TissueShape& tissue, std::span<const glm::vec4> occluders) {
  TissueReach r;
  for (std::size_t h = 0; h < r.hands.size(); ++h) r.hands[h] = capsule_bound(tissue.hands[h]);
  r.shadow = occluder_reach(occluders);
  for (std::size_t i = 0; i < r.dents.size(); ++i) r.dents[i] = glm::vec4(tissue.dents[i].centre, tissue.dents[i].radius);
  return r;
}

bool tissue_reaches(const TissueReach& reach, const glm::vec3& centre, float radius) {
  const auto gap = [&](const glm::vec4& s) { return glm::length(centre - glm::vec3(s)) - radius - s.w; };
  for (const glm::vec4& hand : reach.hands)
    if (hand.w > 0.0f && gap(hand) < kHandFarM) return true;
  if (reach.shadow.w > 0.0f && gap(reach.shadow) < 0.0f) return true;
  for (const glm::vec4& dent : reach.dents)
    if (dent.w > 0.0f && gap(glm::vec4(glm::vec3(dent), kDentReachRadii * dent.w)) < 0.0f) return true;
  return false;
}

}  // namespace effleura::render
