#include "ui/teaching_panels.hpp"

#include <algorithm>
#include <cstdio>

#include <imgui.h>

#include "anatomy/areas.hpp"
#include "ui/flow_plot.hpp"
#include "ui/main_ui.hpp"
#include "ui/panel_layout.hpp"
#include "ui/tr.hpp"

namespace effleura::ui {
namespace {

constexpr ImGuiWindowFlags kDocked = ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoMove;

void wrapped(const std::string& s) {
  if (!s.empty()) ImGui::TextWrapped("%s", s.c_str());
}

}  // namespace

TimelineCommands draw_timeline_panel(const TimelineState& s) {
  TimelineCommands c;
  const int area_filter = s.area_filter;
  // Docked top right and sized to what it shows (ui/panel_layout.hpp).
  set_next_panel(Panel::technique, current_panel_input(false, {}));
  // The window's id stays "Technique" in every language (tests find it by that name).
  const std::string shown_title = tr("ui.technique.title");
  const std::string title = shown_title == "Technique" ? shown_title : shown_title + "###Technique";
  const bool open = ImGui::Begin(title.c_str(), nullptr, kDocked);
  unfold_on_title_click();
  if (!open) { ImGui::End(); return c; }
  remember_panel_height(Panel::technique);

  // The area filter answers "which techniques work on the calves?". Its closed box says what it
  // does and how many techniques it lets through: "All areas" alone read as an area to light
  // (session 22's new-user pass), not as a filter on the list below it.
  const char* any = tr("ui.technique.all-areas");
  const auto works_on = [&](const TechniqueEntry& t, int area) {
    return area < 0 || std::find(t.areas.begin(), t.areas.end(), anatomy::kAreaIds[static_cast<std::size_t>(area)]) != t.areas.end();
  };
  const auto listed = std::count_if(s.techniques.begin(), s.techniques.end(), [&](const TechniqueEntry& t) { return works_on(t, area_filter); });
  const std::string filter = trf("ui.technique.filter", {{"area", area_filter < 0 ? any : area_label(static_cast<std::size_t>(area_filter))},
                                                         {"count", std::to_string(listed)}});
  ImGui::SetNextItemWidth(-1.0f);
  const bool filter_open = ImGui::BeginCombo("##area", filter.c_str());
  if (!filter_open && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("ui.technique.filter-help"));
  if (filter_open) {
    if (ImGui::Selectable(any, area_filter < 0)) c.area_filter = -1;
    for (std::size_t a = 0; a < anatomy::kAreaCount; ++a)
      if (ImGui::Selectable(area_label(a), area_filter == static_cast<int>(a))) c.area_filter = static_cast<int>(a);
    ImGui::EndCombo();
  }
  ImGui::SetNextItemWidth(-1.0f);
  std::string current_name = tr("ui.technique.none");
  for (const auto& t : s.techniques)
    if (t.id == s.current) current_name = t.name;
  if (ImGui::BeginCombo("##technique", current_name.c_str())) {
    if (ImGui::Selectable(tr("ui.technique.none"), s.current.empty())) c.select = "";
    for (const auto& t : s.techniques) {
      if (!works_on(t, area_filter)) continue;
      if (ImGui::Selectable(t.name.c_str(), t.id == s.current)) c.select = t.id;
    }
    ImGui::EndCombo();
  }
  if (!s.reload_error.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1.0f, 0.6f, 0.4f, 1.0f));
    ImGui::TextWrapped("%s", s.reload_error.c_str());  // app/reload_notice.cpp says what happened
    ImGui::PopStyleColor();
  }
  if (s.current.empty()) {
    ImGui::TextWrapped("%s", tr("ui.technique.choose"));
    ImGui::End();
    return c;
  }
  if (ImGui::Button("|<")) c.step_back = true;
  ImGui::SameLine();
  if (ImGui::Button(tr_id(s.playing ? "ui.technique.pause" : "ui.technique.play").c_str())) c.toggle_play = true;
  ImGui::SameLine();
  if (ImGui::Button(">|")) c.step_forward = true;
  ImGui::SameLine();
  if (ImGui::Button(tr_id("ui.technique.replay").c_str())) c.replay = true;
  ImGui::SameLine();
  bool loop = s.looping;
  if (ImGui::Checkbox(tr_id("ui.technique.loop").c_str(), &loop)) c.looping = loop;
  float t = static_cast<float>(s.time);
  ImGui::SetNextItemWidth(-1.0f);
  if (ImGui::SliderFloat("##time", &t, 0.0f, static_cast<float>(s.duration), "%.1f s", ImGuiSliderFlags_AlwaysClamp)) c.seek = t;
  float speed = static_cast<float>(s.speed);
  ImGui::SetNextItemWidth(-1.0f);
  if (ImGui::SliderFloat("##speed", &speed, 0.1f, 2.0f, tr("ui.technique.speed"), ImGuiSliderFlags_AlwaysClamp)) c.speed = speed;
  ImGui::TextUnformatted(
      trf("ui.technique.step", {{"step", std::to_string(s.step + 1)}, {"count", std::to_string(s.step_count)}}).c_str());
  ImGui::Separator();
  wrapped(s.caption);
  if (!s.attend.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.55f, 0.9f, 1.0f, 1.0f));
    wrapped(s.attend);
    ImGui::PopStyleColor();
  }
  if (ImGui::CollapsingHeader(tr_id("ui.technique.about").c_str())) {
    wrapped(s.summary);
    ImGui::TextWrapped("%s", trf("ui.technique.direction-pressure", {{"direction", s.direction}, {"pressure", s.pressure}}).c_str());
    for (const auto& caution : s.cautions) {
      ImGui::Bullet();  // BulletText does not wrap (ImGui 1.86)
      ImGui::TextWrapped("%s", caution.c_str());
    }
    wrapped(s.evidence);
  }
  ImGui::End();
  return c;
}

