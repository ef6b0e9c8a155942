#pragma once
// The other (right) foot: the massaged leg's own skin below the ankle (content/anatomy, the same
// skin field effleura-forge meshes assets/leg.glb from), mirrored across the body's midline.
// Until session 21 it was three ellipsoids, heel, arch and ball: beside the worked foot in toe
// taps' and ankle pumps' cameras a toeless blob a student saw at once.
#include <filesystem>
#include <memory>

#include "core/error.hpp"
#include "forge/shape.hpp"
#include "forge/tri_mesh.hpp"

namespace effleura::forge {

// The foot's skin is used up to kOtherFootTop; the other leg's shank takes over above
// kOtherFootTop - kOtherFootBlend (forge/client_shapes.cpp right_leg_distance).
inline constexpr float kOtherFootTop = 0.13f, kOtherFootBlend = 0.04f;

struct OtherFoot {
  Field field;  // signed distance in the body frame, negative inside: the mirrored skin
  Box box;      // where that skin lies below kOtherFootTop, mirrored
  std::shared_ptr<const void> keep;  // the description and skin field `field` reads
};

// Loads anatomy_dir (content/anatomy) at the stature of core/frame.hpp and solves the skin's
// thickness at the levels up to the ankle with slices `calibrate_step` apart (the leg's forge
// uses 2 mm). Bad content: the description's own message (file, line, what was expected).
Expected<OtherFoot> mirrored_foot(const std::filesystem::path& anatomy_dir, float calibrate_step);

}  // namespace effleura::forge
