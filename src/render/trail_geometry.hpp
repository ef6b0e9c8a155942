#pragma once
// Turns a hand's recent contact points into a ribbon lying on the skin, fading with age, with
// chevrons every few centimetres pointing the way the stroke went. Strokes toward the heart
// (upward) are drawn in the highlight's cyan, others in amber, so "which way" reads at a glance.
#include <vector>

#include <glm/vec3.hpp>
#include <glm/vec4.hpp>

#include "technique/trail.hpp"

namespace effleura::render {

struct ColouredVertex {
  glm::vec3 position;
  glm::vec4 colour;  // straight (not premultiplied) alpha
};

// Appends triangles (3 vertices each) to `out`. `axis_at(y)` gives the leg's axis at a height
// so the ribbon can lie flat on the skin (its normal points away from the axis).
void append_trail(const technique::TrailBuffer& trail, double now, std::vector<ColouredVertex>& out,
                  glm::vec3 (*axis_at)(float along));

inline constexpr glm::vec3 kTowardHeartColour{0.16f, 0.85f, 0.95f};
inline constexpr glm::vec3 kOtherStrokeColour{0.98f, 0.70f, 0.22f};

}  // namespace effleura::render
