#include "ui/practice_panel.hpp"

#include <algorithm>
#include <cstdio>

#include <imgui.h>

#include "practice/wording.hpp"
#include "ui/panel_layout.hpp"
#include "ui/tr.hpp"

namespace effleura::ui {
namespace {

constexpr ImGuiWindowFlags kDocked = ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoMove;
const ImVec4 kGood(0.55f, 0.85f, 0.55f, 1.0f);
const ImVec4 kChange(1.0f, 0.65f, 0.35f, 1.0f);

std::string whole(float v) {
  char text[16];
  std::snprintf(text, sizeof text, "%.0f", v);
  return text;
}

void gauge(const PracticePanelState& s, PracticeCommands& c) {
  // Full scale: twice the technique's pressure, so its own pressure sits mid-gauge; green
  // within the band the grading accepts, orange outside it.
  const float full = std::max(2.0f * s.typical_mmhg, 20.0f);
  const bool in_band = s.pressure_mmhg >= s.band_low * s.typical_mmhg && s.pressure_mmhg <= s.band_high * s.typical_mmhg;
  const std::string label = trf("ui.practice.pressure", {{"mmhg", whole(s.pressure_mmhg)}});
  if (ImGui::Button(" - ")) c.pressure_mmhg = s.pressure_mmhg - 2.0f;
  ImGui::SameLine();
  ImGui::PushStyleColor(ImGuiCol_PlotHistogram, in_band ? ImVec4(0.3f, 0.65f, 0.35f, 1.0f) : ImVec4(0.8f, 0.45f, 0.2f, 1.0f));
  const float plus = ImGui::CalcTextSize(" + ").x + 2.0f * ImGui::GetStyle().FramePadding.x + ImGui::GetStyle().ItemSpacing.x;
  ImGui::ProgressBar(std::clamp(s.pressure_mmhg / full, 0.0f, 1.0f), ImVec2(-plus, 0.0f), label.c_str());
  ImGui::PopStyleColor();
  ImGui::SameLine();
  if (ImGui::Button(" + ")) c.pressure_mmhg = s.pressure_mmhg + 2.0f;
  if (s.strokes == 0) {  // the how-to until the first stroke; the gauge says the rest
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
    ImGui::TextWrapped("%s", trf("ui.practice.pressure-help", {{"technique", s.technique_name},
                                                                {"mmhg", whole(s.typical_mmhg)}}).c_str());
    ImGui::PopStyleColor();
  }
}

void grades(const PracticePanelState& s) {
  const auto& g = *s.last;
  ImGui::Separator();
  std::string right;
  for (std::size_t i = 0; i < practice::kCriterionCount; ++i)
    if (g.grades[i].applies && g.grades[i].pass) right += (right.empty() ? "" : ", ") + practice::criterion_name(i);
  ImGui::TextUnformatted(trf("ui.practice.last", {{"percent", whole(100.0f * g.score)}}).c_str());
  if (!right.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, kGood);
    ImGui::TextWrapped("%s", trf("ui.practice.right", {{"list", right}}).c_str());
    ImGui::PopStyleColor();
  }
  // Only the first thing to change is a sentence (the summary's); the rest are named.
  std::string change, also;
  for (std::size_t i = 0; i < practice::kCriterionCount; ++i) {
    const auto& x = g.grades[i];
    if (!x.applies || x.pass) continue;
    if (change.empty()) change = x.coaching;
    else also += (also.empty() ? "" : ", ") + practice::criterion_name(i);
  }
  ImGui::PushStyleColor(ImGuiCol_Text, kChange);
  if (!change.empty()) ImGui::TextWrapped("%s", trf("ui.practice.change", {{"text", change}}).c_str());
  if (!also.empty()) ImGui::TextWrapped("%s", trf("ui.practice.then", {{"list", also}}).c_str());
  ImGui::PopStyleColor();
}

void session(const PracticePanelState& s, PracticeCommands& c) {
  ImGui::Separator();
  std::string line = s.strokes == 1 ? std::string(tr("ui.practice.one-stroke"))
                                    : trf("ui.practice.strokes", {{"count", std::to_string(s.strokes)}});
  for (std::size_t i = 0; i < practice::kCriterionCount; ++i) {
    if (s.graded[i] == 0) continue;
    char percent[16];
    std::snprintf(percent, sizeof percent, " %.0f %%", 100.0f * s.mean_score[i]);
    line += (line.back() == ':' ? " " : ", ") + practice::criterion_name(i) + percent;
  }
  ImGui::TextWrapped("%s", line.c_str());
  // The trail on the leg keeps the session's strokes in these colours (app/practice_view.cpp).
  ImGui::TextColored(ImVec4(0.35f, 0.85f, 0.4f, 1.0f), "%s", tr("ui.practice.key-right"));
  ImGui::SameLine();
  ImGui::TextColored(ImVec4(0.98f, 0.7f, 0.22f, 1.0f), "%s", tr("ui.practice.key-improve"));
  ImGui::SameLine();
  ImGui::TextColored(ImVec4(0.95f, 0.3f, 0.25f, 1.0f), "%s", tr("ui.practice.key-unsafe"));
  // While showing, the button says what the white path is (no extra line: the panel keeps its height).
  const std::string show = std::string(tr(s.showing ? "ui.practice.show-me-white" : "ui.practice.show-me")) + "###showme";
  if (ImGui::SmallButton(show.c_str())) c.show_me = true;
  ImGui::SameLine();
  if (ImGui::SmallButton(tr_id("ui.practice.start-over").c_str())) c.clear = true;
}

}  // namespace

