// The clinic's tests of the leg on screen, beside the Blood flow panel's plots: each figure with
// the range a clinic reads as normal and where that range comes from (docs/physiology.md).
#include <cstdio>

#include <imgui.h>

#include "ui/flow_plot.hpp"
#include "ui/teaching_panels.hpp"

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
    ImGui::TextWrapped("%s, outside", value);
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
  ImGui::TextUnformatted("The clinic's tests of this leg");
  if (s.indices == I::idle || s.indices == I::computing) {
    ImGui::TextDisabled("computing... (the model runs the three tests on a copy of this leg)");
    return;
  }
  if (s.indices == I::failed) {
    ImGui::TextDisabled("not available: %s", s.indices_error.c_str());
    return;
  }
  if (!ImGui::BeginTable("##indices", 3, ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_RowBg)) return;
  ImGui::TableSetupColumn("Test", ImGuiTableColumnFlags_WidthStretch, 2.2f);
  ImGui::TableSetupColumn("This leg", ImGuiTableColumnFlags_WidthStretch, 1.3f);
  ImGui::TableSetupColumn("Normal", ImGuiTableColumnFlags_WidthStretch, 1.2f);
  ImGui::TableHeadersRow();
  char v[64];
  std::snprintf(v, sizeof v, "%.0f %%", 100.0 * static_cast<double>(s.ejection_fraction));
  row("One tiptoe empties", v, "over 60 %", s.ejection_fraction > 0.6f);
  std::snprintf(v, sizeof v, "%.0f %%", 100.0 * static_cast<double>(s.residual_volume_fraction));
  row("Left after ten tiptoes", v, "under 35 %", s.residual_volume_fraction < 0.35f);
  std::snprintf(v, sizeof v, "%.1f mL/s", static_cast<double>(s.filling_index_ml_s));
  row("Calf fills on standing", v, "under 2 mL/s", s.filling_index_ml_s < 2.0f);
  if (s.refill_time_s < 0.0f) std::snprintf(v, sizeof v, "over 2 min");
  else std::snprintf(v, sizeof v, "%.0f s", static_cast<double>(s.refill_time_s));
  row("Refill after ten ankle pumps", v, "over 20 s", s.refill_time_s < 0.0f || s.refill_time_s > 20.0f);
  std::snprintf(v, sizeof v, "%.0f mmHg", static_cast<double>(s.ambulatory_mmhg));
  row("Ankle vein pressure walking", v, "20-30 mmHg", s.ambulatory_mmhg >= 20.0f && s.ambulatory_mmhg <= 30.0f);
  if (s.recovery_s < 0.0f) std::snprintf(v, sizeof v, "over 2 min");
  else std::snprintf(v, sizeof v, "%.0f s", static_cast<double>(s.recovery_s));
  row("Back to the standing level", v, "about 30 s", s.recovery_s >= 20.0f && s.recovery_s <= 40.0f);
  ImGui::EndTable();
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  ImGui::TextWrapped("Measured on the model as a clinic measures a patient: air plethysmography of the calf, "
                     "the refill test after ten ankle pumps sitting, and the ankle vein pressure while walking. "
                     "Normal ranges: reviews of plethysmography; van Bemmelen (filling); Pollack and Wood 1949 "
                     "(walking). Tick a leaky valve below to see how reflux changes them.");
  ImGui::PopStyleColor();
}

}  // namespace effleura::ui
