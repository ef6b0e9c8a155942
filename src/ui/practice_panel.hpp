#pragma once
// The Practice panel: pick a technique and practise it on the leg. While practising it shows
// the pressure gauge (mmHg, set with the wheel while stroking, [ ] or its slider), how to
// stroke, the last stroke's grades with one line of coaching each, and the session's score
// per criterion. It reads a const view and returns what the user asked for.
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "practice/grading.hpp"
#include "ui/teaching_panels.hpp"

namespace effleura::ui {

struct PracticePanelState {
  std::vector<TechniqueEntry> techniques;
  std::string suggested;            // the technique the Technique panel shows: the one to start with
  bool active = false;
  std::string technique_name;
  float pressure_mmhg = 0.0f;
  float typical_mmhg = 0.0f;        // the technique's own pressure
  bool stroking = false;
  bool showing = false;             // "Show me" is playing (or has played) the demonstration's stroke
  float band_low = 0.35f, band_high = 1.5f;  // of typical_mmhg: the band the grading accepts
  int strokes = 0;
  std::optional<practice::StrokeGrades> last;
  std::array<float, practice::kCriterionCount> mean_score{};  // over the session's graded strokes
  std::array<int, practice::kCriterionCount> graded{};        // strokes each criterion applied to
};

struct PracticeCommands {
  std::optional<std::string> start;  // technique id
  bool stop = false;
  bool clear = false;                // forget the session's strokes
  bool show_me = false;              // play the demonstration's stroke as a ghost
  std::optional<float> pressure_mmhg;
  // Where the panel went when the right-hand column had no room: the top of the panel docked
  // at the bottom (pixels), which the caption keeps above; 0 when it sits in the column.
  float docked_top = 0.0f;
};

PracticeCommands draw_practice_panel(const PracticePanelState& state);

}  // namespace effleura::ui
