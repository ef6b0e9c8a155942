#pragma once
// One trace of the Blood flow panel drawn as a small chart a student can read: a value axis with
// its unit, a time axis marked in seconds back from now, and the resting level as a dashed line.
#include <array>
#include <cstddef>
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
  // The groin's flow (issue 14): its 1 s mean drawn bold over the faint trace of each moment,
  // and the value axis fitted to the settled rhythm (settled_axis) with an older peak above it
  // clipped and marked with its value. A squeeze or a step is a spike of a second or less: 30
  // strides of walking made a hairy band, and the first ankle pump after rest (84 mL/s against
  // the settled pumps' ~18) set the axis so that the later pumps looked flat.
  bool mean_and_settled_axis = false;
};

void draw_flow_plot(const FlowPlot& plot);

struct FlowPanelState;
// The panel's three plots as draw_flow_panel_plots draws them (their chart heights still 0):
// the groin's flow (its 1 s mean over each moment, the settled axis), the calf's blood, the
// ankle's pressure. They point into `s`.
[[nodiscard]] std::array<FlowPlot, 3> flow_panel_plots(const FlowPanelState& s);
// The Blood flow panel's three plots stacked on one time axis (labelled under the last), their
// charts sized so that the stack takes at most `room_px` (pixels; 1.2 to 3.6 lines of text each):
// the whole panel fits the column at 720p (teaching_panels.cpp draws the rest). Where three
// charts of 1.2 lines do not fit (a long lesson step above the panel), each plot's value now
// without its chart.
void draw_flow_panel_plots(const FlowPanelState& s, float room_px);
// The charts' height (pixels) draw_flow_panel_plots gives them in `room_px`; 0: values only.
inline constexpr float kLeastChartLines = 1.2f;
[[nodiscard]] float flow_panel_chart_px(const FlowPanelState& s, float room_px);
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

// The mean of each sample's neighbourhood of `half` samples either side (2 half + 1 in all: 1 s
// at 20 Hz for half 10), centred so that a pump's mean sits under its spike, not half a second
// after it. Entry i is the mean about sample i + half: the first and last `half` samples have no
// whole neighbourhood and no mean (the bold line ends half a second before now). Empty when
// there are too few samples.
[[nodiscard]] std::vector<float> centred_mean(const std::vector<float>& v, std::size_t half);

// The mean of the last `width` samples (of all of them where there are fewer; 0 for none): with
// the centred mean's width, the bold line's last point, which the groin plot's header reads.
[[nodiscard]] float last_mean(const std::vector<float>& v, std::size_t width);

// The axis of a plot whose first contraction after rest would dwarf the rest (the groin's flow):
// fitted as plot_range to the last `settled` samples and their mean (and the baseline), where a
// rhythm has settled once it has run that long, where an older sample rises over half that
// span above it or falls as far below it (else to every sample, as plot_range; each side on its
// own); an older sample outside it is clipped, and the highest such is `clipped_peak` and the
// lowest `clipped_dip` (their indices) so that the plot can mark their values. Samples within
// the last `settled` are never clipped: the first pump shows whole while it is recent. The mean
// (the bold line) of older pumps is held where it is within half the span beyond it; farther,
// it is clipped, and each clipped run listed in `clipped_mean` so that the plot marks it.
struct PlotAxis {
  float lo = 0.0f, hi = 1.0f;
  std::optional<std::size_t> clipped_peak;  // index into the samples, above hi
  std::optional<std::size_t> clipped_dip;   // index into the samples, below lo
  // Each run of the mean beyond the axis (a far older pump's), at its farthest point: the
  // sample index it is centred on.
  std::vector<std::size_t> clipped_mean;
};
[[nodiscard]] PlotAxis settled_axis(const std::vector<float>& v, const std::vector<float>& mean, std::size_t mean_offset,
                                    std::optional<float> baseline, std::size_t settled, float min_span);
// The value axis `plot` is drawn with, and into `mean` (where given) the 1 s mean it draws bold
// (empty for a plot without one): settled_axis for the groin's flow, plot_range for the others.
[[nodiscard]] PlotAxis plot_axis(const FlowPlot& plot, std::vector<float>* mean = nullptr);
// The groin plot's settled span: the last 10 s (three or more pumps of every built-in rhythm:
// ankle pumps one every 3 s, walking a stride a second, calf squeezes every 3-4 s).
inline constexpr float kSettledSpan_s = 10.0f;
inline constexpr float kMeanSpan_s = 1.0f;

template <class Height>
float fit_text_scale(float room_px, Height height) {
  float scale = 1.0f;
  for (;; scale -= 0.05f) {
    ImGui::SetWindowFontScale(scale);
    if (scale <= kSmallestTextScale + 1e-3f || height() <= room_px) return scale;
  }
}

}  // namespace effleura::ui
