#pragma once
// Venous valves drawn as two leaflets (cusps) inside the vein: open, they lie against the wall
// pointing downstream (toward the heart); shut, they meet in the middle and block the vein.
// Drawn a little larger than life so a student can see them work.
#include <vector>

#include <glm/vec3.hpp>

#include "render/trail_geometry.hpp"

namespace effleura::render {

struct ValveView {
  glm::vec3 position{0.0f};
  glm::vec3 downstream{0.0f, 1.0f, 0.0f};  // unit direction of normal flow (toward the heart)
  float radius_m = 0.003f;                 // the vein's radius there
  float open = 1.0f;                       // 0 shut .. 1 fully open
  bool incompetent = false;                // leaky valves are drawn in amber
};

// Appends 4 triangles a valve (two double-sided leaflets) to `out`.
void append_valves(const std::vector<ValveView>& valves, std::vector<ColouredVertex>& out);

// The tip of one leaflet for a valve (for tests): where its free edge reaches.
glm::vec3 leaflet_tip(const ValveView& v, int side);

}  // namespace effleura::render
