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
// Lying, `knee_flexion_deg` is the massaged knee's bend as the client is drawn: only face down
// does it bend (app/client_stage.hpp; calf squeezes hold it at 30 degrees), the heel rising
// toward the buttock, so a point of the shank rises by what the drawn hinge (anatomy::bend_knee)
// moves it toward the back of the leg: the ankle 0.19 m at 30 degrees, 15 mmHg less column.
// The straight leg keeps its lying heights (front up, prone and supine alike: a few cm). The
// other postures have a knee of their own (sitting 90 degrees, standing and raised straight)
// and ignore it.
double height_above_reference(const glm::vec3& point, Posture posture,
                              const anatomy::VeinNetworkParams& params, double knee_flexion_deg = 0.0);

}  // namespace effleura::flow
