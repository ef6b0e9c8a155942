#pragma once
// A camera that follows the work: each step of a technique is framed on its own hands, seen
// from the side the backs of the hands face (the front for front-of-leg strokes, from below
// for the sole), with a smooth move when the step changes. The orbit keeps the camera outside
// the leg on the way round. Once the user moves the camera it stays where they put it
// (Camera::following) until the technique is framed again. Plain maths, no GL.
#include <cstddef>
#include <functional>
#include <optional>
#include <vector>

#include "core/view_angles.hpp"
#include "render/camera.hpp"
#include "technique/timeline.hpp"
#include "technique/working_region.hpp"

namespace effleura::render {

// The orbit angles that look at hands whose mean outward normal is `facing` (StepFraming):
// from that side, and from above or below as it tilts. Hands that face opposite ways (round
// the calf) leave `fallback` (the technique's own first view).
ViewAngles facing_angles(const glm::vec3& facing, ViewAngles fallback, float turn = 0.0f);

// `box` grown (scale > 1) or shrunk about its centre: a pinned step camera's framing scale.
anatomy::Bounds scaled_about_centre(const anatomy::Bounds& box, float scale);

// Chooses the angles (the leg's own, as facing_angles gives) a step is seen from, given the
// region it frames and the angles the hands' facing suggests: the app looks for the view that
// shows both hands past the client (app/view_search.hpp).
using ViewJudge = std::function<ViewAngles(std::size_t step, const anatomy::Bounds& region, ViewAngles suggested)>;

class StepCamera {
 public:
  // With a judge, each step's view is the judge's choice (once per step, cached until the
  // timeline changes); without one, the suggestion from the hands' facing. A step with its own
  // camera in content (Timeline::step_view) is seen from there, judge or not.
  void set_judge(ViewJudge judge) { judge_ = std::move(judge); chosen_.clear(); }
  // The flow view: a step whose pump presses veins away from the hands (ankle pumps work the
  // calf's veins from the foot) frames those veins too, `extra[step]`, seen from `from` (the
  // technique's own side view: the pumped blood runs along the leg). Set before start().
  void set_extra_regions(std::vector<std::optional<anatomy::Bounds>> extra, ViewAngles from) {
    extra_ = std::move(extra);
    extra_from_ = from;
  }
  // Where the leg lies (leg to room) once the client has turned for a step: a step on the
  // other side of the leg is framed as the leg will lie, so the camera moves while the client
  // rolls over. Without it, as the leg lies now.
  void set_settled(std::function<glm::mat4(std::size_t step)> settled) { settled_ = std::move(settled); }
  // Starts following `timeline` (whose steps are framed once, here) from the step at time t;
  // `animate` false jumps there. `fallback`: the technique's first view.
  // `framings`: technique::step_framings(timeline) when already known (the start-up cache,
  // app/framing_cache.hpp); empty: swept here.
  void start(Camera& camera, const technique::Timeline& timeline, double t, ViewAngles fallback, bool animate,
             std::vector<technique::StepFraming> framings = {});
  void stop() { timeline_ = nullptr; }
  // Once a frame: when the running step changes (or the timeline was rebuilt, e.g. reloaded),
  // moves to the new step's framing, unless the user has taken the camera over.
  void update(Camera& camera, const technique::Timeline* timeline, std::size_t step);

  // Seconds a move between steps takes: slow enough to follow, quick enough not to miss the
  // start of the step.
  static constexpr float kMoveSeconds = 1.2f;

 private:
  void frame_step(Camera& camera, std::size_t step, float seconds);
  const technique::Timeline* timeline_ = nullptr;
  std::vector<technique::StepFraming> framings_;
  std::size_t step_ = 0;
  ViewAngles fallback_{};
  ViewJudge judge_;
  std::function<glm::mat4(std::size_t step)> settled_;
  std::vector<std::optional<ViewAngles>> chosen_;
  std::vector<std::optional<anatomy::Bounds>> extra_;
  ViewAngles extra_from_{};
};

}  // namespace effleura::render
