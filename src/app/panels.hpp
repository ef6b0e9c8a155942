#pragma once
// The panels' const views of the State, and carrying out the commands they return. Kept
// apart from the frame so tests can drive it without a window.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "app/isolated_view.hpp"
#include "app/state.hpp"
#include "app/user_settings.hpp"
#include "lesson/lesson_player.hpp"
#include "ui/main_ui.hpp"
#include "ui/overlay_layout.hpp"
#include "ui/teaching_panels.hpp"

namespace effleura::app {

// What the window's panels keep between frames (not part of what is shown).
struct PanelState {
  bool show_view_panel = true;
  int focus_area = -1;         // the area last chosen: the View panel shows its notes
  int area_filter = -1;        // the Technique panel lists the techniques for this area
  bool presenter = false;      // a lesson's presenter view: only the lesson text, large
  float frame_ms = 16.0f;      // smoothed, for the status bar
  std::string renderer_name;
  std::string status_message;  // e.g. "Saved effleura-....png"
  bool verbose = false;        // --verbose: frame time and renderer in the status bar
  // The interface size (View menu), kept in the user's settings file when there is one.
  float interface_scale = 1.0f;
  float font_scale = 1.0f;     // the interface size the font is built at (the window builds it again at a new size)
  float shown_scale = 1.0f;    // the size shown this frame: interface_scale, or less where the window is short
  std::optional<std::filesystem::path> settings_file;
  std::string language;                // the View menu's Language choice, kept in the settings file
  std::filesystem::path locales_dir;   // where the languages' files are (content/locales)
  int lesson_step = -1;        // the lesson step last shown: a new step clears the View panel's notes
  bool hide_areas = false;     // this frame's lesson question asks which area is lit
  // This frame's lesson question asks a name (an area's, a structure's, or where one is): the
  // labels and the hover text on the leg are hidden until it is answered.
  bool hide_names = false;
  bool in_lesson = false;      // a lesson is open
  bool question_open = false;  // this frame's lesson question is not answered yet (no atlas tools then)
  std::string atlas_query;     // the atlas's search box
  std::vector<SavedView> views;  // the atlas's saved views (kept in the settings file)
  // Where the overlay drew the blood-speed legend and the caption last frame (the camera frames
  // the leg above them); none when not drawn.
  std::optional<ui::ScreenBox> drawn_legend, drawn_caption;
  // The labels the overlay drew on the leg last frame: each one's name, box and leader line
  // (from the box's joint to the point on the leg).
  struct DrawnLabel {
    std::string text;
    ui::ScreenBox box;
    glm::vec2 joint{0.0f}, anchor{0.0f};
  };
  std::vector<DrawnLabel> drawn_labels;
  // Where the overlay placed each label last frame, handed back the next so that a label holds
  // its place while time runs (ui::Overlay::held).
  std::vector<ui::LabelPlace> label_places;
  // The structure "show only" framed, while the camera still shows it so: fitted again when
  // the free area changes (app/isolated_view.hpp refit_isolated).
  std::optional<IsolatedFraming> isolated;
};

ui::MainUiView main_view(const State& state, const PanelState& panels);

// The interface size a window `display_height` pixels tall shows: the user's choice, at most
// what leaves it 36 lines of the interface's text (a headless picture's 20 px per 720 lines,
// the tightest layout the tests hold the panels to), and never under the setting's least
// (0.75). `base_font_px`: the font at size 1 (the window's 17 px times its HiDPI content scale;
// a picture's 20 px per 720 lines). Before session 18 a 2x interface in a 1280x720 window drew
// 34 px text: the View panel folded to its headings, the Technique panel scrolled, the Practice
// panel lay over it and the step's caption over the leg.
[[nodiscard]] float shown_interface_scale(float chosen, float base_font_px, float display_height);
// The same for this frame's ImGui font and window (the font's baked size over the size it was
// built for), kept in panels.shown_scale; sets ImGui's font scale to show it with the font as built.
float show_interface_scale(PanelState& panels, float display_height);
void apply(const ui::UiCommands& commands, State& state, PanelState& panels);

// Before the panels are drawn: a new lesson step clears the View panel's stale notes, and a
// question about which area is lit hides the labels, ticks, notes and hover text that name it;
// one about a structure ("name this muscle", "click the soleus") the labels and hover text.
void follow_lesson(const lesson::LessonPlayer* player, PanelState& panels);
void hide_answer(const PanelState& panels, ui::Overlay& overlay);

ui::TimelineState timeline_state(const State& state, const PanelState& panels);
void apply(const ui::TimelineCommands& commands, State& state, PanelState& panels);

ui::FlowPanelState flow_state(const State& state);
// The leg on screen as the clinic's protocols take it (leaky valves, stocking).
flow::LegCondition leg_condition(const State& state);
void fill_indices(const FlowIndices::Snapshot& snapshot, ui::FlowPanelState& panel);
void apply(const ui::FlowCommands& commands, State& state);

}  // namespace effleura::app
