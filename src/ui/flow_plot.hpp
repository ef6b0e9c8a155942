#pragma once
// One trace of the Blood flow panel drawn as a small chart a student can read: a value axis with
// its unit, a time axis marked in seconds back from now, and the resting level as a dashed line.
#include <optional>
#include <string>
#include <vector>

#include <imgui.h>

namespace effleura::ui {

struct FlowPlot {
  const char* title = "";              // what is plotted, with its unit in brackets
  const char* unit = "";               // for the latest value and the axis
  const std::vector<float>* values = nullptr;  // oldest first
  float sample_interval_s = 0.05f;     // time between values
  float span_s = 30.0f;                // the time axis covers this much, now at the right
  std::optional<float> baseline;       // resting level, drawn dashed and labelled "rest"
  float chart_px = 0.0f;               // the chart's height in pixels (0: 3.6 lines of text)
  bool time_labels = true;             // the time axis's labels under it (the last of a stack)
  std::string now;                     // the value now as shown (empty: "{value} {unit} now")
};

void draw_flow_plot(const FlowPlot& plot);

struct FlowPanelState;
// The Blood flow panel's three plots stacked on one time axis (labelled under the last), their
// charts sized so that the stack takes at most `room_px` (pixels; 1.5 to 3.6 lines of text each):
// the whole panel fits the column at 720p (teaching_panels.cpp draws the rest).
void draw_flow_panel_plots(const FlowPanelState& s, float room_px);
// The clinic's indices of the leg (flow_indices_view.cpp), or "computing..." until they are ready.
void draw_flow_indices(const FlowPanelState& s);
// What a Doppler scan reads, and how the clinic's figures are measured and their sources (the
// panel's About tab).
void draw_flow_notes(const FlowPanelState& s);

// The room (pixels) a tab's content has below the cursor: the panel at its tallest
// (ui/panel_layout.cpp) less what is above it, as draw_flow_panel gives the plots.
float flow_tab_room();
// Sets the panel's text scale to the largest of 1, 0.95, ... kSmallestTextScale at which
// `height()` (the content's height measured at the scale now set) fits `room_px`, and returns it.
// A headless picture's font (20 px per 720 lines) is larger than the window's (17 px) in a panel
// of the same pixels: there the clinic's table and the notes shrink toward the window's size
// instead of scrolling. The caller sets the scale back to 1 after drawing.
inline constexpr float kSmallestTextScale = 0.8f;
template <class Height>
float fit_text_scale(float room_px, Height height);

// Where the "rest" label's top goes for a dashed line at `line_y` (pixels, down) in a chart whose
// top is `chart_top`: above the line where a line of text fits, else just below it.
float rest_label_y(float line_y, float chart_top, float em);

// The axis range: the data (and baseline) with a little room, never narrower than `min_span`.
void plot_range(const std::vector<float>& v, std::optional<float> baseline, float min_span, float& lo, float& hi);

template <class Height>
float fit_text_scale(float room_px, Height height) {
  float scale = 1.0f;
  for (;; scale -= 0.05f) {
    ImGui::SetWindowFontScale(scale);
    if (scale <= kSmallestTextScale + 1e-3f || height() <= room_px) return scale;
  }
}

}  // namespace effleura::ui
