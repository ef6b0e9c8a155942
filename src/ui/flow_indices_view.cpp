// The clinic's tests of the leg on screen, beside the Blood flow panel's plots: each figure with
// the range a clinic reads as normal and where that range comes from (docs/physiology.md).
#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include <imgui.h>

#include "ui/flow_plot.hpp"
#include "ui/teaching_panels.hpp"
#include "ui/tr.hpp"

namespace effleura::ui {
namespace {

// One row of the table: what was measured, this leg's value, the normal range. Outside the
// range the value is amber and says "outside" in words (colour-blind-safe); cells wrap, so a
// narrow panel loses nothing.
void row(const char* what, const char* value, const char* normal, bool inside) {
  ImGui::TableNextRow();
  ImGui::TableNextColumn();
  ImGui::TextWrapped("%s", what);
  ImGui::TableNextColumn();
  if (inside) ImGui::TextWrapped("%s", value);
  else {
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.90f, 0.62f, 0.0f, 1.0f));
    ImGui::TextWrapped("%s", value);  // says "outside" in words
    ImGui::PopStyleColor();
  }
  ImGui::TableNextColumn();
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  ImGui::TextWrapped("%s", normal);
  ImGui::PopStyleColor();
}

}  // namespace

void draw_flow_indices(const FlowPanelState& s) {
  using I = FlowPanelState::Indices;
  // The tab names it ("Clinic"); the table's header says whose leg.
  if (s.indices == I::idle || s.indices == I::computing) {
    ImGui::TextDisabled("%s", tr("ui.clinic.computing"));
    return;
  }
  if (s.indices == I::failed) {
    ImGui::TextDisabled("%s", trf("ui.clinic.not-available", {{"error", s.indices_error}}).c_str());
    return;
  }
  struct Row {
    const char* what;
    std::string value;
    const char* normal;
    bool inside;
  };
  char v[64];
  std::vector<Row> rows;
  std::snprintf(v, sizeof v, "%.0f %%", 100.0 * static_cast<double>(s.ejection_fraction));
  rows.push_back({tr("ui.clinic.ef"), v, tr("ui.clinic.ef-normal"), s.ejection_fraction > 0.6f});
  std::snprintf(v, sizeof v, "%.0f %%", 100.0 * static_cast<double>(s.residual_volume_fraction));
  rows.push_back({tr("ui.clinic.rvf"), v, tr("ui.clinic.rvf-normal"), s.residual_volume_fraction < 0.35f});
  std::snprintf(v, sizeof v, "%.1f mL/s", static_cast<double>(s.filling_index_ml_s));
  rows.push_back({tr("ui.clinic.filling"), v, tr("ui.clinic.filling-normal"), s.filling_index_ml_s < 2.0f});
  if (s.refill_time_s < 0.0f) std::snprintf(v, sizeof v, "%s", tr("ui.clinic.over-2-min"));
  else std::snprintf(v, sizeof v, "%.0f s", static_cast<double>(s.refill_time_s));
  rows.push_back({tr("ui.clinic.refill"), v, tr("ui.clinic.refill-normal"), s.refill_time_s < 0.0f || s.refill_time_s > 20.0f});
  std::snprintf(v, sizeof v, "%.0f mmHg", static_cast<double>(s.ambulatory_mmhg));
  rows.push_back({tr("ui.clinic.walking"), v, tr("ui.clinic.walking-normal"), s.ambulatory_mmhg >= 20.0f && s.ambulatory_mmhg <= 30.0f});
  if (s.recovery_s < 0.0f) std::snprintf(v, sizeof v, "%s", tr("ui.clinic.over-2-min"));
  else std::snprintf(v, sizeof v, "%.0f s", static_cast<double>(s.recovery_s));
  rows.push_back({tr("ui.clinic.recovery"), v, tr("ui.clinic.recovery-normal"), s.recovery_s >= 20.0f && s.recovery_s <= 40.0f});
  for (Row& r : rows)
    if (!r.inside) r.value = trf("ui.clinic.outside", {{"value", r.value}});
  // The figures' columns as wide as their longest cell (up to a quarter of the panel each, then
  // they wrap), the tests' names the rest: fewer wrapped lines than equal shares.
  const float avail = ImGui::GetContentRegionAvail().x, quarter = 0.25f * avail;
  const float pad = ImGui::GetStyle().CellPadding.x;
  float value_w = 0.0f, normal_w = 0.0f;
  const auto measure_columns = [&] {
    value_w = ImGui::CalcTextSize(tr("ui.clinic.this-leg")).x;
    normal_w = ImGui::CalcTextSize(tr("ui.clinic.normal")).x;
    for (const Row& r : rows) {
      value_w = std::max(value_w, ImGui::CalcTextSize(r.value.c_str()).x);
      normal_w = std::max(normal_w, ImGui::CalcTextSize(r.normal).x);
    }
    value_w = std::min(value_w, quarter);
    normal_w = std::min(normal_w, quarter);
  };
  // The table's height at the text scale now set: the header line, then each row as tall as its
  // most wrapped cell (each column's text is its width less a cell's padding either side).
  const auto table_height = [&] {
    measure_columns();
    const float what_w = std::max(avail - value_w - normal_w - 6.0f * pad, 1.0f);
    const auto lines = [](const char* text, float w) { return ImGui::CalcTextSize(text, nullptr, false, w).y; };
    float h = ImGui::GetTextLineHeight();
    for (const Row& r : rows)
      h += std::max({lines(r.what, what_w), lines(r.value.c_str(), value_w), lines(r.normal, normal_w)});
    return h + ImGui::GetTextLineHeight();  // a line's margin: the estimate leaves out the table's borders
  };
  // The whole table in the tab, its text smaller where a picture's font would make it scroll.
  (void)fit_text_scale(flow_tab_room(), table_height);
  measure_columns();
  // Rows told apart by their shading, so no padding above and below the text: the table fits
  // the panel at 720p.
  ImGui::PushStyleVar(ImGuiStyleVar_CellPadding, ImVec2(ImGui::GetStyle().CellPadding.x, 0.0f));
  const bool table = ImGui::BeginTable("##indices", 3, ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_RowBg);
  ImGui::PopStyleVar();
  if (!table) {
    ImGui::SetWindowFontScale(1.0f);
    return;
  }
  ImGui::TableSetupColumn(tr("ui.clinic.test"), ImGuiTableColumnFlags_WidthStretch);
  ImGui::TableSetupColumn(tr("ui.clinic.this-leg"), ImGuiTableColumnFlags_WidthFixed, value_w);
  ImGui::TableSetupColumn(tr("ui.clinic.normal"), ImGuiTableColumnFlags_WidthFixed, normal_w);
  // The header as a plain row of dim text: ImGui's header row is a frame's height, the room of
  // half a line more than the panel has at 720p.
  ImGui::TableNextRow();
  for (const char* key : {"ui.clinic.test", "ui.clinic.this-leg", "ui.clinic.normal"}) {
    ImGui::TableNextColumn();
    ImGui::TextDisabled("%s", tr(key));
  }
  for (const Row& r : rows) row(r.what, r.value.c_str(), r.normal, r.inside);
  ImGui::EndTable();  // how they were measured and the sources: the About tab (draw_flow_notes)
  ImGui::SetWindowFontScale(1.0f);
}

}  // namespace effleura::ui
