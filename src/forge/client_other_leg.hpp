#pragma once
// The other (right) leg: the massaged leg's own skin (content/anatomy, the same skin field
// effleura-forge meshes assets/leg.glb from), mirrored across the body's midline, from the toes
// up the thigh; at the top of the thigh it passes into the client's own smooth thigh
// (forge/client_shapes.cpp right_leg_shape), which the hip drape and the walking fold are shaped
// round. Session 21 gave it the worked foot only: above the ankle it stayed a tube of cones,
// without a kneecap or a calf, beside the worked leg in every camera that shows both.
#include <filesystem>
#include <memory>

#include "core/error.hpp"
#include "forge/shape.hpp"
#include "forge/tri_mesh.hpp"

namespace effleura::forge {

// The mirrored skin is used up to kOtherSkinTop; the client's own thigh takes over above
// kOtherSkinTop - kOtherSkinBlend (right_leg_distance). Below 0.72 m every girth the content
// solves (ankle, calf, above the knee) is the worked leg's; above 0.80 m the thigh is the one
// the hip drape covers (its hem 0.84 m beside the midline) and that folds with the hip walking.
inline constexpr float kOtherSkinTop = 0.80f, kOtherSkinBlend = 0.08f;

struct OtherLeg {
  Field field;  // signed distance in the body frame, negative inside: the mirrored skin
  Box box;      // where that skin lies below kOtherSkinTop, mirrored
  std::shared_ptr<const void> keep;  // the description and skin field `field` reads
};

// Loads anatomy_dir (content/anatomy) at the stature of core/frame.hpp and solves the skin's
// thickness at every level with slices `calibrate_step` apart (the leg's forge uses 2 mm, and
// so gets the same field). Bad content: the description's own message (file, line, what was
// expected).
Expected<OtherLeg> mirrored_leg(const std::filesystem::path& anatomy_dir, float calibrate_step);

// The other leg: below kOtherSkinTop - kOtherSkinBlend the mirrored skin, above kOtherSkinTop
// `thigh` (the client's smooth leg), over kOtherSkinBlend between them the two distances mixed
// (a smoothstep in height), so the thigh passes from one into the other without a step.
float right_leg_distance(const Shape& thigh, const OtherLeg& leg, const glm::vec3& p);

// How much a point of the other leg turns with its foot: the leg's own rule (forge/leg_forge.cpp
// ankle_blend with content/anatomy/skin.toml's 0.05 and 0.12 m), about that leg's ankle, so
// walking its foot dorsiflexes in swing and pushes off as the massaged one does.
float right_ankle_blend(const glm::vec3& p);

}  // namespace effleura::forge
