#include "ui/flow_plot.hpp"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdio>
#include <utility>

#include <imgui.h>
#include <imgui_internal.h>

#include "ui/panel_layout.hpp"
#include "ui/teaching_panels.hpp"
#include "ui/tr.hpp"

namespace effleura::ui {
namespace {

// Colours: the trace in the flow view's cyan, the baseline in a grey that does not compete
// with it, and axis text the panel's own dimmed text (readable, not shouting).
constexpr ImU32 kTrace = IM_COL32(80, 210, 240, 255);
// The groin's trace of each moment under its bold 1 s mean: the same cyan, faint, so that the
// pumps' spikes show as texture behind the line a student reads.
constexpr ImU32 kTraceFaint = IM_COL32(80, 210, 240, 70);
constexpr ImU32 kBaseline = IM_COL32(200, 200, 200, 200);
constexpr ImU32 kAxis = IM_COL32(150, 160, 170, 255);
constexpr ImU32 kFrame = IM_COL32(25, 32, 40, 255);
// Behind a peak's or dip's label: the chart's colour, see-through enough that the bold line it
// crosses still shows dimly (opaque, it hid the second ankle pump's mean at 720p, session 16).
constexpr ImU32 kLabelBack = IM_COL32(25, 32, 40, 175);
// That label's text: near white, not the trace's cyan, which the bold line it crosses shares
// (session 18: "peak 91 mL/s" over the first sitting ankle pumps read as part of the line).
constexpr ImU32 kMarkText = IM_COL32(235, 240, 245, 255);

// A label `px` pixels tall, right-aligned at x or centred on it, its top at y.
void tick_label(ImDrawList* dl, float x, float y, const char* text, ImU32 col, bool right_align, float px) {
  const ImVec2 size = ImGui::GetFont()->CalcTextSizeA(px, FLT_MAX, 0.0f, text);
  dl->AddText(ImGui::GetFont(), px, ImVec2(right_align ? x - size.x : x - 0.5f * size.x, y), col, text);
}

// One decimal, as the plots read ("12.3").
std::string format_value(float v) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f", static_cast<double>(v));
  return text;
}

}  // namespace

float rest_label_y(float line_y, float chart_top, float em) {
  return line_y - em >= chart_top ? line_y - em : line_y + 0.15f * em;
}

void plot_range(const std::vector<float>& v, std::optional<float> baseline, float min_span, float& lo, float& hi) {
  // No samples yet (a headless picture, the first frame): the range is the baseline's, not
  // 0..baseline, which printed "118 / -9" for the calf's 110 mL with nothing drawn.
  const float none = baseline.value_or(0.0f);
  lo = v.empty() ? none : *std::min_element(v.begin(), v.end());
  hi = v.empty() ? none : *std::max_element(v.begin(), v.end());
  if (baseline) {
    lo = std::min(lo, *baseline);
    hi = std::max(hi, *baseline);
  }
  if (hi - lo < min_span) {
    const float mid = 0.5f * (lo + hi);
    lo = mid - 0.5f * min_span;
    hi = mid + 0.5f * min_span;
  }
  const float pad = 0.08f * (hi - lo);
  lo -= pad;
  hi += pad;
}

std::vector<float> centred_mean(const std::vector<float>& v, std::size_t half) {
  const std::size_t width = 2 * half + 1;
  if (v.size() < width) return {};
  std::vector<float> out;
  out.reserve(v.size() - 2 * half);
  double sum = 0.0;  // a running sum, in double so that 600 samples add no drift
  for (std::size_t i = 0; i < width; ++i) sum += v[i];
  out.push_back(static_cast<float>(sum / static_cast<double>(width)));
  for (std::size_t i = width; i < v.size(); ++i) {
    sum += static_cast<double>(v[i]) - static_cast<double>(v[i - width]);
    out.push_back(static_cast<float>(sum / static_cast<double>(width)));
  }
  return out;
}

