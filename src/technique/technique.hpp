#pragma once
// One massage technique as loaded from content/techniques/<id>.toml: what it is for, and its
// choreography. A technique is a list of steps; a step is one stroke cycle (keyframes for each
// hand, and optionally for the ankle) repeated a number of times, with pressure scaled from a
// first to a last factor so it can start light and build (subject.md, principles).
#include <array>
#include <cstddef>
#include <string>
#include <optional>
#include <vector>

#include "technique/step_view.hpp"

namespace effleura::technique {

enum class SurfaceKind { leg, sole };

// One hand at one moment of a step cycle. Positions are surface coordinates: on the leg
// `a` = along (m) and `b` = around (radians, stored; degrees in the file); on the sole `a` = u
// (0 heel .. 1 toe tip) and `b` = v (-1 medial .. +1 lateral).
struct Keyframe {
  float t = 0.0f;             // seconds from the start of the cycle
  SurfaceKind surface = SurfaceKind::leg;
  float a = 0.0f;
  float b = 0.0f;
  float roll = 0.0f;          // radians: fingers turned from proximal toward increasing around
  std::size_t pose = 0;       // index into the PoseLibrary
  float pressure_mmhg = 0.0f; // 0 when lifted
  bool contact = true;
  float lift_m = 0.0f;        // height of the palm above the skin when not in contact
  float tissue_m = 0.0f;      // skin and muscle lifted by the grip (+) or pressed flat (-)
  int line = 0;               // where it was written, for messages
};

// A joint's angle at a moment of a step's cycle: the ankle's, and the massaged knee's.
struct AnkleKey {
  float t = 0.0f;
  float angle_deg = 0.0f;     // ankle: + dorsiflexion, - plantarflexion; knee: flexion, 0 straight
};

// Rhythm laid over a step's keyframes while a hand is in contact: "tap" lifts and drops the
// hand (tapotement, toe taps), "shake" moves it a few millimetres to and fro (vibration).
struct Oscillation {
  enum class Kind { none, tap, shake };
  Kind kind = Kind::none;
  float frequency_hz = 0.0f;
  float amplitude_m = 0.0f;   // tap: lift height; shake: excursion each way
  float duty = 0.35f;         // tap: fraction of each period the hand rests on the skin
  std::array<float, 2> phase{0.0f, 0.5f};  // left, right, in periods
  // Which hands the rhythm moves (content: hands = ["left"]): in toe taps one hand steadies the
  // foot while the other taps.
  std::array<bool, 2> active{true, true};  // left, right
};

struct Step {
  std::string caption;        // what is happening
  std::string attend;         // what to watch for
  float duration = 0.0f;      // one cycle, seconds
  int repeat = 1;
  float scale_first = 1.0f;   // pressure factor at the start of the step ...
  float scale_last = 1.0f;    // ... and at its end (linear in between)
  std::array<std::vector<Keyframe>, 2> hands;  // [0] left, [1] right
  std::vector<AnkleKey> ankle;  // empty: the foot rests at neutral
  // The massaged knee's flexion (content: knee = [{ t, angle }], 0 to 120 degrees); empty: the
  // knee as the posture holds it. Drawn prone (the foot lifts off the table, as for work on the
  // ankle or the front of the thigh) and sitting; lying supine the knee stays straight, since a
  // bent knee there needs the hip bent too (app/client_stage.cpp).
  std::vector<AnkleKey> knee;
  Oscillation oscillation;
  // Degrees the camera that follows the work turns further toward the leg's outer side than
  // where the hands face (content: camera_turn, -90 to 90): tapotement's cupped hands are seen
  // in profile, so the hollow under the palm shows.
  float camera_turn_deg = 0.0f;
  // The step's own camera (content: camera = { around, tilt, scale }, technique/step_view.hpp),
  // used instead of the searched view while the client lies (or stands); sitting_camera the
  // same while the client sits: the bent leg is seen from other places. None: the search,
  // turned by camera_turn_deg.
  std::optional<StepView> camera;
  std::optional<StepView> sitting_camera;
  // Which way a lying client rolls over into this step when it is on the other side of the leg
  // (content: client_turn = "inner-up", the default, or "outer-up"): rolling inner side up the
  // massaged (left) leg passes under the other; outer side up it rolls over the top, its outer
  // side facing up halfway, so hands going round that side stay in sight (petrissage's move to
  // the front of the thigh).
  bool client_turn_outer_up = false;
  // Where the therapist works a sitting client from in this step (content: sitting_stance =
  // "side", the default, or "front"): beside the table on the leg's outer side, or in front of
  // the client, so a hand on the inner half of the leg is reached without its forearm across the
  // leg (technique/forearm.hpp Stance::in_front). Lying it changes nothing.
  bool sitting_in_front = false;
  // The half of the leg this step's hands hold sitting where their keys lie behind the side
  // lines (content: sitting_side = "outer" +1 or "inner" -1; left out 0, chosen from the keys:
  // technique/sitting_reach.hpp track_side). Compression's calf presses are keyed just past the
  // back line on the inner half for the prone wrap; left to the keys, sitting they held the
  // inner side of the calf, facing the other leg, where no camera saw both hands.
  float sitting_side = 0.0f;
  [[nodiscard]] float total() const { return duration * static_cast<float>(repeat); }
};

struct Technique {
  std::string id;             // file name without .toml
  std::string file;
  std::string name;
  std::string summary;
  std::vector<std::string> areas;    // ids from anatomy/areas.hpp
  std::string direction;      // toward-heart, circular, across-fibres, in-place
  std::string pressure;       // light, medium, firm
  float pressure_mmhg = 0.0f; // typical peak (estimate)
  float tempo = 0.0f;         // strokes (cycles of the main step) per minute
  int repetitions = 0;        // cycles in all (sum of the steps' repeats)
  std::vector<std::string> views;    // camera views: front, back, lateral, medial, top
  std::vector<std::string> cautions;
  std::string evidence;
  std::vector<std::string> sources;  // short names from physiology.md
  std::vector<Step> steps;

  [[nodiscard]] float duration() const {
    float d = 0.0f;
    for (const auto& s : steps) d += s.total();
    return d;
  }
};

}  // namespace effleura::technique
