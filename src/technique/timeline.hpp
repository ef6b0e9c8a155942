#pragma once
// The animation engine: answers, for any time t of a technique, where each hand is, how it is
// shaped, whether and how hard it touches the skin, and what the ankle does. Pure function of
// t (no state between calls, no allocation): the app may scrub, loop or step freely.
//
// Surface coordinates are interpolated (monotone cubic Hermite: smooth, no overshoot past a
// keyframe) and then mapped to 3D through the LegSurface, so the hands follow the leg's
// curvature. While in contact the palm centre sits on the skin pushed in along the normal by
// the modelled indentation (indentation.hpp).
#include <array>
#include <optional>
#include <utility>
#include <cstddef>
#include <string_view>
#include <vector>

#include <glm/mat4x4.hpp>
#include <glm/vec3.hpp>

#include "core/contact.hpp"
#include "technique/pose.hpp"
#include "technique/technique.hpp"

namespace effleura::anatomy {
class LegSurface;
}

namespace effleura::technique {

struct SkinSide;

struct HandState {
  Hand hand = Hand::left;
  // Palm frame in world space. Column 3: palm centre (on or above the skin). Column 1 (local
  // +Y): the back of the hand, equal to the outward skin normal, so the palm faces -normal into
  // the skin. Column 2 (local +Z): where the fingers point, along the stroke as the content
  // orients it (roll). Column 0 = cross(col1, col2). A hand mesh modelled palm-down with the
  // fingers along +Z and the palm surface at the origin drops straight in.
  glm::mat4 transform{1.0f};
  FingerPose pose;          // blended between keyframe poses
  bool contact = false;     // the palm touches the skin now (false in the air of a tap)
  bool on_sole = false;     // working the sole rather than the leg
  float along = 0.0f;       // surface coordinates under the palm (u and v on the sole)
  float around = 0.0f;
  float pressure_mmhg = 0.0f;   // instantaneous (taps switch it on and off); 0 in the air
  // Pressure envelope without the tap rhythm, then low-passed (0.6 s triangular window) and
  // divided by 80 mmHg: for highlights. It never swings faster than ~3 Hz, so tapping and
  // vibration do not make large areas flash (no more than 3 flashes a second).
  float intensity = 0.0f;
  // How deep the skin is pressed under the palm (metres), from the same untapped envelope: the
  // renderer dents the skin by this, steady through a tapping step.
  float indentation_m = 0.0f;
  glm::vec3 velocity{0.0f}; // of the stroke over the skin (rhythm excluded), m/s
  // Skin and muscle this hand's grip lifts off the bone (+, metres: kneading, squeezing) or
  // presses into a fold (-), from the keyframes' tissue_mm, smooth between them and 0 in the
  // air. For the renderer: raise and bunch the skin around the grip by this much.
  float tissue_lift_m = 0.0f;
  // How far the palm was raised off the skin so that the finger or thumb pads it works with
  // just touch (hand_fit.hpp); 0 where the palm itself rests on the skin.
  float palm_rise_m = 0.0f;
  // Where the palm would rest on the dented skin before the fit raised it or, for a cupped
  // hand, tipped it onto its heel (then the palm's origin is no longer straight above it).
  glm::vec3 resting_point{0.0f};
};

struct TechniqueFrame {
  double time = 0.0;
  std::array<HandState, 2> hands;     // [0] left, [1] right
  std::array<ContactPatch, 2> patches;  // first contact_count are valid
  std::size_t contact_count = 0;
  float ankle_deg = 0.0f;             // + dorsiflexion, - plantarflexion
  std::optional<float> knee_deg;      // the step's knee flexion; none: the posture's own knee
  std::size_t step = 0;               // index into Technique::steps
  int repetition = 0;                 // cycle within the step, from 0
  float step_progress = 0.0f;         // 0..1 through the whole step
  // Sitting, how far the therapist has moved from beside the table (0) to in front of the
  // client (1; Step::sitting_in_front, technique/forearm.hpp Stance::in_front): the move takes
  // the last kStanceMove seconds of the step before a step that works from the other place.
  // Always 0 unless the client sits.
  float in_front = 0.0f;
  std::string_view caption;           // valid as long as the Timeline lives
  std::string_view attend;

  // Appends the valid patches (clear() the vector first for one frame's set).
  void append_contacts(Contacts& out) const {
    for (std::size_t i = 0; i < contact_count; ++i) out.push_back(patches[i]);
  }
};

class Timeline {
 public:
  // Copies what it needs from the technique and poses; keeps a pointer to `surface`, which
  // must outlive the Timeline (the app owns both and rebuilds the Timeline on reload).
  Timeline(const Technique& technique, const PoseLibrary& poses, const anatomy::LegSurface& surface);