float last_mean(const std::vector<float>& v, std::size_t width) {
  const std::size_t n = std::min(v.size(), std::max<std::size_t>(width, 1));
  if (n == 0) return 0.0f;
  double sum = 0.0;
  for (std::size_t i = v.size() - n; i < v.size(); ++i) sum += v[i];
  return static_cast<float>(sum / static_cast<double>(n));
}

PlotAxis settled_axis(const std::vector<float>& v, const std::vector<float>& mean, std::size_t mean_offset,
                      std::optional<float> baseline, std::size_t settled, float min_span) {
  PlotAxis axis;
  const std::size_t from = v.size() > settled ? v.size() - settled : 0;
  // The settled rhythm: the last samples and the mean drawn over them.
  std::vector<float> held(v.begin() + static_cast<std::ptrdiff_t>(from), v.end());
  for (std::size_t j = 0; j < mean.size(); ++j)
    if (j + mean_offset >= from) held.push_back(mean[j]);
  plot_range(held, baseline, min_span, axis.lo, axis.hi);
  // Only an older sample far beyond the settled rhythm (over half its span above it: the first
  // pump after rest; or as far below it: walking's first steps, whose blood runs back at the
  // groin as the valves shut) is clipped, each side on its own; otherwise the axis holds every
  // sample on that side, as plot_range does (calf squeezes' and effleurage's plots keep their
  // whole range: one squeeze 1 mL/s taller than the recent ones is not worth clipping and
  // marking). Until session 15 a dip was clipped, unmarked, whenever a peak was.
  const float settled_lo = axis.lo, settled_hi = axis.hi, half = 0.5f * (axis.hi - axis.lo);
  const auto older = [&](auto pred) {
    return std::any_of(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(from), pred);
  };
  const bool clip_high = older([&](float x) { return x > settled_hi + half; });
  const bool clip_low = older([&](float x) { return x < settled_lo - half; });
  // An unclipped side grows to hold the older samples beyond it (those inside the padded axis
  // already show), and both sides grow to hold the bold line of the older, taller pumps where it
  // is not far beyond the settled span (within half of it, as a sample): the 1 s mean is what a
  // student reads (session 15: on ankle pumps the second and later pumps' bold line ran off the
  // top, unmarked). A mean far beyond (the first pump after rest, whose 1 s mean is 60 mL/s
  // against settled pumps' spikes of 21) is clipped with its spike, and marked.
  std::size_t beyond = 0;
  for (std::size_t i = 0; i < from; ++i)
    if ((!clip_high && v[i] > settled_hi) || (!clip_low && v[i] < settled_lo)) {
      held.push_back(v[i]);
      ++beyond;
    }
  // Run by run: a pump's mean is held whole or not at all (its rising flank alone would widen
  // the axis for a pump that is clipped anyway).
  for (std::size_t j = 0; j < mean.size() && j + mean_offset < from;) {
    const bool high = mean[j] > settled_hi;
    if (!high && !(mean[j] < settled_lo)) {
      ++j;
      continue;
    }
    const std::size_t start = j;
    bool near = true;
    for (; j < mean.size() && j + mean_offset < from && (high ? mean[j] > settled_hi : mean[j] < settled_lo); ++j)
      near = near && (high ? mean[j] <= settled_hi + half : mean[j] >= settled_lo - half);
    if (!near) continue;
    held.insert(held.end(), mean.begin() + static_cast<std::ptrdiff_t>(start), mean.begin() + static_cast<std::ptrdiff_t>(j));
    ++beyond;
  }
  if (beyond > 0) plot_range(held, baseline, min_span, axis.lo, axis.hi);
  // Each run of the bold line beyond the axis, at its farthest point: the plot marks it, so no
  // part of the line leaves the chart unmarked.
  for (std::size_t j = 0; j < mean.size();) {
    const bool high = mean[j] > axis.hi;
    if (!high && !(mean[j] < axis.lo)) {
      ++j;
      continue;
    }
    std::size_t far = j;
    for (; j < mean.size() && (high ? mean[j] > axis.hi : mean[j] < axis.lo); ++j)
      if (high ? mean[j] > mean[far] : mean[j] < mean[far]) far = j;
    axis.clipped_mean.push_back(far + mean_offset);
  }
  // The highest and the lowest clipped: their values are marked on the chart's edges.
  for (std::size_t i = 0; i < from; ++i) {
    if (clip_high && v[i] > axis.hi && (!axis.clipped_peak || v[i] > v[*axis.clipped_peak])) axis.clipped_peak = i;
    if (clip_low && v[i] < axis.lo && (!axis.clipped_dip || v[i] < v[*axis.clipped_dip])) axis.clipped_dip = i;
  }
  return axis;
}

