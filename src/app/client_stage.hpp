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

class ClientStage {
 public:
  // The posture asked for. Supine and prone both mean lying; which side is up then follows the
  // technique (the client turns over as a therapist would ask), starting from this one.
  void choose(anatomy::ClientPosture posture);
  // The flow panel's posture: returns true when it changed the drawn posture.
  bool follow_flow(flow::Posture posture);
  // The technique now playing (nullptr: none); lands on the side its first sided step needs.
  // `views` are the technique's camera views: a technique never shown from the back (ankle
  // pumps, toe taps: hands under the calf or on the sole of a supine client) never turns the
  // client prone, and one never shown from the front never turns it supine.
  void set_technique(const technique::Timeline* timeline, const std::vector<std::string>& views = {});
  // Lying, turns (from now on, at the next update) to show this side of the leg on top: a
  // student who asks for the back view with no technique playing sees the client turn prone.
  void face(technique::WorkingSide side);
  // Ends any turn at once (a cut, for the first frame of a screenshot).
  void snap() { turn_ = target_; }
  // Advances the turn toward the side that step `step` of the technique works.
  void update(double dt, std::optional<std::size_t> step);

  [[nodiscard]] anatomy::ClientPose pose() const;
  [[nodiscard]] anatomy::ClientPosture posture() const { return posture_; }
  [[nodiscard]] bool turning() const { return turn_ != target_; }

 private:
  [[nodiscard]] bool lying() const;
  anatomy::ClientPosture posture_ = anatomy::ClientPosture::supine;
  std::vector<technique::WorkingSide> sides_;
  float turn_ = 1.0f;    // 0 prone, 1 supine (anatomy::client_pose)
  float target_ = 1.0f;
};

}  // namespace effleura::app