FlowCommands draw_flow_panel(const FlowPanelState& s) {
  FlowCommands c;
  const float em = ImGui::GetFontSize();
  // Docked bottom right under the Technique panel, never taller than the room it leaves.
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  set_next_panel(Panel::flow, current_panel_input(false, {}));
  // Small screens start folded, unless the blood is on screen: then its plots explain it.
  ImGui::SetNextWindowCollapsed(display.y < 60 * em && !s.flow_view, ImGuiCond_FirstUseEver);
  // The window's id stays "Blood flow" in every language (tests and the layout find it by that name).
  const std::string shown_title = tr("ui.flow.title");
  const std::string title = shown_title == "Blood flow" ? shown_title : shown_title + "###Blood flow";
  const bool open = ImGui::Begin(title.c_str(), nullptr, kDocked);
  unfold_on_title_click();
  if (!open) { remember_panel_height(Panel::flow); ImGui::End(); return c; }
  remember_panel_height(Panel::flow);
  // Unfolded: the app computes the clinic's indices on a worker thread (~7 s of CPU, 30 s under
  // the sanitizers). A window's first frame reports open even when it starts folded (ImGui lays
  // its items out once to size it), so the fold is asked: a folded panel shows no figures.
  c.indices_wanted = !ImGui::IsWindowCollapsed();
  // The whole panel fits its share of the column at 720p (under the Technique panel, about 10
  // lines of text): the plots, the clinic's figures, the leg's settings and the notes each have
  // a tab, and the plots share the room the tab leaves (flow_plot.cpp).
  if (!s.flow_view && ImGui::Button(tr_id("ui.flow.show-veins").c_str())) c.show_flow_view = true;
  // What the panel may take at most (ui/panel_layout.cpp); a tab's content starts lower down.
  const float most = place_panel(Panel::flow, current_panel_input(false, {})).max_height;
  if (!ImGui::BeginTabBar("##flow-tabs")) { ImGui::End(); return c; }
  const auto tab = [&](const char* key, FlowPanelState::Tab which) {
    const bool forward = s.select_tab == which;
    return ImGui::BeginTabItem(tr_id(key).c_str(), nullptr, forward ? ImGuiTabItemFlags_SetSelected : 0);
  };
  if (tab("ui.flow.tab-plots", FlowPanelState::Tab::plots)) {
    draw_flow_panel_plots(s, most - ImGui::GetCursorPosY() - ImGui::GetStyle().WindowPadding.y - ImGui::GetStyle().ItemSpacing.y);
    ImGui::EndTabItem();
  }
  if (tab("ui.flow.tab-clinic", FlowPanelState::Tab::clinic)) {
    draw_flow_indices(s);
    ImGui::EndTabItem();
  }
  if (tab("ui.flow.tab-leg", FlowPanelState::Tab::leg)) {
    const char* postures[] = {"supine", "sitting", "standing", "raised"};
    const char* labels[] = {tr("ui.flow.supine"), tr("ui.flow.sitting"), tr("ui.flow.standing"), tr("ui.flow.raised")};
    int current = 0;
    for (int i = 0; i < 4; ++i)
      if (s.posture == postures[i]) current = i;
    if (ImGui::Combo(tr_id("ui.flow.posture").c_str(), &current, labels, 4)) c.posture = postures[current];
    float stocking = s.stocking_mmhg;
    if (ImGui::SliderFloat(tr_id("ui.flow.stocking").c_str(), &stocking, 0.0f, 40.0f, tr("ui.flow.stocking-value"), ImGuiSliderFlags_AlwaysClamp)) c.stocking_mmhg = stocking;
    if (ImGui::TreeNode("leaky", "%s", tr("ui.flow.leaky-valves"))) {
      for (std::size_t i = 0; i < s.veins.size(); ++i) {
        bool on = s.incompetent[i];
        // The vein by its name in the interface's language (its id when no locale names it).
        const char* name = tr_find("structure.vein." + s.veins[i]);
        const std::string label = std::string(name ? name : s.veins[i].c_str()) + "##" + s.veins[i];
        if (ImGui::Checkbox(label.c_str(), &on)) c.toggle_incompetent = i;
      }
      ImGui::TreePop();
    }
    // What the plots and the posture show, said where the posture is chosen.
    ImGui::TextWrapped("%s", tr("ui.flow.honest"));
    ImGui::EndTabItem();
  }
  if (tab("ui.flow.tab-about", FlowPanelState::Tab::about)) {
    draw_flow_notes(s);
    ImGui::EndTabItem();
  }
  ImGui::EndTabBar();
  ImGui::End();
  return c;
}

}  // namespace effleura::ui