namespace {

// The value now as the plot's header shows it.
std::string now_text(const FlowPlot& p, const std::vector<float>& v) {
  if (v.empty()) return {};
  if (!p.now.empty()) return p.now;
  return trf("ui.plot.now", {{"value", format_value(v.back())}, {"unit", p.unit}});
}

// The header's value: beside the title at the text's size where both fit, else beside it a
// little smaller (the groin's "mean 18.2 mL/s, 12.9 cm/s" in a 720p picture's font: on a line of
// its own it took the room of a chart's line and the Plots tab scrolled 19 px), else on the next
// line at the text's size.
struct HeaderFit {
  int lines = 1;
  float value_scale = 1.0f;
};
constexpr float kSmallValueScale = 0.85f;
HeaderFit header_fit(const char* title, const std::string& now) {
  if (now.empty()) return {};
  const float em = ImGui::GetFontSize(), avail = ImGui::GetContentRegionAvail().x;
  const float title_w = ImGui::CalcTextSize(title).x, now_w = ImGui::CalcTextSize(now.c_str()).x;
  if (title_w + now_w + em <= avail) return {1, 1.0f};
  if (title_w + kSmallValueScale * now_w + em <= avail) return {1, kSmallValueScale};
  return {2, 1.0f};
}
int header_lines(const char* title, const std::string& now) { return header_fit(title, now).lines; }

// The time axis's labels, a little smaller than the text (still 14 px at the window's 17).
constexpr float kTimeLabelScale = 0.85f;
// Below the chart: the time axis's ticks, under the last chart their labels, and under a chart
// with a mean its key (one more row of small text).
float below_chart(const FlowPlot& p, float em) {
  return (0.3f + (p.time_labels ? kTimeLabelScale : 0.0f) + (p.mean_and_settled_axis ? kTimeLabelScale : 0.0f)) * em;
}

// Samples either side of a sample in the 1 s mean, and the samples of the settled span.
float interval_of(const FlowPlot& p) { return std::max(p.sample_interval_s, 1e-3f); }
std::size_t mean_half(float sample_interval_s) {
  return static_cast<std::size_t>(std::lround(0.5f * kMeanSpan_s / std::max(sample_interval_s, 1e-3f)));
}
std::size_t mean_half(const FlowPlot& p) { return mean_half(p.sample_interval_s); }
std::size_t settled_samples(const FlowPlot& p) { return static_cast<std::size_t>(std::lround(kSettledSpan_s / interval_of(p))); }

// The key under a chart with a mean: a bold stroke "1 s mean", a faint one "each moment", in
// text `px` tall from (x, y).
void draw_mean_key(ImDrawList* dl, float x, float y, float px, float em) {
  const float mid = y + 0.55f * px;
  const auto entry = [&](ImU32 col, float thickness, const char* text) {
    dl->AddLine(ImVec2(x, mid), ImVec2(x + 1.2f * em, mid), col, thickness);
    x += 1.5f * em;
    dl->AddText(ImGui::GetFont(), px, ImVec2(x, y), kAxis, text);
    x += ImGui::GetFont()->CalcTextSizeA(px, FLT_MAX, 0.0f, text).x + em;
  };
  entry(kTrace, 2.5f, tr("ui.plot.mean-key"));
  entry(kTraceFaint, 1.5f, tr("ui.plot.moment-key"));
}

}  // namespace

