#pragma once
// Fingers that follow the leg instead of passing into it. A pose's finger angles are written
// for a flat surface; on a narrow ankle or where the leg widens above the hand, straight or
// curled fingers would sink into the skin (seen in renders: fingertips showing through the
// far side of the ankle). For each finger whose flesh would lie inside the skin, the knuckle
// and the two joints beyond it open (extend) just enough to clear it.
#include <glm/mat4x4.hpp>

#include "anatomy/leg_surface.hpp"
#include "core/contact.hpp"
#include "technique/pose.hpp"

namespace effleura::technique {

// How far finger `finger` of a hand at `palm` in `pose` is from sinking into the leg: the least
// clearance (m) between the skin, pushed in by `indentation_m`, and the flesh of its three
// phalanges. Negative: inside. Points above or below the leg surface's range are not counted.
float finger_clearance(const anatomy::LegSurface& surface, const glm::mat4& palm, const FingerPose& pose, Hand hand,
                       std::size_t finger, float indentation_m);

// Opens each finger that would sink in (by up to 60 degrees at the knuckle) until it clears
// the skin; fingers already clear are left exactly as they are.
void fit_fingers(const anatomy::LegSurface& surface, const glm::mat4& palm, Hand hand, float indentation_m,
                 FingerPose& pose);

}  // namespace effleura::technique
