#pragma once
// Body postures and the height of any point of the leg above the venous hydrostatic
// reference (the level where venous pressure equals central venous pressure).
#include <string>
#include <string_view>
#include <vector>

#include <glm/vec3.hpp>

#include "anatomy/vein_network.hpp"
#include "core/error.hpp"

namespace effleura::flow {

// supine: lying flat, leg at heart level. sitting: trunk upright, thigh horizontal, shank
// hanging vertical. standing: upright and still. raised: lying, the straight leg lifted
// 30 degrees at the hip, so the heels sit about 0.4 m above the heart.
enum class Posture { supine, sitting, standing, raised };

inline constexpr double kRaisedLegAngleDeg = 30.0;

std::string_view posture_name(Posture p);
std::vector<std::string> posture_names();
// "supine", "sitting", "standing" or "raised"; the error lists the valid names.
Expected<Posture> parse_posture(std::string_view name);

// Height in metres of `point` (given in the standing frame of core/frame.hpp) above the
// venous hydrostatic reference once the leg is placed in `posture`.
double height_above_reference(const glm::vec3& point, Posture posture,
                              const anatomy::VeinNetworkParams& params);

}  // namespace effleura::flow