PlotAxis plot_axis(const FlowPlot& p, std::vector<float>* mean_out) {
  static const std::vector<float> none;
  const std::vector<float>& v = p.values ? *p.values : none;
  PlotAxis axis;
  std::vector<float> mean;
  if (p.mean_and_settled_axis) {
    mean = centred_mean(v, mean_half(p));
    axis = settled_axis(v, mean, mean_half(p), p.baseline, settled_samples(p), 1.0f);
  } else {
    plot_range(v, p.baseline, 1.0f, axis.lo, axis.hi);
  }
  if (mean_out) *mean_out = std::move(mean);
  return axis;
}

namespace {

// The plot's title and its value now, on one line where they fit.
void draw_plot_header(const FlowPlot& p, const std::vector<float>& v) {
  ImGui::TextUnformatted(p.title);
  const std::string now_str = now_text(p, v);
  if (!now_str.empty()) {
    const char* now = now_str.c_str();
    // Beside the title where both fit (a little smaller if need be), else right-aligned on the
    // next line.
    const HeaderFit fit = header_fit(p.title, now_str);
    const float now_w = fit.value_scale * ImGui::CalcTextSize(now).x;
    if (fit.lines == 1) {
      // A smaller value sits on the title's baseline.
      const float drop = (1.0f - fit.value_scale) * ImGui::GetFontSize() * 0.8f;
      ImGui::SameLine(ImGui::GetContentRegionMax().x - now_w);
      ImGui::SetCursorPosY(ImGui::GetCursorPosY() + drop);
    } else {
      ImGui::SetCursorPosX(ImGui::GetContentRegionMax().x - now_w);
    }
    const float scale = ImGui::GetCurrentWindow()->FontWindowScale;
    ImGui::SetWindowFontScale(scale * fit.value_scale);
    ImGui::TextUnformatted(now);
    ImGui::SetWindowFontScale(scale);
  }
}

}  // namespace

