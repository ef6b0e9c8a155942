// The clinic's tests of the leg on screen, beside the Blood flow panel's plots: each figure with
// the range a clinic reads as normal and where that range comes from (docs/physiology.md).
#include <cstdio>

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
    ImGui::TextWrapped("%s", trf("ui.clinic.outside", {{"value", value}}).c_str());
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
  ImGui::Separator();
  ImGui::TextUnformatted(tr("ui.clinic.title"));
  if (s.indices == I::idle || s.indices == I::computing) {
    ImGui::TextDisabled("%s", tr("ui.clinic.computing"));
    return;
  }
  if (s.indices == I::failed) {
    ImGui::TextDisabled("%s", trf("ui.clinic.not-available", {{"error", s.indices_error}}).c_str());
    return;
  }
  if (!ImGui::BeginTable("##indices", 3, ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_RowBg)) return;
  ImGui::TableSetupColumn(tr("ui.clinic.test"), ImGuiTableColumnFlags_WidthStretch, 2.2f);
  ImGui::TableSetupColumn(tr("ui.clinic.this-leg"), ImGuiTableColumnFlags_WidthStretch, 1.3f);
  ImGui::TableSetupColumn(tr("ui.clinic.normal"), ImGuiTableColumnFlags_WidthStretch, 1.2f);
  ImGui::TableHeadersRow();
  char v[64];
  std::snprintf(v, sizeof v, "%.0f %%", 100.0 * static_cast<double>(s.ejection_fraction));
  row(tr("ui.clinic.ef"), v, tr("ui.clinic.ef-normal"), s.ejection_fraction > 0.6f);
  std::snprintf(v, sizeof v, "%.0f %%", 100.0 * static_cast<double>(s.residual_volume_fraction));
  row(tr("ui.clinic.rvf"), v, tr("ui.clinic.rvf-normal"), s.residual_volume_fraction < 0.35f);
  std::snprintf(v, sizeof v, "%.1f mL/s", static_cast<double>(s.filling_index_ml_s));
  row(tr("ui.clinic.filling"), v, tr("ui.clinic.filling-normal"), s.filling_index_ml_s < 2.0f);
  if (s.refill_time_s < 0.0f) std::snprintf(v, sizeof v, "%s", tr("ui.clinic.over-2-min"));
  else std::snprintf(v, sizeof v, "%.0f s", static_cast<double>(s.refill_time_s));
  row(tr("ui.clinic.refill"), v, tr("ui.clinic.refill-normal"), s.refill_time_s < 0.0f || s.refill_time_s > 20.0f);
  std::snprintf(v, sizeof v, "%.0f mmHg", static_cast<double>(s.ambulatory_mmhg));
  row(tr("ui.clinic.walking"), v, tr("ui.clinic.walking-normal"), s.ambulatory_mmhg >= 20.0f && s.ambulatory_mmhg <= 30.0f);
  if (s.recovery_s < 0.0f) std::snprintf(v, sizeof v, "%s", tr("ui.clinic.over-2-min"));
  else std::snprintf(v, sizeof v, "%.0f s", static_cast<double>(s.recovery_s));
  row(tr("ui.clinic.recovery"), v, tr("ui.clinic.recovery-normal"), s.recovery_s >= 20.0f && s.recovery_s <= 40.0f);
  ImGui::EndTable();
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  ImGui::TextWrapped("%s", tr("ui.clinic.how"));
  ImGui::PopStyleColor();
}

}  // namespace effleura::ui
