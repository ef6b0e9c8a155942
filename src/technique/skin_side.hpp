#pragma once
// The skin a hand works on, as the hand fit (hand_fit.hpp) and the measures (hand_contact.hpp)
// ask about it: the leg, with the heel below its lowest section (anatomy::HeelShape) and the
// skin near the ankle turned with the foot as far as it turns in the drawing (the mesh's ankle
// blend, shaders/model.vert); or the sole at the ankle's angle. Plain maths, no GL.
#include <glm/vec3.hpp>

#include "anatomy/leg_surface.hpp"

namespace effleura::technique {

// The leg or the sole at an ankle angle, pushed in by the modelled indentation under the hand.
struct SkinSide {
  const anatomy::LegSurface* surface = nullptr;
  bool sole = false;
  float ankle_deg = 0.0f;  // + dorsiflexion: the foot, and the skin that turns with it
  float indentation_m = 0.0f;
  // How far p lies outside the dented skin (m), negative inside.
  [[nodiscard]] float outside(const glm::vec3& p) const;
  // Whether the surface model says anything about p: everywhere on a leg with a measured heel;
  // without one, down to a little below the leg's lowest section (an extrusion of it there);
  // the sole covers the foot's underside.
  [[nodiscard]] bool covers(const glm::vec3& p) const;
};

// The skin's frame at (along, around) on the leg: below the leg's lowest section on the heel
// (around measured about the heel's own centre, anatomy::HeelShape::centre), and turned with the
// foot by `ankle_deg` as far as the skin there turns, so a hand placed on the heel moves with it.
anatomy::SurfaceFrame leg_skin_frame(const anatomy::LegSurface& surface, float along, float around, float ankle_deg);

}  // namespace effleura::technique
