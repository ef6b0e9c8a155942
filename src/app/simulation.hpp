#pragma once
// The moving parts of a scene, stepped in design.md's one direction each frame:
//   playback (dt) -> timeline.evaluate(t) -> hands + contacts -> flow.advance(dt, contacts)
// It owns the content it runs (poses, techniques, vein network) and the leg surface the
// hands follow. No GL.
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "anatomy/leg_surface.hpp"
#include "anatomy/model.hpp"
#include "app/framing_cache.hpp"
#include "app/paths.hpp"
#include "app/setup_times.hpp"
#include "core/contact.hpp"
#include "core/error.hpp"
#include "flow/flow_system.hpp"
#include "flow/particles.hpp"
#include "technique/playback.hpp"
#include "technique/technique_loader.hpp"
#include "technique/timeline.hpp"
#include "technique/trail.hpp"

namespace effleura::app {

class Simulation {
 public:
  // Reads poses, techniques and the vein network from the content folder, and fits the leg
  // surface to the model's skin (an analytic leg when the model has none).
  // `times`, when given, records each step's cost (effleura --bench).
  Expected<void> load(const DataPaths& paths, const anatomy::Model& model, SetupTimes* times = nullptr);
  // The technique side alone (poses, techniques, the leg surface), for `--simulate`, which
  // then hands it the leg its report runs on (adopt_flow).
  Expected<void> load_techniques(const DataPaths& paths, const anatomy::Model& model, SetupTimes* times = nullptr);
  // Steps this leg from now on (no particles: nothing is drawn).
  void adopt_flow(flow::FlowSystem flow);

  // Starts a technique at time `at`, playing at `speed`; the error lists the valid ids.
  Expected<void> select_technique(const std::string& id, double at = 0.0, double speed = 1.0);
  void clear_technique();

  void update(double dt);
  // The technique side of update(): playback (at its speed), hands, contacts and trails.
  void advance_hands(double dt);

  // Hot reload of poses and techniques: on success the running technique continues from the
  // same moment in its new form; on error nothing changes and the error is returned.
  Expected<void> reload_techniques(const DataPaths& paths);
  // Counts successful reloads, so what was measured from a technique (practice mode's
  // yardstick) can be measured again when its file changes.
  [[nodiscard]] int content_generation() const { return generation_; }

  // Practice mode: while set, the student's hands (app/practice_mode.hpp) stand in for the
  // technique's playback, and their contacts drive the flow; nullopt gives the playback back.
  void set_practice_hands(std::optional<technique::TechniqueFrame> hands);
  [[nodiscard]] bool practising() const { return practice_.has_value(); }

  [[nodiscard]] const technique::PoseLibrary& poses() const { return poses_; }
  [[nodiscard]] const technique::TechniqueLibrary& techniques() const { return techniques_; }
  [[nodiscard]] const technique::Technique* technique() const;
  [[nodiscard]] technique::Playback* playback() { return playback_ ? &*playback_ : nullptr; }
  [[nodiscard]] const technique::Playback* playback() const { return playback_ ? &*playback_ : nullptr; }
  // The technique stopped because its file vanished during hot reload (empty when none): it
  // resumes at `awaited_time()` when the file is back (reload_techniques).
  [[nodiscard]] std::string awaited_technique() const { return awaited_ ? awaited_->id : std::string(); }
  [[nodiscard]] double awaited_time() const { return awaited_ ? awaited_->at : 0.0; }
  [[nodiscard]] const technique::Timeline* timeline() const { return timeline_.get(); }
  // What frames the running technique (app/framing_cache.hpp), swept once per timeline and
  // posture and kept in the start-up cache; null with no technique.
  [[nodiscard]] const TechniqueFramings* framings() const;
  // What the running technique's timeline was made from (framings()' key, and the view search's:
  // app/step_view_cache.hpp); no technique digest with no technique.
  [[nodiscard]] FramingSources framing_sources() const {
    const technique::Technique* t = technique();
    return {t ? stamp_of(t->id) : std::nullopt, poses_stamp_, surface_stamp_};
  }
  [[nodiscard]] const technique::TechniqueFrame& frame() const { return frame_; }
  [[nodiscard]] const std::array<technique::TrailBuffer, 2>& trails() const { return trails_; }
  // Practice's "Show me" draws the demonstration's path itself: no trail under it meanwhile.
  void hide_trails(bool hidden) {
    trails_hidden_ = hidden;
    if (hidden) for (auto& trail : trails_) trail.clear();
  }
  [[nodiscard]] const Contacts& contacts() const { return contacts_; }
  [[nodiscard]] flow::FlowSystem* flow() { return flow_ ? &*flow_ : nullptr; }
  [[nodiscard]] const flow::FlowSystem* flow() const { return flow_ ? &*flow_ : nullptr; }
  [[nodiscard]] const anatomy::LegSurface& surface() const { return *surface_; }
  [[nodiscard]] const flow::Particles* particles() const { return particles_ ? &*particles_ : nullptr; }
  [[nodiscard]] double time() const { return time_; }
  flow::Posture posture = flow::Posture::supine;
  // The massaged knee's bend as the client is drawn (app/client_stage.hpp ClientStage::pose):
  // lying prone, calf squeezes bend it 30 degrees and the flow model's shank heights follow
  // (flow/posture.hpp). Set each frame by whoever draws, or stands in for drawing (--simulate).
  float knee_flexion_deg = 0.0f;
  // Lying, which way is up in the leg's frame as the client is drawn (flow/posture.hpp lying_up:
  // face up supine, face down prone, between while it rolls over); set with the knee.
  glm::vec3 lying_up = flow::kFaceUp;
  // The client's own muscles (walking, ankle pumps): each pump presses at least this hard;
  // the technique's ankle adds its calf contraction (update()).
  flow::PumpPressures muscles;

 private:
  void evaluate();

  technique::PoseLibrary poses_;
  technique::TechniqueLibrary techniques_;
  std::unique_ptr<anatomy::LegSurface> surface_;
  std::unique_ptr<technique::Timeline> timeline_;
  void stamp_sources(const DataPaths& paths);
  [[nodiscard]] std::optional<std::uint64_t> stamp_of(const std::string& id) const {
    const auto it = technique_stamps_.find(id);
    return it == technique_stamps_.end() ? std::nullopt : it->second;
  }
  // Digests of what the techniques were read from, taken as they are (re)loaded: framings()' key.
  std::optional<std::uint64_t> poses_stamp_;
  std::map<std::string, std::optional<std::uint64_t>> technique_stamps_;
  std::uint64_t surface_stamp_ = 0;
  struct Framed { const technique::Timeline* timeline; bool sitting; TechniqueFramings framings; };
  mutable std::optional<Framed> framed_;
  std::optional<technique::Playback> playback_;
  std::string technique_id_;
  // A technique whose file disappeared during hot reload: it resumes when the file returns.
  struct Awaited { std::string id; double at; double speed; bool playing; };
  std::optional<Awaited> awaited_;
  technique::TechniqueFrame frame_{};
  std::optional<technique::TechniqueFrame> practice_;
  Contacts contacts_;
  std::array<technique::TrailBuffer, 2> trails_{technique::TrailBuffer(3.0), technique::TrailBuffer(3.0)};
  bool trails_hidden_ = false;
  std::optional<flow::FlowSystem> flow_;
  std::optional<flow::Particles> particles_;
  double time_ = 0.0;
  int generation_ = 0;
};

}  // namespace effleura::app
