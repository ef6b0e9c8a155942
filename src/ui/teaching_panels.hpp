#pragma once
// The window's teaching panels: the technique timeline and the flow panel. They read a const
// view of the state and return what the user asked for; the app carries it out next frame.
#include <optional>
#include <string>
#include <vector>

namespace effleura::ui {

struct TechniqueEntry {
  std::string id;
  std::string name;
  std::vector<std::string> areas;
};

struct TimelineState {
  std::vector<TechniqueEntry> techniques;
  std::string current;        // id, empty for none
  std::string summary, direction, pressure, evidence;
  std::vector<std::string> cautions;
  double time = 0.0, duration = 0.0, speed = 1.0;
  bool playing = false, looping = true;
  std::size_t step = 0, step_count = 0;
  std::string caption, attend;
  std::string reload_error;   // last hot-reload problem, shown until the next good load
  int area_filter = -1;       // the area whose techniques the list shows; -1 all
};

struct TimelineCommands {
  std::optional<std::string> select;  // technique id; "" for none
  bool toggle_play = false, replay = false, step_forward = false, step_back = false;
  std::optional<double> seek;
  std::optional<double> speed;
  std::optional<bool> looping;
  std::optional<int> area_filter;
};

TimelineCommands draw_timeline_panel(const TimelineState& state);

struct FlowPanelState {
  std::vector<float> femoral_ml_s, calf_ml, ankle_mmhg;
  float rest_femoral_ml_s = 0.0f;
  float sample_interval_s = 0.05f;     // between samples of the three series
  float femoral_velocity_cm_s = 0.0f;  // mean velocity in the mid femoral vein now
  std::vector<float> femoral_cm_s;     // and over the plots' 30 s (the groin header's 1 s mean)
  std::string posture;                 // supine, sitting, standing, raised
  float stocking_mmhg = 0.0f;
  std::vector<std::string> veins;      // ids with valves
  std::vector<bool> incompetent;       // parallel to veins
  // The clinic's indices of this leg (app::FlowIndices, computed on a worker thread).
  enum class Indices { idle, computing, ready, failed } indices = Indices::idle;
  float ejection_fraction = 0.0f, residual_volume_fraction = 0.0f;  // shares, 0-1
  float filling_index_ml_s = 0.0f, refill_time_s = 0.0f;          // refill -1: not within 2 min
  float ambulatory_mmhg = 0.0f, standing_mmhg = 0.0f, recovery_s = 0.0f;
  // The leg at rest in this posture (computed first): the plots' dashed "rest" lines, shown
  // when rest_ready (or the indices are ready), while the indices may still be computing.
  float rest_calf_ml = 0.0f, rest_ankle_mmhg = 0.0f;
  bool rest_ready = false;
  std::string indices_error;
  bool flow_view = false;  // the blood is on screen: the panel that explains it starts open
  // The panel's tabs; `select_tab` brings one forward this frame (a test's pictures; the app
  // leaves the student's choice).
  enum class Tab { plots, clinic, leg, about };
  std::optional<Tab> select_tab;
};

struct FlowCommands {
  std::optional<std::string> posture;
  std::optional<float> stocking_mmhg;
  std::optional<std::size_t> toggle_incompetent;  // index into veins
  bool show_flow_view = false;
  bool indices_wanted = false;  // the panel is open: compute the leg's clinical indices
};

FlowCommands draw_flow_panel(const FlowPanelState& state);

}  // namespace effleura::ui