void draw_flow_plot(const FlowPlot& p) {
  static const std::vector<float> none;
  const std::vector<float>& v = p.values ? *p.values : none;
  const float em = ImGui::GetFontSize();
  draw_plot_header(p, v);
  std::vector<float> mean;
  const PlotAxis axis = plot_axis(p, &mean);
  const float lo = axis.lo, hi = axis.hi;
  const std::optional<std::size_t> clipped = axis.clipped_peak;
  char lo_text[24], hi_text[24];
  // Rounded to whole units ("+ 0.0" turns a rounded -0 into 0).
  std::snprintf(hi_text, sizeof hi_text, "%.0f", std::round(static_cast<double>(hi)) + 0.0);
  std::snprintf(lo_text, sizeof lo_text, "%.0f", std::round(static_cast<double>(lo)) + 0.0);
  const float chart_h = p.chart_px > 0.0f ? p.chart_px : 3.6f * em;
  // The value axis's top and bottom labels: each at most half the chart tall, so a short chart
  // (1.5 lines at 720p in a picture's larger font) never prints one over the other.
  const float label_px = std::min(em, 0.5f * chart_h);
  const float axis_w = std::max(ImGui::GetFont()->CalcTextSizeA(label_px, FLT_MAX, 0.0f, hi_text).x,
                                ImGui::GetFont()->CalcTextSizeA(label_px, FLT_MAX, 0.0f, lo_text).x) + 0.4f * em;
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const float width = ImGui::GetContentRegionAvail().x;
  const ImVec2 a(origin.x + axis_w, origin.y), b(origin.x + width, origin.y + chart_h);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(a, b, kFrame, 2.0f);
  // Value axis: top and bottom of the range, in the plot's unit.
  tick_label(dl, a.x - 0.2f * em, a.y, hi_text, kAxis, true, label_px);
  tick_label(dl, a.x - 0.2f * em, b.y - label_px, lo_text, kAxis, true, label_px);
  const auto y_of = [&](float value) { return b.y - (value - lo) / (hi - lo) * (b.y - a.y); };
  // Time axis: a tick every 5 s back from now at the right, labelled every 10 s.
  const float px_per_s = (b.x - a.x) / p.span_s;
  for (int s = 0; s <= static_cast<int>(p.span_s); s += 5) {
    const float x = b.x - static_cast<float>(s) * px_per_s;
    dl->AddLine(ImVec2(x, b.y), ImVec2(x, b.y + 0.25f * em), kAxis);
    if (s % 10 != 0 || !p.time_labels) continue;
    char t[16];
    if (s == 0) std::snprintf(t, sizeof t, "%s", tr("ui.plot.now-tick"));
    else std::snprintf(t, sizeof t, "-%d s", s);
    const float size = kTimeLabelScale * em;
    const float tw = ImGui::GetFont()->CalcTextSizeA(size, FLT_MAX, 0.0f, t).x;
    dl->AddText(ImGui::GetFont(), size, ImVec2(std::clamp(x, a.x + 0.5f * tw, b.x - 0.5f * tw) - 0.5f * tw, b.y + 0.25f * em), kAxis, t);
  }
  // Resting level, dashed, with its label at the left.
  if (p.baseline) {
    const float y = y_of(*p.baseline);
    for (float x = a.x; x < b.x; x += 0.6f * em) dl->AddLine(ImVec2(x, y), ImVec2(std::min(x + 0.35f * em, b.x), y), kBaseline, 1.5f);
    // Above the line, or below it where the line runs along the chart's top: above, the label
    // ran out of the chart over the plot's title (a flat trace at rest puts the line there).
    // At the value axis's size (at most half the chart): at the text's full size a chart of 1.2
    // lines (German at 720p) had room neither above nor below, and the label ran under the chart
    // over the groin plot's key.
    dl->AddText(ImGui::GetFont(), label_px, ImVec2(a.x + 0.2f * em, rest_label_y(y, a.y, label_px)), kBaseline, tr("ui.plot.rest"));
  }
  // The trace, newest at the right edge; with a mean, faint under it.
  const std::size_t n = v.size();
  const auto x_of = [&](std::size_t i) { return b.x - static_cast<float>(n - 1 - i) * p.sample_interval_s * px_per_s; };
  const auto polyline = [&](const std::vector<float>& values, std::size_t first, ImU32 col, float thickness) {
    for (std::size_t i = 1; i < values.size(); ++i)
      dl->AddLine(ImVec2(x_of(first + i - 1), y_of(values[i - 1])), ImVec2(x_of(first + i), y_of(values[i])), col, thickness);
  };
  if (n >= 2) {
    dl->PushClipRect(a, b, true);
    polyline(v, 0, p.mean_and_settled_axis ? kTraceFaint : kTrace, p.mean_and_settled_axis ? 1.0f : 2.0f);
    polyline(mean, mean_half(p), kTrace, 2.5f);
    dl->PopClipRect();
  }
  // An older peak above the settled axis (the first pump after rest), or an older dip below it
  // (walking's first steps): a mark on the chart's edge where it was and its value, so that the
  // clipped spike is not taken for a small one.
  const auto mark = [&](std::size_t i, bool top, const char* key) {
    const float x = x_of(i), s = 0.3f * label_px;
    const float edge = top ? a.y + 1.0f : b.y - 1.0f, inward = top ? 1.0f : -1.0f;
    dl->AddTriangleFilled(ImVec2(x, edge), ImVec2(x - s, edge + inward * 1.6f * s), ImVec2(x + s, edge + inward * 1.6f * s), kTrace);
    char value[24];
    std::snprintf(value, sizeof value, "%.0f", static_cast<double>(v[i]) + 0.0);
    const std::string text = trf(key, {{"value", value}, {"unit", p.unit}});
    const float tw = ImGui::GetFont()->CalcTextSizeA(label_px, FLT_MAX, 0.0f, text.c_str()).x;
    const float tx = x + s + 0.2f * em + tw <= b.x ? x + s + 0.2f * em : x - s - 0.2f * em - tw;  // right of it where it fits
    const float ty = top ? edge : edge - label_px;
    dl->AddRectFilled(ImVec2(tx - 0.1f * em, ty), ImVec2(tx + tw + 0.1f * em, ty + label_px), kLabelBack);
    dl->AddText(ImGui::GetFont(), label_px, ImVec2(tx, ty), kMarkText, text.c_str());
  };
  // Where the bold line leaves the chart away from those marks, a bold tick on the edge it
  // crosses (its value is over the axis's, so the axis label already bounds it).
  const float near_px = 2.0f * em;
  for (const std::size_t i : axis.clipped_mean) {
    const bool top = mean[i - mean_half(p)] > hi;
    const std::optional<std::size_t> labelled = top ? clipped : axis.clipped_dip;
    if (labelled && std::abs(x_of(i) - x_of(*labelled)) < near_px) continue;
    const float x = x_of(i), edge = top ? a.y + 1.0f : b.y - 1.0f, inward = top ? 1.0f : -1.0f, s = 0.3f * label_px;
    dl->AddTriangleFilled(ImVec2(x, edge), ImVec2(x - s, edge + inward * 1.6f * s), ImVec2(x + s, edge + inward * 1.6f * s), kTrace);
  }
  // The labelled marks last, over those ticks: the second pump's tick landed on the "9" of
  // "peak 91 mL/s" (sitting ankle pumps at 25 s, session 18).
  if (clipped) mark(*clipped, true, "ui.plot.peak");
  if (axis.clipped_dip) mark(*axis.clipped_dip, false, "ui.plot.dip");
  if (p.mean_and_settled_axis)
    draw_mean_key(dl, a.x, b.y + (0.3f + (p.time_labels ? kTimeLabelScale : 0.0f)) * em, kTimeLabelScale * em, em);
  ImGui::Dummy(ImVec2(width, chart_h + below_chart(p, em)));
}

