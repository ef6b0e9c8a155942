#pragma once
// Practice mode in the app: the student picks a technique and strokes the leg with the mouse.
// A left-drag that starts on the skin is a stroke (input::Stroke*), sampled once a frame at
// the picked point with the pressure the wheel or [ ] keys set; the hands it puts on the leg
// replace the demonstration's (Simulation::set_practice_hands), so the same flow model answers
// them; when the button comes up the stroke is graded (practice/grading.hpp). No GL.
#include <optional>
#include <string>
#include <vector>

#include <glm/vec2.hpp>

#include "core/error.hpp"
#include "practice/grading.hpp"
#include "practice/stroke.hpp"
#include "ui/practice_panel.hpp"

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
  // simulation's clock and the student's hands go on the leg.
  void update(State& state);

  [[nodiscard]] bool stroking() const { return stroking_; }
  [[nodiscard]] float pressure() const { return pressure_; }
  [[nodiscard]] const practice::Reference& reference() const { return reference_; }
  [[nodiscard]] const std::vector<PracticeStroke>& strokes() const { return strokes_; }
  [[nodiscard]] const practice::Stroke& current() const { return current_; }
  void clear_strokes() { strokes_.clear(); }

 private:
  std::optional<glm::vec3> pick(const State& state, glm::vec2 pixel, glm::ivec2 size) const;
  void add_sample(State& state);

  std::string technique_;
  practice::Reference reference_;
  practice::Companion companion_;
  practice::Stroke current_;
  std::vector<PracticeStroke> strokes_;
  std::optional<glm::vec3> point_;   // latest picked point of the stroke in progress
  bool stroking_ = false;
  bool placed_ = false;              // the student's hands are on the leg (after a first stroke)
  float pressure_ = 15.0f;
};

// The Practice panel's view, and carrying out what it asked for (next frame, like the others).
ui::PracticePanelState practice_panel_state(const PracticeMode& mode, const State& state);
void apply(const ui::PracticeCommands& commands, PracticeMode& mode, State& state);

}  // namespace effleura::app
