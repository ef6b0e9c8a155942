#pragma once
// Where the therapist's forearms go. The hands alone float; with forearms to the elbow a
// student sees at a glance where the therapist stands and which way the push comes from.
//
// Both elbows lean toward one torso, standing back from the hands on the side their backs
// face (beside the table) and a little behind the fingers, so each elbow trails its wrist,
// up and away from the leg. Plain maths; the renderer poses the forearm mesh of
// assets/hands.glb with `frame` as it poses the hand with the rig's part frames.
#include <array>
#include <string>

#include <glm/mat4x4.hpp>
#include <glm/vec3.hpp>

#include "core/contact.hpp"
#include "technique/hand_fit.hpp"
#include "technique/pose.hpp"

namespace effleura::anatomy {
class LegSurface;
struct LegBend;
}

namespace effleura::technique {

struct TechniqueFrame;

// The wrist joint in the palm frame (technique/hand_rig.hpp: palm surface at the origin, +Y
// the back of the hand, +Z toward the fingers), and the forearm's length, wrist to elbow
// (adult mean, rounded).
inline constexpr glm::vec3 kWristInPalm{0.0f, 0.020f, -0.052f};
inline constexpr float kForearmLength = 0.26f;

struct Forearm {
  glm::vec3 wrist{0.0f};
  glm::vec3 elbow{0.0f};
  // Rigid, origin at the wrist, the forearm running along local -Z to the elbow, local +Y
  // its back (the side of the back of the hand); mirrored for the right hand as the rig's
  // part frames are, so one mesh modelled for the left serves both.
  glm::mat4 frame{1.0f};
};

// In assets/hands.glb: the joint "hand.left.forearm", the meshes "forearm.left" (skin) and
// "sleeve.left" (cloth), and the same for the right.
std::string forearm_joint_name(Hand hand);
std::string forearm_mesh_name(Hand hand);
std::string sleeve_mesh_name(Hand hand);

// The forearm frame at the bind pose (palm frame = identity, wrist straight).
glm::mat4 forearm_bind(Hand hand);

// Where the therapist stands when the client lies on a table, in the leg's frame: the room's up,
// the level direction from the leg toward the therapist (the leg's open, outer side, where the
// camera looks from), and the table top's height along `up`.
struct Stance {
  glm::vec3 up{0.0f, 1.0f, 0.0f};
  glm::vec3 side{1.0f, 0.0f, 0.0f};
  float table_top = 0.0f;
  // The table top's footprint: the leg frame to the room, where the table is centred on the
  // origin, and its half length (room x) and half width (room z); zero: no floor.
  glm::mat4 to_room{1.0f};
  float half_length = 0.0f, half_width = 0.0f;
  // Sitting, how far the therapist works from in front of the client (0 beside the table, 1 in
  // front: TechniqueFrame::in_front, chosen per step in content). Only hands on the inner half
  // of the leg take their forearms from there (place_forearms); lying, 0.
  float in_front = 0.0f;
  // A point's height over the table top where it lies over the table (metres; far off it, a
  // large number: the sitting calf hangs past the table's end).
  [[nodiscard]] float over_table(const glm::vec3& p) const;
};
// A therapist beside the table on the massaged (left) leg's outer side, for a leg placed in the
// room by `leg_to_room` (anatomy/client_pose.hpp) over a table top at room height `top_y`, with
// anatomy::Table's footprint.
Stance stance_beside_table(const glm::mat4& leg_to_room, float top_y);
// The sleeve's radius round the forearm's axis (as app/hand_report.cpp's sight lines take it).
inline constexpr float kSleeveRadius = 0.035f;
// A forearm as drawn (forge/forearm_forge.cpp): bare skin from the wrist (2.4 cm round, 3.3 cm
// 15 cm up) to under the sleeve's cuff, then the sleeve (3.5-4 cm round, flattened a fifth) to
// the elbow. As two capsules: the skin to where the cuff starts, the sleeve from there on.
inline constexpr float kCuffFromWrist = 0.12f;
inline constexpr float kBareForearmRadius = 0.027f;
[[nodiscard]] std::array<Capsule, 2> forearm_capsules(const Forearm& arm);
// Surface-to-surface distance of the two forearms (m, negative where they pass into each other).
[[nodiscard]] float forearms_gap(const std::array<Forearm, 2>& arms);
// Elbows of a therapist at a table: this far above the table top (a standing adult working a
// leg on a table of 70 cm bends the elbows a hand's breadth or two above the client).
inline constexpr float kElbowOverTable = 0.27f;

// `palms` are HandState::transform of the left and right hand. With a surface, an elbow that
// would put the forearm into the leg is swung further out along the back of its hand. With a
// stance, each forearm runs from the wrist toward the therapist standing there, the elbow about
// kElbowOverTable above the table top (not straight up), trailing a little behind the fingers,
// and the sleeve kept above the table top wherever it passes over it (a floor: sitting, hands on
// the thigh put it through the top);
// without one, toward a torso out along the backs of the hands (a standing leg). With a bend
// (sitting: `palms` on the bent leg as drawn, anatomy/leg_bend.hpp), each point of the forearm is
// mapped back to the straight leg (unbend_leg) before it is tested against `surface`, which is
// the straight leg's.
// `pads`: per hand, whether it works the leg (not the sole) on its finger pads with the palm off
// the skin (friction's circles: FingerPose::palm_touch < 0.5). Such a forearm stays steady while
// the fingertips circle: at a table its rise is set by the leg's axis under the wrist, not by the
// wrist's own height (which rose and fell 4-8 cm with each circle round the calf), and the wrist
// may stay straight (the forearm in line with the back of the hand) instead of bent back over
// it, whose limit turned with the palm.
// Whether a hand works the leg on its finger pads, palm off the skin (the `pads` of
// place_forearms): friction's fingertips; not a thumb's pads (cross-fibre) nor the sole, nor a
// cupped hand (FingerPose::heel_touch: tapotement's), which lands on the heel of the hand as
// well as its pads.
inline bool on_finger_pads(const FingerPose& pose, bool on_sole) {
  return !on_sole && pose.palm_touch < 0.5f && pose.heel_touch < 0.5f &&
         pose.reach[static_cast<std::size_t>(Finger::index)] > 0.5f;
}
// The `pads` of a frame's two hands, as the app draws and judges them (app/state.cpp,
// app/view_search.cpp) and the tests check them.
std::array<bool, 2> finger_pads(const TechniqueFrame& frame);
std::array<Forearm, 2> place_forearms(const std::array<glm::mat4, 2>& palms,
                                      const anatomy::LegSurface* surface = nullptr, const Stance* stance = nullptr,
                                      const anatomy::LegBend* bend = nullptr, std::array<bool, 2> pads = {false, false});

}  // namespace effleura::technique
