#pragma once
// Practice mode in the app: the student picks a technique and strokes the leg with the mouse.
// A left-drag that starts on the skin is a stroke (input::Stroke*), sampled once a frame at
// the picked point with the pressure the wheel or [ ] keys set; the hands it puts on the leg
// replace the demonstration's (Simulation::set_practice_hands), so the same flow model answers
// them; when the button comes up the stroke is graded (practice/grading.hpp). No GL.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <glm/vec2.hpp>
#include <glm/mat4x4.hpp>
#include <glm/vec3.hpp>

#include "app/practice_camera.hpp"
#include "core/error.hpp"
#include "practice/grading.hpp"
#include "practice/stroke.hpp"
#include "practice/stroke_file.hpp"
#include "ui/practice_panel.hpp"

namespace effleura::lesson {
class LessonPlayer;
}

namespace effleura::app {

class State;

struct PracticeStroke {
  practice::Stroke stroke;
  practice::StrokeGrades grades;
};

class PracticeMode {
 public:
  static constexpr float kPressureStep = 2.0f;    // mmHg per wheel notch or key press
  static constexpr float kMaxPressure = 120.0f;
  static constexpr float kGhostHalfWidthM = 0.012f;  // "Show me"'s path: wider than the student's trail

  // Selects the technique (paused at its start, for its camera and areas) and measures its
  // demonstration; the error lists the valid ids.
  Expected<void> start(State& state, const std::string& technique_id);
  void stop(State& state);
  [[nodiscard]] bool active() const { return !technique_.empty(); }
  [[nodiscard]] const std::string& technique() const { return technique_; }

  // Pointer on the window (pixels from the top-left of a view of `size`). begin() is false
  // when the point is not on the skin (no stroke starts).
  bool begin(State& state, glm::vec2 pixel, glm::ivec2 size);
  void move(State& state, glm::vec2 pixel, glm::ivec2 size);
  void end(State& state);
  void adjust_pressure(float steps);
  void set_pressure(float mmhg);

  // Once a frame before the simulation steps: the latest point becomes a sample at the
  // simulation's clock and the student's hands go on the leg. When the technique files were
  // reloaded the yardstick and the file's [practice] rules are measured again.
  void update(State& state);

  // Grades a finished stroke (a written one: practice/stroke_file.hpp) as if it had been drawn,
  // and keeps it in the session.
  const PracticeStroke& grade_stroke(State& state, practice::Stroke stroke);
  // A written stroke played through the frames (--stroke with --record or --screenshot): from
  // the next update() the pointer follows it at the simulation's clock, pressing and lifting.
  void play(practice::StrokeFile file);
  [[nodiscard]] bool playing() const { return script_.has_value(); }
  [[nodiscard]] double script_seconds() const {
    return script_ ? script_->points.back().t - script_->points.front().t : 0.0;
  }
  // "Show me": the demonstration's own stroke plays from now, its hands on the leg and its path
  // drawn as a ghost over the student's last stroke (app/practice_view.hpp); a new stroke ends it.
  void show_me(State& state);
  // Seconds into the demonstration's stroke the ghost has reached; nullopt when not showing.
  [[nodiscard]] std::optional<double> ghost_time(const State& state) const;
  // The demonstration's path on the model's skin, with time and normal. Its centre and both
  // edges are each picked on the skin along their own outward direction: the fitted surface's
  // normal can lean 30 degrees off the skin's on the side of the calf, so a ribbon built flat
  // from it sank half into the skin and was hidden by the depth test (seen in session 5).
  struct GhostPoint {
    double t = 0.0;  // from the stroke's start
    glm::vec3 point{0.0f}, normal{0.0f};
    glm::vec3 left{0.0f}, right{0.0f};          // the ribbon's edges, on the skin
    glm::vec3 left_out{0.0f}, right_out{0.0f};  // outward at each edge (unit)
  };
  [[nodiscard]] const std::vector<GhostPoint>& ghost_path() const { return ghost_path_; }
  // What the panels leave clear of the window (app/practice_camera.hpp), told every frame the
  // panels are drawn. Practice frames the demonstration's stroke inside it; started before the
  // first frame (--practice with --screenshot) it frames again once the band is known.
  void set_clear_band(State& state, const ClearBand& band);
  // During a lesson, once a frame after it staged its step: a step with `practice = true`
  // starts practice on its technique, the next step without it stops it (app/practice_lesson.cpp).
  void follow_lesson(const lesson::LessonPlayer* player, State& state);
  // The last error from the technique file's [practice] table (the previous rules stay).
  [[nodiscard]] const std::string& rules_error() const { return rules_error_; }

  [[nodiscard]] bool stroking() const { return stroking_; }
  [[nodiscard]] float pressure() const { return pressure_; }
  [[nodiscard]] const practice::Reference& reference() const { return reference_; }
  [[nodiscard]] const std::vector<PracticeStroke>& strokes() const { return strokes_; }
  [[nodiscard]] const practice::Stroke& current() const { return current_; }
  void clear_strokes() { strokes_.clear(); }

 private:
  std::optional<glm::vec3> pick(const State& state, glm::vec2 pixel, glm::ivec2 size) const;
  void add_sample(State& state);
  void measure(State& state);
  void follow_script(State& state);

  std::string technique_;
  practice::Reference reference_;
  practice::Companion companion_;
  practice::Stroke current_;
  std::vector<PracticeStroke> strokes_;
  std::optional<glm::vec3> point_;   // latest picked point of the stroke in progress
  bool stroking_ = false;
  bool placed_ = false;              // the student's hands are on the leg (after a first stroke)
  float pressure_ = 15.0f;
  int generation_ = -1;              // Simulation::content_generation() measured at
  std::string rules_error_;
  std::vector<bool> varicose_;       // State::incompetent the spots were marked for
  std::optional<practice::StrokeFile> script_;
  double script_start_ = -1.0;       // simulation time the written stroke began
  std::optional<double> ghost_start_;  // simulation time "Show me" began
  std::vector<GhostPoint> ghost_path_;
  void follow_ghost(State& state);
  // The camera on the demonstration's stroke, from the technique's first view, in the band.
  void frame_stroke(State& state, bool animate);
  // "Show me" turns toward the side of the leg the ghost runs on, and back when it is over
  // (unless the student moved the camera meanwhile).
  void turn_to_ghost(State& state);
  void turn_back(State& state);
  void end_ghost(State& state);

  std::optional<std::uint64_t> lesson_step_;  // the lesson step that started practice
  ClearBand band_;
  bool framed_in_band_ = false;
  glm::mat4 framed_subject_{1.0f};               // where the leg lay when the stroke was framed
  std::optional<render::OrbitPose> show_pose_;   // the camera "Show me" turned to
  std::optional<render::OrbitPose> back_pose_;   // and where it was before
};

// The spots the technique's rules say not to press (bony landmarks of the loaded model, a vein
// set incompetent in the session), and the technique file's rules; errors name file:line.
Expected<practice::Rules> practice_rules(const technique::Technique& technique);
std::vector<practice::Spot> practice_spots(const practice::Rules& rules, const technique::Technique& technique,
                                           const State& state);

// The Practice panel's view, and carrying out what it asked for (next frame, like the others).
ui::PracticePanelState practice_panel_state(const PracticeMode& mode, const State& state);
void apply(const ui::PracticeCommands& commands, PracticeMode& mode, State& state);

}  // namespace effleura::app
