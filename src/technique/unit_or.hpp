#pragma once
// A direction's unit vector, or `fallback` where the direction is too short to have one: the
// forearm's placing (forearm*.cpp) derives directions from differences of points that can meet.
#include <glm/geometric.hpp>
#include <glm/vec3.hpp>

namespace effleura::technique {

inline glm::vec3 unit_or(const glm::vec3& v, const glm::vec3& fallback) {
  const float l = glm::length(v);
  return l > 1e-5f ? v / l : fallback;
}

}  // namespace effleura::technique
