#pragma once
// Body postures and the height of any point of the leg above the venous hydrostatic
// reference (the level where venous pressure equals central venous pressure).
#include <string>
#include <string_view>
#include <vector>

#include <glm/mat4x4.hpp>
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

// Lying, which way is up in the leg's own frame (core/frame.hpp: +Z anterior): face up, the
// front of the leg toward the ceiling (supine, the default), or face down (prone); a client
// rolling over between the two has an up between them.
inline constexpr glm::vec3 kFaceUp{0.0f, 0.0f, 1.0f};
inline constexpr glm::vec3 kFaceDown{0.0f, 0.0f, -1.0f};
// The up of a leg placed in the room by `leg_to_room` (anatomy::ClientPose::left_leg; the room's
// +Y is up), in the leg's frame: what the drawn client's lying leg gives the flow model.
glm::vec3 lying_up(const glm::mat4& leg_to_room);

// Height in metres of `point` (given in the standing frame of core/frame.hpp) above the
// venous hydrostatic reference once the leg is placed in `posture`.
// Lying (Posture::supine, face up or down), the height is how far the point lies from the hip
// centre along `lying_up`, the leg at heart level: the front of the leg is up face up, the back
// face down (until session 23 a prone leg kept the front-up heights, its veins a few cm off).
// `knee_flexion_deg` is the massaged knee's bend as the client is drawn: only face down does it
// bend (app/client_stage.hpp; calf squeezes hold it at 30 degrees), the heel rising toward the
// buttock, and a point of the shank moves as the drawn hinge (anatomy::bend_knee) moves it: the
// ankle 0.19 m up at 30 degrees, 15 mmHg less column. The other postures have a knee of their
// own (sitting 90 degrees, standing and raised straight) and ignore both.
double height_above_reference(const glm::vec3& point, Posture posture, const anatomy::VeinNetworkParams& params,
                              double knee_flexion_deg = 0.0, const glm::vec3& lying_up = kFaceUp);

}  // namespace effleura::flow