PracticeCommands draw_practice_panel(const PracticePanelState& s) {
  PracticeCommands c;
  const PanelInput in = current_panel_input(false, {});
  const float em = ImGui::GetFontSize();
  // In the right-hand column between the Technique and Blood flow panels where there is room
  // (the leg stays in view to stroke it); else docked at the bottom between the side columns.
  // The room asked for is what the panel holds in its state, the same in every language: the
  // invitation and the technique's box (7 lines), or while practising the gauge and the grades
  // (14). Until session 23 it was 14 lines in both states, and the room under the Technique
  // panel, which grows and shrinks with each step's caption, was near that at 1280x720 in a
  // headless picture's font: the panel docked in the column or at the bottom as the step's
  // caption and the language had it (Spanish at the bottom for 9 of 10 techniques at 3 s,
  // English for 6 of 10).
  const PanelPlace tech = place_panel(Panel::technique, in), flow = place_panel(Panel::flow, in);
  const float gap = 0.4f * em;
  const float top = tech.bounds().y + in.height[static_cast<int>(Panel::technique)] + gap;
  const float flow_top = flow.pos.y - flow.pivot.y * in.height[static_cast<int>(Panel::flow)];
  const float needed = (s.active ? 14.0f : 7.0f) * em;
  const bool in_column = in.height[static_cast<int>(Panel::technique)] > 0.0f && flow_top - gap - top >= needed;
  if (in_column) {
    ImGui::SetNextWindowPos(ImVec2(tech.bounds().x, top), ImGuiCond_Always);
    ImGui::SetNextWindowSizeConstraints(ImVec2(tech.width, 0.0f), ImVec2(tech.width, flow_top - gap - top));
  } else {
    const float left = left_column_width(in), right = right_column_width(in);
    const float room = std::max(in.display.x - left - right - em, 16.0f * em);
    const float width = std::min(30.0f * em, room);
    ImGui::SetNextWindowPos(ImVec2(left + 0.5f * (in.display.x - left - right), in.display.y - in.bar - 0.25f * em),
                            ImGuiCond_Always, ImVec2(0.5f, 1.0f));
    ImGui::SetNextWindowSizeConstraints(ImVec2(width, 0.0f), ImVec2(width, 0.6f * in.display.y));
  }
  // The window's id stays "Practice" whatever the language.
  const std::string title = std::string(tr("ui.practice.title")) + "###Practice";
  const bool open = ImGui::Begin(title.c_str(), nullptr, kDocked);
  unfold_on_title_click();
  if (!open) {
    ImGui::End();
    return c;
  }
  if (!in_column) c.docked_top = ImGui::GetWindowPos().y;
  if (!s.active) {
    ImGui::TextWrapped("%s", tr("ui.practice.invite"));
    std::string name = tr("ui.practice.choose");
    for (const auto& t : s.techniques)
      if (t.id == s.suggested) name = t.name;
    // The button beside it keeps its whole word: between a widened View column (an area's notes,
    // a card) and the right-hand one the panel is narrow ("Practicar" was cut to "Practic").
    const std::string button = tr_id("ui.practice.practise");
    const ImGuiStyle& style = ImGui::GetStyle();
    const float button_w = s.suggested.empty() ? 0.0f : ImGui::CalcTextSize(button.c_str(), nullptr, true).x + 2.0f * style.FramePadding.x + style.ItemSpacing.x;
    ImGui::SetNextItemWidth(std::clamp(ImGui::GetContentRegionAvail().x - button_w, 6.0f * em, 14.0f * em));
    if (ImGui::BeginCombo("##practise", name.c_str())) {
      for (const auto& t : s.techniques)
        if (ImGui::Selectable(t.name.c_str(), t.id == s.suggested)) c.start = t.id;
      ImGui::EndCombo();
    }
    if (!s.suggested.empty()) {
      ImGui::SameLine();
      if (ImGui::Button(button.c_str())) c.start = s.suggested;
    }
    ImGui::End();
    return c;
  }
  ImGui::TextUnformatted(trf("ui.practice.practising", {{"technique", s.technique_name}}).c_str());
  ImGui::SameLine();
  if (ImGui::SmallButton(tr_id("ui.practice.stop").c_str())) c.stop = true;
  if (s.strokes == 0 || s.stroking)
    ImGui::TextWrapped("%s", tr(s.stroking ? "ui.practice.stroking" : "ui.practice.drag-help"));
  gauge(s, c);
  if (s.last) grades(s);
  if (s.strokes > 0) session(s, c);
  ImGui::End();
  return c;
}

}  // namespace effleura::ui
