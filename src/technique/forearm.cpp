#include "technique/forearm.hpp"
#include "technique/unit_or.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include <glm/ext/matrix_transform.hpp>
#include <glm/geometric.hpp>
#include <glm/matrix.hpp>
#include <glm/trigonometric.hpp>

#include "core/smooth_step.hpp"
#include "anatomy/leg_bend.hpp"
#include "anatomy/leg_surface.hpp"
#include "anatomy/client_pose.hpp"
#include "technique/forearm_apart.hpp"
#include "technique/forearm_clear.hpp"
#include "technique/forearm_stance.hpp"
#include "technique/forearm_turn.hpp"
#include "technique/timeline.hpp"

namespace effleura::technique {
namespace {

glm::mat4 side_of(Hand hand) {
  return hand == Hand::right ? glm::scale(glm::mat4(1.0f), glm::vec3(-1.0f, 1.0f, 1.0f)) : glm::mat4(1.0f);
}

// The frame whose -Z runs along `dir_local` (in the hand's own, possibly mirrored, frame),
// keeping the back of the forearm on the side of the back of the hand.
glm::mat4 frame_along(const glm::mat4& palm, Hand hand, const glm::vec3& dir_local) {
  const glm::vec3 z = -dir_local;
  const glm::vec3 y = unit_or(glm::vec3(0, 1, 0) - z * z.y, glm::vec3(0, 0, 1));
  const glm::vec3 x = glm::cross(y, z);
  glm::mat4 r(1.0f);
  r[0] = glm::vec4(x, 0.0f);
  r[1] = glm::vec4(y, 0.0f);
  r[2] = glm::vec4(z, 0.0f);
  const glm::mat4 side = side_of(hand);
  return palm * side * glm::translate(glm::mat4(1.0f), kWristInPalm) * r * side;
}

// Limits in the hand's frame: the elbow above the palm's plane (the forearm rises off the
// skin; a wrist bent back past ~70 degrees would hurt) and behind the wrist (it trails).
// A hand whose back points down the standing leg (out of the sole) works on the sole: from
// this much (cosine) the therapist's stance turns toward the foot end, fully from the second.
constexpr float kSoleBackFrom = 0.6f;
constexpr float kSoleBackFull = 0.75f;
// How far toward the leg's open side a therapist at the foot end stands (17 degrees off the leg's
// line from the foot).
constexpr float kSoleOpenSide = 0.3f;

// A hand on the leg beside one on the foot (its palm kBesideFootBelow below the leg's lowest
// section, fully: technique/forearm_stance.hpp) takes its forearm from the foot end turned this
// much toward the open side (35 degrees off the leg's line). At 27 degrees (0.5) toe taps' camera, beyond the toes, saw the
// heel hand's sleeve nearly end-on, a stub beside the heel (side-on 0.33, camera_step_view_test);
// now 0.43. Further round it hides ankle pumps' heel palm (0.75: both seen in step 2 1.00 ->
// 0.96, --hand-report) and from 0.9 (0.51) their view search turns to another camera.
constexpr float kHeelOpenSide = 0.7f;

// `v` (a forearm's direction in a turned hand's frame, unit) within the wrist's range for the turn
// it takes (technique/forearm_turn.hpp), each limit widened to `own` (the direction in the hand's
// frame before the turn) where that lies beyond it, so a hand turned a little keeps its forearm
// where it was. Flexion and extension are the angle toward the palm (-Y) or the back (+Y), and
// deviation toward the thumb (-X in the frame mirrored for the right hand) or the little finger,
// both measured off the straight wrist (-Z).
glm::vec3 within_turn_range(const glm::vec3& v, const glm::vec3& own) {
  const float ext_own = std::atan2(own.y, -own.z), dev_own = std::atan2(own.x, -own.z);
  const float ext = std::atan2(v.y, -v.z), dev = std::atan2(v.x, -v.z);
  const float ext_c = std::clamp(ext, std::min(-glm::radians(kWristFlexionDeg), ext_own),
                                 std::max(glm::radians(kWristExtensionDeg), ext_own));
  const float dev_c = std::clamp(dev, std::min(-glm::radians(kWristRadialDeg), dev_own),
                                 std::max(glm::radians(kWristUlnarDeg), dev_own));
  if (ext_c == ext && dev_c == dev) return v;
  return glm::normalize(glm::vec3(std::tan(dev_c), std::tan(ext_c), -1.0f));
}

}  // namespace

std::string forearm_joint_name(Hand hand) { return hand == Hand::left ? "hand.left.forearm" : "hand.right.forearm"; }
std::string forearm_mesh_name(Hand hand) { return hand == Hand::left ? "forearm.left" : "forearm.right"; }
std::string sleeve_mesh_name(Hand hand) { return hand == Hand::left ? "sleeve.left" : "sleeve.right"; }

std::array<Capsule, 2> forearm_capsules(const Forearm& arm) {
  const glm::vec3 cuff = arm.wrist + (arm.elbow - arm.wrist) * (kCuffFromWrist / kForearmLength);
  return {Capsule{arm.wrist, cuff, kBareForearmRadius}, Capsule{cuff, arm.elbow, kSleeveRadius}};
}

float forearms_gap(const std::array<Forearm, 2>& arms) {
  float least = std::numeric_limits<float>::max();
  for (const Capsule& a : forearm_capsules(arms[0]))
    for (const Capsule& b : forearm_capsules(arms[1])) least = std::min(least, capsule_gap(a, b));
  return least;
}

glm::mat4 forearm_bind(Hand hand) { return frame_along(glm::mat4(1.0f), hand, glm::vec3(0, 0, -1)); }

// A hand on its finger pads keeps its wrist about straight: the forearm may run down to 6
// degrees below the back of the hand's plane (a flat palm's rises at least 17 degrees off it).
// Friction's circles: at 0.0 the upper hand's forearm still swung 16 degrees with each circle;
// at -0.3 the two sleeves met beside the Achilles tendon.
constexpr float kPadsLeastY = -0.1f;
// Sitting, a hand cupping the heel worked from in front lets its forearm down to this much off the
// back of the hand (toward the palm: the wrist flexed; place_forearms' heel_front).
constexpr float kHeelFrontLeastY = -0.7f;
// Lying, a hand's back turned away from the therapist by more than kAwayFrom (the cosine of its
// way to the therapist, negated), fully kAwayOver further, lets its forearm down to kAwayLeastY
// off the back of the hand (place_forearms' least_y_of).
constexpr float kAwayFrom = 0.1f;
constexpr float kAwayOver = 0.8f;
constexpr float kAwayLeastY = 0.0f;
// Lying, a hand on its finger pads whose back is turned away from the therapist (as above, by
// kAwayFrom, fully kAwayOver further) lets its forearm down to this much off the back of the hand:
// the wrist flexes a little, as a therapist's does reaching round to the far side on the
// fingertips. Friction's right hand face down (12.28 s, its pads on the front of the ankle, the
// back of the hand away from the therapist: back . side -0.85), held to kPadsLeastY, stood its
// forearm 57.1 degrees over level (technique_forearm_rise_test); now 43.9 (at -0.5: 32.6). Not
// for every pads hand: at -0.3 for all (kPadsLeastY) the two sleeves met beside the Achilles
// tendon, where the left hand's back faces the therapist.
constexpr float kPadsAwayLeastY = -0.3f;
// Face up and on the thigh only (the wrist from kAwayThighFrom up the leg, fully kAwayThighOver
// above): on the inner shin effleurage's left hand rolls its back away and back within 0.1 s
// (24.5 s), and a forearm let down there swung with it (lying pops 0 -> 4, worst 9 -> 25
// degrees); face down cross-fibre's far hand rose 64.6 -> 66.5 (the far-side trail, below, is
// its rule there).
constexpr float kAwayThighFrom = 0.50f;
constexpr float kAwayThighOver = 0.06f;
// The wrist of a hand on its pads over the leg's axis along the room's up (the calf's radius
// and the raised hand, about 9 cm): the height its forearm's rise is measured from.
constexpr float kPadsWristOverAxis = 0.09f;
// A pads hand's forearm trails its fingers by this much of its level run toward the therapist
// (a flat hand's: 0.35). At 0.35 the wrist's limit (the forearm behind the wrist by at least 0.35
// of the hand's length, within_wrist_range) held it, and turned it with the hand's tilt round the
// calf: 15.8 degrees sideways per circle on the calf with bellies (s15), the two sleeves meeting
// by 11 mm; at 0.7 it runs clear of that limit: 1.9 degrees, sleeves 12 mm apart.
constexpr float kPadsTrail = 0.7f;
// How much of the fingers' run along the leg (two hands' sum, up and toward the therapist taken
// out) trails the forearm fully; less trails it in proportion, so it turns smoothly through zero.
constexpr float kTrailFull = 0.5f;
constexpr float kTrailFullBesideSole = 0.05f;
// A hand on the limb's far side from the therapist trails its forearm behind its fingers by
// kFarTrail of its level run toward the therapist (others: 0.35). "Far" grows with how far the
// wrist lies beyond the leg's axis, away from the therapist (as a share of its distance from the
// axis: 0 over the top, 1 straight across), from kFarFrom over kFarOver: told by the wrist's
// place, which moves smoothly, not by the back of the hand's tilt, which turns fast as a lifted
// hand passes over the shin (effleurage, 16.4-16.6 s). Only where the fingers run along the leg (the two hands' trail from kFarTrailFrom, fully
// kFarTrailOver further): fingers across it leave a sliver of trail whose direction flips
// (vibration's hands over the calf: 0 -> 70 pops when it counted).
constexpr float kFarFrom = 0.0f;
constexpr float kFarOver = 0.7f;
constexpr float kFarTrail = 2.5f;
constexpr float kFarTrailFrom = 0.5f;
constexpr float kFarTrailOver = 0.5f;
std::array<bool, 2> finger_pads(const TechniqueFrame& frame) {
  return {on_finger_pads(frame.hands[0].pose, frame.hands[0].on_sole), on_finger_pads(frame.hands[1].pose, frame.hands[1].on_sole)};
}

std::array<Forearm, 2> place_forearms(const std::array<glm::mat4, 2>& palms, const anatomy::LegSurface* surface,
                                      const Stance* stance, const anatomy::LegBend* bend, std::array<bool, 2> pads) {
  return place_forearms(palms, surface, stance, bend, pads, {0.0f, 0.0f});
}

std::array<Forearm, 2> place_forearms(const std::array<glm::mat4, 2>& palms, const anatomy::LegSurface* surface,
                                      const Stance* stance, const anatomy::LegBend* bend, std::array<bool, 2> pads,
                                      std::array<float, 2> turned) {
  // Each forearm is aimed for its palm turned back (technique/forearm_turn.hpp): `aim` is the palm
  // with its turn with the foot taken out of its directions, kept where it is drawn.
  std::array<glm::mat4, 2> aim = palms;
  for (std::size_t h = 0; h < 2; ++h)
    if (turned[h] != 0.0f)
      for (int c = 0; c < 3; ++c)
        aim[h][c] = glm::vec4(anatomy::turned_about_x(glm::vec3(palms[h][c]), glm::vec3(0.0f), -turned[h]), 0.0f);
  std::array<glm::vec3, 2> wrist{}, back{}, fingers{};
  for (std::size_t h = 0; h < 2; ++h) {
    const glm::mat4 side = side_of(h == 0 ? Hand::left : Hand::right);
    wrist[h] = glm::vec3(palms[h] * side * glm::vec4(kWristInPalm, 1.0f));
    back[h] = glm::normalize(glm::vec3(aim[h][1]));
    fingers[h] = glm::normalize(glm::vec3(aim[h][2]));
  }
  // The torso: out from the hands on the side their backs face, a little behind the fingers.
  // Hands on opposite sides of the limb (a squeeze) cancel out; then it stands out from the
  // limb's axis through the wrists, or to the leg's outer side (+X) beside the table.
  const glm::vec3 mid = 0.5f * (wrist[0] + wrist[1]);
  glm::vec3 out = back[0] + back[1];
  if (glm::length(out) < 0.6f) {
    glm::vec3 radial = mid;
    if (surface) {
      const glm::vec3 axis = surface->axis(std::clamp(mid.y, surface->min_along(), surface->max_along()));
      radial = mid - axis;
    }
    radial.y = 0.0f;
    out += unit_or(radial, glm::vec3(1, 0, 0));
  }
  out = unit_or(out, glm::vec3(1, 0, 0));
  const glm::vec3 torso = mid + 0.45f * out - 0.20f * unit_or(fingers[0] + fingers[1], glm::vec3(0, 1, 0));

  std::array<float, 2> at_feet_of{0.0f, 0.0f};  // how far each hand works the sole from the foot end
  // How far each forearm must rise off the back of its hand (the wrist's extension: y in the
  // hand's frame). Lying, a hand whose back turns away from the therapist (a palm on the far,
  // inner front of the thigh or shin, its back tilted 40-60 degrees toward the other leg) took
  // its forearm up to 61-84 degrees over level to keep 17 degrees of extension (petrissage's
  // front of the thigh, effleurage's inner shin; technique_forearm_rise_test): a therapist's
  // wrist there straightens and the forearm comes low across the leg. kAwayLeastY.
  const bool leg_bent = bend && (bend->knee_deg != 0.0f || bend->hip_deg != 0.0f);
  // How far each hand's back is turned away from the therapist: 0 up to kAwayFrom, 1 from
  // kAwayOver further (the three rules below that let a forearm down take it alike).
  std::array<float, 2> turned_away{0.0f, 0.0f};
  if (stance)
    for (std::size_t h = 0; h < 2; ++h)
      turned_away[h] = smooth_step(std::clamp((-glm::dot(back[h], stance->side) - kAwayFrom) / kAwayOver, 0.0f, 1.0f));
  std::array<float, 2> least_y_of{};
  for (std::size_t h = 0; h < 2; ++h) {
    least_y_of[h] = pads[h] ? kPadsLeastY : 0.30f;
    if (stance && !pads[h] && stance->up.z > 0.5f && !leg_bent) {
      const float thigh = smooth_step(std::clamp((wrist[h].y - kAwayThighFrom) / kAwayThighOver, 0.0f, 1.0f));
      least_y_of[h] = glm::mix(0.30f, kAwayLeastY, thigh * turned_away[h]);
    } else if (stance && pads[h] && !leg_bent) {
      least_y_of[h] = glm::mix(kPadsLeastY, kPadsAwayLeastY, turned_away[h]);
    }
  }
  // Hand h's forearm along `local` (its direction in the hand's frame).
  // (`local` is in the frame of the palm as aimed; a turned hand's wrist takes the turn.)
  const auto along = [&](std::size_t h, const glm::vec3& local) {
    Forearm a;
    const glm::mat4 side = side_of(h == 0 ? Hand::left : Hand::right);
    glm::vec3 drawn = local;
    if (turned[h] != 0.0f) {
      const glm::vec3 world(aim[h] * side * glm::vec4(local, 0.0f));
      drawn = within_turn_range(glm::normalize(glm::vec3(glm::inverse(palms[h] * side) * glm::vec4(world, 0.0f))), local);
    }
    a.frame = frame_along(palms[h], h == 0 ? Hand::left : Hand::right, drawn);
    a.wrist = wrist[h];
    a.elbow = glm::vec3(a.frame * glm::vec4(0.0f, 0.0f, -kForearmLength, 1.0f));
    return a;
  };
  // The direction the wrist allows nearest `d` (hand h's frame): rising off the back of the hand,
  // or for a hand on the sole worked from the foot end, the nearest (see below).
  const auto in_range = [&](std::size_t h, const glm::vec3& d) {
    const glm::vec3 risen = within_wrist_range(d, least_y_of[h]);
    return at_feet_of[h] > 0.0f ? glm::normalize(glm::mix(risen, nearest_in_wrist_range(d), at_feet_of[h])) : risen;
  };
  // Swings a forearm (`local`: its direction in hand h's frame) clear of the skin and of the
  // table top (technique/forearm_clear.cpp).
  const auto settle = [&](std::size_t h, const glm::vec3& local) {
    return settled(local, Settling{aim[h] * side_of(h == 0 ? Hand::left : Hand::right), wrist[h], least_y_of[h], pads[h]},
                   surface, stance, bend);
  };

  std::array<Forearm, 2> arms;
  std::array<glm::vec3, 2> locals{};
  const bool sitting = leg_bent && bend->hip_deg != 0.0f;
  // Sitting, each hand's share of the place in front of the client, and that place's way from the
  // leg (technique/forearm_stance.cpp).
  SittingFront front;
  if (sitting && surface && stance && stance->in_front > 0.0f) front = sitting_front(palms, *surface, *stance, *bend);
  std::array<float, 2>& in_front = front.in_front;
  const glm::vec3& front_way = front.way;
  if (stance)
    for (std::size_t h = 0; h < 2; ++h) {
      const glm::vec3 from_feet = back[h] - stance->up * glm::dot(back[h], stance->up);
      at_feet_of[h] = glm::length(from_feet) > 0.3f
                          ? std::clamp((-back[h].y - kSoleBackFrom) / (kSoleBackFull - kSoleBackFrom), 0.0f, 1.0f)
                          : 0.0f;
      // Only a hand below the leg's lowest section is on the foot (the sole hands lie 5-15 cm
      // below it). A hand on the leg whose back tips down the leg (effleurage's right hand over
      // the hip, -back.y 0.6-0.7 for 0.1 s) took the sole's stance from its tilt alone: its
      // forearm swung 25 degrees toward the foot end and back in 60 ms, 16 of effleurage's 22
      // lying pops. Told by the palm's place, as a hand beside one on the foot is (below).
      // Sitting (the palms on the bent leg) not yet: placed by the unbent palm it took 90 -> 62
      // of effleurage's pops, but friction's finger-pad hands on the hanging calf went 31 -> 114.
      if (surface && !leg_bent)
        at_feet_of[h] *= std::clamp((surface->min_along() - palms[h][3].y) / kBesideFootBelow, 0.0f, 1.0f);
    }
  for (std::size_t h = 0; h < 2; ++h) {
    const Hand hand = h == 0 ? Hand::left : Hand::right;
    const glm::mat4 base = aim[h] * side_of(hand);
    const glm::mat4 to_local = glm::inverse(base);
    glm::vec3 dir = unit_or(unit_or(torso - wrist[h], back[h]) + 0.8f * back[h], back[h]);
    if (stance) {
      // Toward the therapist beside the table, trailing behind the fingers by a third; the
      // elbow's rise set by its height over the table top, not by the hand's tilt.
      // A palm on the sole faces the client's head (its back points out of the sole, -Y on the
      // standing leg): the therapist stands at the foot end, so that forearm comes from there
      // and trails its own fingers (two hands on one sole point toward each other), not from
      // beside the table over the shin.
      // The change is gradual in the back's tilt, so a sole hand turning with the foot (ankle
      // pumps) swings its forearm smoothly rather than jumping between the two stances.
      // At the feet the therapist stands at the foot end, toward the leg's open side, where they
      // stand for the rest: a sole hand's forearm comes from there, not along the back of the
      // hand's tilt (toe taps on the ball of the foot, the palm turned 30 degrees in with the
      // sole: the tapping forearm came 13 cm in from between the feet).
      const glm::vec3 down_leg(0.0f, -1.0f, 0.0f);
      const glm::vec3 foot_end = unit_or(down_leg - stance->up * glm::dot(down_leg, stance->up), stance->side);
      const glm::vec3 from_feet = unit_or(foot_end + kSoleOpenSide * stance->side, foot_end);
      const float at_feet = at_feet_of[h];
      // A hand on the leg beside one on the foot below the leg's range (ankle pumps' and toe taps'
      // heel hand, the other on the sole) is worked by the same therapist at the foot end: its
      // forearm comes from there too, turned further toward the open side than the sole hand's.
      // From beside the table (before session 18) it ran straight out to the side, where the
      // camera looks from, and hid its own palm under the heel from every view across the leg.
      // Told by the other palm's place, not its tilt: the sole's tilt drops a sole hand's
      // at_feet_of to 0 each time the foot points.
      float by_foot = 0.0f;
      if (surface && at_feet == 0.0f)
        by_foot = std::clamp((surface->min_along() - palms[1 - h][3].y) / kBesideFootBelow, 0.0f, 1.0f);
      const glm::vec3 heel_from = unit_or(foot_end + kHeelOpenSide * stance->side, foot_end);
      const glm::vec3 beside = at_feet > 0.0f  ? unit_or(glm::mix(stance->side, from_feet, at_feet), stance->side)
                               : by_foot > 0.0f ? unit_or(glm::mix(stance->side, heel_from, by_foot), stance->side)
                                                : stance->side;
      // Sitting, an inner hand from in front of the client (sitting_front); and a hand on the
      // leg beside one on the foot (ankle pumps' heel hand), where the step is worked from in
      // front (below). Told by the palms' places on the straight leg: sitting, every palm on the
      // hanging calf lies below the leg's range as drawn.
      const float heel_front = std::clamp(front.below_leg[1 - h] - front.below_leg[h], 0.0f, 1.0f) * std::min(stance->in_front, 1.0f);
      // And the hand on the foot beside it (the sole hand, turned end for end there: its fingers
      // toward the heel, technique/timeline.cpp).
      const float sole_front = std::clamp(front.below_leg[h] - front.below_leg[1 - h], 0.0f, 1.0f) * std::min(stance->in_front, 1.0f);
      in_front[h] = std::max({in_front[h], heel_front, sole_front});
      // Its wrist bends toward the palm to take the forearm forward round the heel.
      least_y_of[h] = glm::mix(least_y_of[h], kHeelFrontLeastY, heel_front);
      const glm::vec3 toward = in_front[h] > 0.0f ? unit_or(glm::mix(beside, front_way, in_front[h]), front_way) : beside;
      // Beside a hand on the sole, a hand on the leg trails its own fingers too: the two work
      // apart (ankle pumps' heel hand), and the sole hand's fingers, turning with the foot, swung
      // the heel hand's forearm 13 cm toward the client's head at each point of the foot.
      glm::vec3 trail = glm::mix(fingers[0] + fingers[1], fingers[h], std::max(at_feet_of[0], at_feet_of[1]));
      trail -= stance->up * glm::dot(trail, stance->up);
      trail -= toward * glm::dot(trail, toward);
      // A sole hand's fingers run up or down the foot (ankle pumps: toward the heel), so what is
      // left of them once up and toward are taken out can be a sliver; made a unit vector, it
      // swung the forearm a third sideways (ankle pumps, foot turned up: 37 degrees toward the
      // table's side). At the feet the trail counts by what there is of it.
      // Elsewhere too, a trail that is nearly all taken out (fingers straight across the leg,
      // toward or away from the therapist: petrissage, vibration, cross-fibre's thumbs) is a
      // sliver whose direction flips along the leg as the hand rocks; made a unit vector it swung
      // the elbow from one side of the wrist to the other in one moment (up to 0.37 m). It fades
      // in with its length up to kTrailFull.
      const float trail_len = glm::length(trail);
      // (Beside a sole hand, a hand on the leg keeps its own fingers' full trail, as before.)
      const float beside_sole = std::max(at_feet_of[0], at_feet_of[1]);
      const float trail_full = glm::mix(glm::mix(kTrailFull, kTrailFullBesideSole, beside_sole), 1.0f, at_feet);
      const float trail_weight = std::min(trail_len / trail_full, 1.0f);
      // A hand on the far side of the limb, its back turned away from the therapist (effleurage's
      // right hand behind the inner ankle, prone, at 1.3 s) cannot take a forearm from beside the table within the wrist's range without standing it
      // on end (up to 86 degrees over level, the sleeve beside the foot pointing at the ceiling): the
      // back of the hand's plane tilts down toward the therapist, and the forearm must rise 17
      // degrees above it. There the forearm trails the fingers instead (down the leg, from the
      // foot end on the therapist's side), as a therapist's does who glides up the far side.
      // Lying face down only: sitting, the palms are on the bent leg, whose axis this is not; face
      // up, the foot stands up from the ankle (the toes 15-20 cm over the shin) and a forearm
      // trailing down the leg from the inner shin passed through the toes (effleurage, 16.5 s).
      float far = 0.0f;
      if (!pads[h] && !leg_bent && stance->up.z < -0.5f) {
        glm::vec3 r = wrist[h] - anatomy::LegSurface::axis(wrist[h].y);
        r.y = 0.0f;
        const float beyond = -glm::dot(r, toward) / std::max(glm::length(r), 0.03f);
        far = (1.0f - std::max(at_feet, by_foot)) * smooth_step(std::clamp((beyond - kFarFrom) / kFarOver, 0.0f, 1.0f)) *
              smooth_step(std::clamp((trail_len - kFarTrailFrom) / kFarTrailOver, 0.0f, 1.0f));
      }
      // Face down, a hand off its finger pads whose back turns away from the therapist and whose
      // forearm the far-side trail does not take (cross-fibre's right thumb across the inner calf,
      // 10.6 s: fingers across the leg, no trail to follow) flexes its wrist as a pads hand does
      // (kPadsAwayLeastY): held 17 degrees back over the back of the hand, its forearm stood 64.6
      // degrees over level (technique_forearm_rise_test), now 41.8.
      if (!pads[h] && !leg_bent && stance->up.z < -0.5f)
        least_y_of[h] = glm::mix(least_y_of[h], kPadsAwayLeastY, (1.0f - far) * turned_away[h]);
      const float trail_by = glm::mix(pads[h] ? kPadsTrail : 0.35f, kFarTrail, far);
      const glm::vec3 level = unit_or(toward - trail_by * trail_weight * unit_or(trail, glm::vec3(0.0f)), toward);
      // Fingertips circling on the lying leg: the height of the leg's axis under the wrist plus
      // the wrist's mean offset over it, steady through the circle (sitting, the hands are on
      // the bent leg, whose axis this is not: the wrist's own height as before).
      glm::vec3 from = wrist[h];
      const bool bent_leg = bend && (bend->knee_deg != 0.0f || bend->hip_deg != 0.0f);
      if (pads[h] && surface && !bent_leg) {
        const glm::vec3 axis = surface->axis(std::clamp(wrist[h].y, surface->min_along(), surface->max_along()));
        from = axis + stance->up * kPadsWristOverAxis;
      }
      const float over = stance->table_top + kElbowOverTable - glm::dot(stance->up, from);
      const float rise = glm::mix(std::clamp(over / kForearmLength, -0.3f, 0.8f), kFrontRise, in_front[h]);
      dir = rise * stance->up + std::sqrt(1.0f - rise * rise) * level;
      // Sitting, the hand on the heel beside the sole hand, worked from in front: the therapist
      // kneels before the hanging foot. The hip and knee are each bent 90 degrees, so the shank
      // and foot hang as the straight leg stands, only moved: the forearm comes as it does lying
      // (from the foot end, turned kHeelOpenSide toward the open side, rising off the front of
      // the leg), which here is from below the heel, rising kFrontRise toward the front. From
      // beside the table (before session 26) it ran back from the heel toward the table's end,
      // and turned with the foot (the heel cup) its sleeve passed through the table top there (8
      // of 5,992 moments, technique_sitting_test).
      if (heel_front > 0.0f) {
        const glm::vec3 below = unit_or(kHeelOpenSide * stance->side - stance->up, stance->side);
        const glm::vec3 heel_dir = kFrontRise * front_way + std::sqrt(1.0f - kFrontRise * kFrontRise) * below;
        dir = unit_or(glm::mix(dir, heel_dir, heel_front), heel_dir);
      }
      // The sole hand's, from the same therapist: from below the sole toward the front.
      if (sole_front > 0.0f) {
        const glm::vec3 sole_dir = kFrontRise * front_way - std::sqrt(1.0f - kFrontRise * kFrontRise) * stance->up;
        dir = unit_or(glm::mix(dir, sole_dir, sole_front), sole_dir);
      }
    }
    const float least_y = least_y_of[h];
    glm::vec3 wanted(to_local * glm::vec4(dir, 0.0f));
    // Sitting, the wanted direction's sideways part fades as it comes round ahead of the wrist
    // (technique/forearm_stance.cpp).
    if (sitting && surface) wanted = sitting_sideways_faded(wanted, palms[h], *surface, *bend, in_front[h]);
    glm::vec3 local = within_wrist_range(wanted, least_y);
    if (at_feet_of[h] > 0.0f) {
      // A sole hand whose wanted direction runs ahead of the wrist (ankle pumps: fingers down
      // the sole toward the heel, the forearm wanted level from the foot end) takes the nearest
      // direction the wrist allows, not the one that keeps the rise off the palm: the latter
      // stood the forearm up at 65 degrees with the foot turned up (the nearest: 40).
      const glm::vec3 nearest = nearest_in_wrist_range(glm::vec3(to_local * glm::vec4(dir, 0.0f)));
      local = glm::normalize(glm::mix(local, nearest, at_feet_of[h]));
    }
    locals[h] = settle(h, local);
    arms[h] = along(h, locals[h]);
  }
  if (forearms_gap(arms) >= kForearmsApart) return arms;
  // Where they would meet, spread apart (technique/forearm_apart.cpp): each forearm placed again
  // along a direction moved off its own, within the wrist's range and clear of skin and table.
  std::array<glm::vec3, 2> dirs{};
  for (std::size_t h = 0; h < 2; ++h) dirs[h] = glm::vec3(aim[h] * side_of(h == 0 ? Hand::left : Hand::right) * glm::vec4(locals[h], 0.0f));
  return kept_apart(arms, wrist, dirs, [&](std::size_t h, const glm::vec3& d) {
    const glm::mat4 base = aim[h] * side_of(h == 0 ? Hand::left : Hand::right);
    return along(h, settle(h, in_range(h, glm::vec3(glm::inverse(base) * glm::vec4(d, 0.0f)))));
  });
}

}  // namespace effleura::technique