  [[nodiscard]] double duration() const { return duration_; }
  [[nodiscard]] std::size_t step_count() const { return steps_.size(); }
  [[nodiscard]] double step_start(std::size_t i) const { return steps_[i].start; }
  // Where step i ends: the next step's start, or the end of the timeline for the last step.
  [[nodiscard]] double step_end(std::size_t i) const {
    return i + 1 < steps_.size() ? steps_[i + 1].start : duration_;
  }
  [[nodiscard]] std::vector<double> step_starts() const;
  // Step i's Step::camera_turn_deg, in radians.
  [[nodiscard]] float step_camera_turn(std::size_t i) const { return steps_[i].camera_turn; }
  // Step i's own camera, if content pins one for the client as it is: Step::sitting_camera
  // while the client sits (set_client_sitting), else Step::camera.
  [[nodiscard]] const std::optional<StepView>& step_view(std::size_t i) const {
    return client_sitting_ ? steps_[i].sitting_view : steps_[i].view;
  }
  // Step i's Step::client_turn_outer_up.
  [[nodiscard]] bool step_client_turn_outer_up(std::size_t i) const { return steps_[i].client_turn_outer_up; }
  [[nodiscard]] const std::string& id() const { return id_; }
  // The client sits (anatomy/client_pose.hpp): contacts behind the leg's side line move to
  // where a therapist reaches a sitting leg (technique/sitting_reach.hpp). Off by default
  // (lying or standing the whole leg can be reached); the app sets it from the posture.
  void set_client_sitting(bool sitting) { client_sitting_ = sitting; }
  [[nodiscard]] bool client_sitting() const { return client_sitting_; }
  // Which step runs at t (t is clamped to [0, duration]).
  [[nodiscard]] std::size_t step_at(double t) const;

  // The knee flexion the step running at t asks for (degrees, its keyframes blended as the
  // ankle's), or none where that step has no knee keyframes. Cheap: no hand is placed.
  [[nodiscard]] std::optional<float> knee_at(double t) const;

  // Fills `out` for time t (clamped to [0, duration]); allocation-free.
  void evaluate(double t, TechniqueFrame& out) const;
  [[nodiscard]] TechniqueFrame evaluate(double t) const {
    TechniqueFrame f;
    evaluate(t, f);
    return f;
  }

  // Internal compiled form, public for the implementation's helpers.
  struct Key {
    float t, a, b, roll;
    float ma, mb, mroll;   // tangents (per second)
    float pressure, height;  // height: 0 in contact, lift when not
    float tissue;
    bool contact;
    std::size_t pose;
  };
  struct Track {
    std::vector<Key> keys;
    SurfaceKind surface = SurfaceKind::leg;
    float sitting_side = 0.0f;  // sitting_reach.hpp track_side
  };
  struct CompiledStep {
    double start = 0.0;
    float duration = 0.0f;
    int repeat = 1;
    float scale_first = 1.0f, scale_last = 1.0f;
    std::array<Track, 2> hands;
    std::vector<AnkleKey> ankle;
    std::vector<float> ankle_m;  // tangents
    std::vector<AnkleKey> knee;
    std::vector<float> knee_m;
    Oscillation osc;
    std::string caption, attend;
    float camera_turn = 0.0f;  // radians
    std::optional<StepView> view, sitting_view;  // Step::camera, Step::sitting_camera
    bool client_turn_outer_up = false;
    bool in_front = false;  // Step::sitting_in_front
    [[nodiscard]] float total() const { return duration * static_cast<float>(repeat); }
  };
  // How long the therapist takes to move between beside the table and in front of a sitting
  // client (seconds; TechniqueFrame::in_front).
  static constexpr double kStanceMove = 0.8;

 private:
  // Places the hand as the keyframes say, with the pose's own finger angles; `resting` is its
  // palm frame as if resting on the skin (no tap, no lift) and `skin` the surface it works on,
  // which evaluate() uses to fit both hands to the skin and to each other.
  void evaluate_hand(const CompiledStep& s, std::size_t hand, float tc, double ts, HandState& out,
                     ContactPatch* patch, glm::mat4& resting, SkinSide& skin) const;
  void fit_hands(TechniqueFrame& out, std::array<glm::mat4, 2>& resting, const std::array<SkinSide, 2>& skin) const;
  [[nodiscard]] float envelope(double t, std::size_t hand) const;  // untapped pressure at t
  [[nodiscard]] float ankle_at(const CompiledStep& s, float tc) const;
  // Where in its step's cycle t falls: the step and the time into the cycle.
  [[nodiscard]] std::pair<std::size_t, float> cycle_at(double t) const;

  std::string id_;
  std::vector<CompiledStep> steps_;
  std::vector<FingerPose> poses_;
  const anatomy::LegSurface* surface_;
  double duration_ = 0.0;
  bool client_sitting_ = false;
};

}  // namespace effleura::technique
