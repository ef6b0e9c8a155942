#pragma once
// Venous valves drawn as two leaflets (cusps) inside the vein: open, they lie against the wall
// pointing downstream (toward the heart), parted; shut, they meet in the middle in a "V" that
// blocks the vein. Drawn larger than life so a student can see them work. Seen from the eye,
// each leaflet is a band in the picture's plane (the valve turned so its two leaflets are side
// by side on screen), as the legend's key draws them: before session 10 they were flat flaps
// across the vein, and open ones seen face-on read as pale patches. Round them the vein wall
// bulges into a sinus, as a real valve's cusps sit in pockets of the wall: a clear glass bulb
// whose rim shows, so the enlarged leaflets' hinges lie in the drawn vein, not outside it.
#include <optional>
#include <vector>

#include <glm/vec3.hpp>

#include "render/trail_geometry.hpp"

namespace effleura::render {

struct ValveView {
  glm::vec3 position{0.0f};
  glm::vec3 downstream{0.0f, 1.0f, 0.0f};  // unit direction of normal flow (toward the heart)
  float radius_m = 0.003f;                 // the vein's radius there (drawn enlarged: radius_for_pixels)
  float wall_radius_m = 0.0f;              // the vein's own radius as drawn there (0: radius_m); the sinus
                                           // narrows to it at both ends
  float open = 1.0f;                       // 0 shut .. 1 fully open
  bool incompetent = false;                // leaky valves are drawn in amber
  // Where the eye is (same frame as `position`): the leaflets part across the line of sight.
  // Unset: across a fixed direction.
  std::optional<glm::vec3> eye;
};

// Appends each valve to `out`: its sinus's far wall, the two double-sided leaflets (6 vertices
// each, nearly opaque), then the sinus's near wall (blended over them). Every quad of the wall is
// two triangles (6 vertices), so the output comes in groups of six; the walls' alpha stays under
// kSinusMaxAlpha and the leaflets' above it.
void append_valves(const std::vector<ValveView>& valves, std::vector<ColouredVertex>& out);

// The sinus wall's distance from the valve's axis `along` metres downstream of the hinges' level
// (negative: upstream): the vein's own radius beyond the sinus, past the leaflets' hinges beside
// them. What append_valves draws, for tests.
[[nodiscard]] float sinus_radius(const ValveView& v, float along);
inline constexpr float kSinusMaxAlpha = 0.6f;

// The radius to draw a valve of `radius_m` with so that its leaflets span at least `px` pixels
// on screen `distance_m` away (`px_per_m_at_1m`: pixels a metre spans one metre from the eye):
// never less than the vein's own.
[[nodiscard]] float radius_for_pixels(float radius_m, float distance_m, float px_per_m_at_1m, float px);
// The smallest a leaflet is drawn, in pixels per 720 lines of picture: at 3.5 times life size
// alone the kiosk's valves scene showed them 9-10 px across at 720p from its distance.
inline constexpr float kValveMinPx = 12.0f;

// The tip of one leaflet for a valve (for tests): where its free edge reaches.
glm::vec3 leaflet_tip(const ValveView& v, int side);

}  // namespace effleura::render
