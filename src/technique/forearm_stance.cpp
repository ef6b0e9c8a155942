#include "technique/forearm_stance.hpp"
#include "technique/unit_or.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include <glm/geometric.hpp>
#include <glm/matrix.hpp>

#include "anatomy/client_pose.hpp"
#include "anatomy/leg_bend.hpp"
#include "anatomy/leg_surface.hpp"
#include "core/smooth_step.hpp"
#include "technique/forearm.hpp"

namespace effleura::technique {
namespace {

// Sitting (the client upright at the table's foot end, the shanks hanging past it), a hand on the
// inner half of the leg is reached from in front of the client, as a therapist kneeling before
// the hanging leg (or standing bent over the thigh) reaches it, not from beside the table on the
// leg's outer side: from there its forearm ran across the front of the leg, the sleeve over the
// worked calf and the hand behind it (compression's calf steps, tapotement's inner hand and its
// crossing over the knee). How far in front grows with how far the palm lies on the inner side
// of the leg's axis (metres: from kInnerFrom, fully kInnerOver further; a calf is ~5 cm round),
// so a hand coming round the front turns its forearm smoothly; the outer hand keeps the side.
// There the forearm rises kFrontRise (technique/forearm_stance.hpp).
constexpr float kInnerFrom = 0.0f;
constexpr float kInnerOver = 0.045f;
// Sitting, a wanted forearm direction's sideways part fades from this much along the fingers (in
// the hand's frame; the wrist's range ends at -0.35) over this much more (sitting_sideways_faded).
constexpr float kSidewaysFadeFrom = -0.5f;
constexpr float kSidewaysFadeOver = 0.6f;

// The palm's lowest place along the straight leg, of the places the bend maps it back to (the
// largest float where it maps to none).
float palm_along_unbent(const glm::mat4& palm, const anatomy::LegBend& bend) {
  float palm_along = std::numeric_limits<float>::max();
  for (const glm::vec3& p : anatomy::unbend_leg(glm::vec3(palm[3]), bend)) palm_along = std::min(palm_along, p.y);
  return palm_along;
}

// 1 for a palm on the leg, 0 for one kBesideFootBelow or more below its lowest section.
float on_leg_share(const anatomy::LegSurface& surface, float palm_along) {
  return 1.0f - std::clamp((surface.min_along() - palm_along) / kBesideFootBelow, 0.0f, 1.0f);
}

}  // namespace

Stance stance_beside_table(const glm::mat4& leg_to_room, float top_y) {
  const glm::mat4 to_leg = glm::inverse(leg_to_room);
  Stance s;
  s.up = unit_or(glm::vec3(to_leg * glm::vec4(0.0f, 1.0f, 0.0f, 0.0f)), glm::vec3(0, 1, 0));
  s.side = unit_or(glm::vec3(1, 0, 0) - s.up * s.up.x, glm::vec3(1, 0, 0));
  s.table_top = glm::dot(s.up, glm::vec3(to_leg * glm::vec4(0.0f, top_y, 0.0f, 1.0f)));
  s.to_room = leg_to_room;
  s.half_length = 0.5f * anatomy::Table::kLength;
  s.half_width = 0.5f * anatomy::Table::kWidth;
  return s;
}

float Stance::over_table(const glm::vec3& p) const {
  const glm::vec3 room(to_room * glm::vec4(p, 1.0f));
  const bool over = std::abs(room.x) < half_length && std::abs(room.z) < half_width;
  return over ? glm::dot(up, p) - table_top : 1.0f;
}

// The place in front of the client lies past the table's foot end (the room's +X), level. The knee
// and hip bends turn about the leg frame's X axis, so a palm's side of the leg (its x against the
// axis's) is the same as drawn and on the straight leg.
SittingFront sitting_front(const std::array<glm::mat4, 2>& palms, const anatomy::LegSurface& surface, const Stance& stance,
                           const anatomy::LegBend& bend) {
  SittingFront front;
  const glm::vec3 room_front(glm::inverse(stance.to_room) * glm::vec4(1.0f, 0.0f, 0.0f, 0.0f));
  front.way = unit_or(room_front - stance.up * glm::dot(room_front, stance.up), front.way);
  for (std::size_t h = 0; h < 2; ++h) {
    const float palm_along = palm_along_unbent(palms[h], bend);
    if (palm_along == std::numeric_limits<float>::max()) continue;
    const float on_leg = on_leg_share(surface, palm_along);
    front.below_leg[h] = 1.0f - on_leg;
    const float axis_x = anatomy::LegSurface::axis(std::clamp(palm_along, surface.min_along(), surface.max_along())).x;
    front.in_front[h] = std::min(stance.in_front, 1.0f) * on_leg *
                        smooth_step(std::clamp((axis_x - palms[h][3].x - kInnerFrom) / kInnerOver, 0.0f, 1.0f));
  }
  return front;
}

// Sitting, the way toward the therapist often lies ahead of the wrist (hands on the hanging
// calf, fingers turned down the leg): within_wrist_range then keeps its sideways part, which
// flips side as the wanted direction passes in front of the fingers, and the elbow swung
// across the wrist in one 20 ms moment (tapotement at 18.82 s, 117 degrees beyond the hand's
// own turn). There the sideways part fades as the wanted direction comes round ahead, so the
// forearm goes up off the back of the hand instead. Sitting, all ten: 278 -> 224 pops, the
// worst 117 -> 53 degrees. (Lying the same rule moved the largest elbow step 199 -> 205 mm for
// one pop less: left out.)
// Not for a hand on the foot (below the leg's lowest section, as drawn before the bend): ankle
// pumps' sole hand, under the hanging sole, then sent its forearm level across under the
// other foot instead of down the outer side.
// Not lying prone with only the knee bent (the hip straight; calf work with the shank raised;
// place_forearms calls this sitting only): there the fade turned the upper calf-squeeze hand's
// forearm, whose fingers wrap round the therapist's side, up and over the leg, its elbow 166 mm
// beyond its wrist away from the therapist at 30-60 degrees; kept, the sideways part takes it
// toward the therapist (39-48 mm; technique_forearm_knee_test).
glm::vec3 sitting_sideways_faded(glm::vec3 wanted, const glm::mat4& palm, const anatomy::LegSurface& surface,
                                 const anatomy::LegBend& bend, float in_front) {
  if (!(wanted.z > kSidewaysFadeFrom)) return wanted;  // (as written, a direction that is not a number is left)
  const float on_leg = on_leg_share(surface, palm_along_unbent(palm, bend));
  // From in front of the client the sideways way is the point: an inner hand on the calf's side,
  // fingers down the leg, has its way to the front sideways (kept, the forearm goes there, not
  // up off the back of the hand).
  wanted.x *= 1.0f - on_leg * (1.0f - in_front) *
                         smooth_step(std::min((wanted.z - kSidewaysFadeFrom) / kSidewaysFadeOver, 1.0f));
  return wanted;
}

}  // namespace effleura::technique