std::array<FlowPlot, 3> flow_panel_plots(const FlowPanelState& s) {
  const float span = 30.0f;  // app::FlowHistory keeps the last 30 s
  // Resting levels of this leg in this posture, once the worker has settled a copy of it (the
  // worker's first stage: before the indices, which take seconds on a leg not measured before).
  const bool rest = s.rest_ready || s.indices == FlowPanelState::Indices::ready;
  // The groin's flow over the last second, as the bold line ends ("mean 18.2 mL/s"): until
  // session 15 the header showed the flow of the moment, which settled walking swings from about
  // -15 to 60 mL/s within a stride, so it read -4.5 while the bold line sat above rest. Until
  // session 22 the mid-thigh femoral vein's speed stood beside it, unnamed, and read as the
  // groin's: between ankle pumps it falls below rest (3.1 against 9.4 cm/s) while the groin still
  // drains above rest (9.3 against 5.8 mL/s). The About tab shows that speed with its vein's name.
  // Since session 23 the speed beside the flow is the groin's own (app::record_flow: the common
  // femoral vein where it leaves the leg, its lying calibre calibrated to duplex measurements).
  const std::size_t width = 2 * mean_half(s.sample_interval_s) + 1;
  const float speed = s.femoral_cm_s.empty() ? s.femoral_velocity_cm_s : last_mean(s.femoral_cm_s, width);
  const std::string groin_now =
      s.femoral_ml_s.empty() ? std::string()
                             : trf("ui.plot.groin-now", {{"flow", format_value(last_mean(s.femoral_ml_s, width))},
                                                         {"speed", format_value(speed)}});
  return {FlowPlot{tr("ui.plot.groin"), "mL/s", &s.femoral_ml_s, s.sample_interval_s, span,
                   s.rest_femoral_ml_s > 0.0f ? std::optional<float>(s.rest_femoral_ml_s) : std::nullopt, 0.0f, false,
                   groin_now, true},
          FlowPlot{tr("ui.plot.calf"), "mL", &s.calf_ml, s.sample_interval_s, span,
                   rest ? std::optional<float>(s.rest_calf_ml) : std::nullopt, 0.0f, false, {}, false},
          FlowPlot{tr("ui.plot.ankle"), "mmHg", &s.ankle_mmhg, s.sample_interval_s, span,
                   rest ? std::optional<float>(s.rest_ankle_mmhg) : std::nullopt, 0.0f, true, {}, false}};
}

