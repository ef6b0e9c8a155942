#pragma once
// The posture the client is drawn in, kept equal to the posture the flow model computes, and
// the client turning over (prone for back-of-leg work, supine for the front) as the running
// technique's steps need. No GL.
#include <optional>
#include <string>
#include <vector>

#include "anatomy/client_pose.hpp"
#include "core/error.hpp"
#include "flow/posture.hpp"
#include "technique/timeline.hpp"
#include "technique/working_side.hpp"

namespace effleura::app {

// --posture: supine, prone, sitting, standing or raised; the error lists them.
Expected<anatomy::ClientPosture> parse_posture_option(const std::string& name);
// The flow model's posture for a drawn one: prone and supine both lie flat.
flow::Posture flow_posture(anatomy::ClientPosture p);
// The drawn posture `--simulate` stands in for: lying on the back (a technique on the back of
// the leg turns the client prone, as in the window), sitting, standing, legs raised.
anatomy::ClientPosture drawn_posture(flow::Posture p);

class ClientStage {
 public:
  // The posture asked for. Supine and prone both mean lying; which side is up then follows the
  // technique (the client turns over as a therapist would ask), starting from this one.
  void choose(anatomy::ClientPosture posture);
  // The flow panel's posture: returns true when it changed the drawn posture.
  bool follow_flow(flow::Posture posture);
  // The technique now playing (nullptr: none), started at `at` seconds: the client lies at once
  // (no turn) on the side the step running at `at` needs (an "either" step: the last sided step
  // before it, else the next one). `views` are the technique's camera views: a technique never
  // shown from the back (ankle pumps, toe taps: hands under the calf or on the sole of a supine
  // client) never turns the client prone, and one never shown from the front never turns it supine.
  // `sides`: the timeline's technique::step_sides when already known (the start-up cache's,
  // app/framing_cache.hpp); null, or not one a step: swept here (32 moments a step, ~10 ms).
  void set_technique(const technique::Timeline* timeline, const std::vector<std::string>& views = {}, double at = 0.0,
                     const std::vector<technique::WorkingSide>* sides = nullptr);
  // Lying, turns (from now on, at the next update) to show this side of the leg on top: a
  // student who asks for the back view with no technique playing sees the client turn prone.
  void face(technique::WorkingSide side);
  // Ends any turn at once (a cut, for the first frame of a screenshot).
  void snap() { turn_ = target_; }
  // Advances the turn toward the side that step `step` of the technique works.
  void update(double dt, std::optional<std::size_t> step);
  // The same, given the playback time: playing on into a step on the other side rolls the
  // client over (1.6 s); a jump (a scrub, a seek, a lesson step's start) puts it on that side at
  // once. `advanced`: how far playing moved the time since the last call (dt x speed, 0 when
  // paused); a loop back to the start counts as playing on.
  void update(double dt, double time, double advanced);

  // The pose now; a technique's step may bend the knee (prone and sitting: with_knee).
  [[nodiscard]] anatomy::ClientPose pose() const;
  // The pose the client lies (or sits) in, once turned, while step `step` of the technique
  // plays, its knee bent by the step's mean knee (the camera frames the leg as drawn).
  [[nodiscard]] anatomy::ClientPose pose_for_step(std::size_t step) const;
  // The pose `into` seconds after step `step` began, played on from the step before: while the
  // client rolls over into a step on the other side (the first 1.6 s), part turned; otherwise
  // pose_for_step. The camera that follows the work judges a turn-over step by it.
  [[nodiscard]] anatomy::ClientPose pose_in_step(std::size_t step, double into) const;
  // Whether the client rolls over at the start of step `step`, played on from the step before.
  [[nodiscard]] bool rolls_into(std::size_t step) const;
  [[nodiscard]] anatomy::ClientPosture posture() const { return posture_; }
  [[nodiscard]] bool turning() const { return turn_ != target_; }
  // Walking: how long the client has walked (seconds; the gait's phase, app/client_gait.hpp).
  // update() advances it; a screenshot or a test may set it.
  void set_walk_time(double t) { walk_time_ = t; }
  [[nodiscard]] double walk_time() const { return walk_time_; }

 private:
  [[nodiscard]] bool lying() const;
  // `pose` with the massaged knee bent as the playing technique's step asks at the last time
  // given (technique::Timeline::knee_at), by `share` of the way from the pose's own knee.
  [[nodiscard]] anatomy::ClientPose with_knee(anatomy::ClientPose pose, float share) const;
  // The same with the knee given (none: the pose's own).
  [[nodiscard]] anatomy::ClientPose bent(anatomy::ClientPose pose, float share, std::optional<float> knee) const;
  anatomy::ClientPosture posture_ = anatomy::ClientPosture::supine;
  // The side step `step` needs, looking back then forward past "either" steps.
  [[nodiscard]] std::optional<float> side_at(std::size_t step) const;
  std::vector<technique::WorkingSide> sides_;
  const technique::Timeline* timeline_ = nullptr;
  double last_time_ = 0.0;
  // The step's knee at last_time_, read when the timeline is handed over or played, never in
  // pose(): between a new technique's start and the next update the old timeline is freed
  // (the kiosk's next scene crashed reading it, session 19).
  std::optional<float> knee_deg_;
  // Each step's knee, the mean of its keyframed curve (none: the step has no knee keys), read
  // with sides_ when the timeline is handed over, for pose_for_step.
  std::vector<std::optional<float>> step_knees_;
  float turn_ = 1.0f;    // 0 prone, 1 supine (anatomy::client_pose)
  float target_ = 1.0f;
  bool outer_up_ = false;  // the way the turn under way rolls (anatomy::client_pose)
  double walk_time_ = 0.0;
};

}  // namespace effleura::app