float flow_panel_chart_px(const FlowPanelState& s, float room_px) {
  const float em = ImGui::GetFontSize();
  const std::array<FlowPlot, 3> plots = flow_panel_plots(s);
  // The charts share what the headers and the time axis leave of the room, 1.2 to 3.6 lines each
  // (at 1.2 the value axis's top and bottom labels, each at most half the chart tall, still
  // stand apart; the least was 1.5 until the groin plot's key took a row under its chart).
  const ImGuiStyle& style = ImGui::GetStyle();
  float fixed = 0.0f;
  for (const FlowPlot& p : plots) {
    const int lines = header_lines(p.title, now_text(p, p.values ? *p.values : std::vector<float>{}));
    fixed += static_cast<float>(lines) * ImGui::GetTextLineHeightWithSpacing() + below_chart(p, em) + style.ItemSpacing.y;
  }
  const float chart = (room_px - fixed) / 3.0f;
  return chart < kLeastChartLines * em ? 0.0f : std::floor(std::min(chart, 3.6f * em));
}

void draw_flow_panel_plots(const FlowPanelState& s, float room_px) {
  std::array<FlowPlot, 3> plots = flow_panel_plots(s);
  const float chart = flow_panel_chart_px(s, room_px);
  for (FlowPlot& p : plots) {
    if (chart == 0.0f) {
      // Too little room for three charts (under a long lesson step at 1280x720): each plot's
      // value now, without its chart. Until session 25 the charts were squeezed to 1.2 lines
      // there and the panel scrolled: the groin's chart 24 px tall in a headless picture, its
      // axis labels 12 px, the other two plots below the panel's edge.
      draw_plot_header(p, p.values ? *p.values : std::vector<float>{});
      continue;
    }
    p.chart_px = chart;
    draw_flow_plot(p);
  }
}

float flow_tab_room() {
  const ImGuiStyle& style = ImGui::GetStyle();
  return place_panel(Panel::flow, current_panel_input(false, {})).max_height - ImGui::GetCursorPosY() -
         style.WindowPadding.y - style.ItemSpacing.y;
}

void draw_flow_notes(const FlowPanelState& s) {
  const std::string speed = trf("ui.plot.femoral-speed", {{"speed", format_value(s.femoral_velocity_cm_s)}});
  const char* how = tr("ui.clinic.how");
  // Both paragraphs whole, the text smaller where a picture's font would make them scroll.
  const float width = ImGui::GetContentRegionAvail().x;
  (void)fit_text_scale(flow_tab_room(), [&] {
    return ImGui::CalcTextSize(speed.c_str(), nullptr, false, width).y + ImGui::GetStyle().ItemSpacing.y +
           ImGui::CalcTextSize(how, nullptr, false, width).y;
  });
  ImGui::TextWrapped("%s", speed.c_str());
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  ImGui::TextWrapped("%s", how);
  ImGui::PopStyleColor();
  ImGui::SetWindowFontScale(1.0f);
}

}  // namespace effleura::ui
