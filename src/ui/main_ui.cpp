#include "ui/main_ui.hpp"

#include <imgui.h>

namespace effleura::ui {

const char* area_label(std::size_t index) {
  static constexpr const char* kLabels[anatomy::kAreaCount] = {
      "Feet", "Ankles", "Calves", "Shin", "Thighs", "Behind the knee", "Hamstrings", "IT band", "Glutes"};
  return index < anatomy::kAreaCount ? kLabels[index] : "?";
}

namespace {

void menu_bar(UiState& s, UiCommands& c) {
  if (!ImGui::BeginMainMenuBar()) return;
  if (ImGui::BeginMenu("File")) {
    if (ImGui::MenuItem("Save screenshot", "F12")) c.screenshot = true;
    ImGui::Separator();
    if (ImGui::MenuItem("Quit", "Ctrl+Q")) c.quit = true;
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu("View")) {
    const char* names[] = {"Front", "Back", "Lateral (outside)", "Medial (inside)", "Top"};
    const char* keys[] = {"1", "2", "3", "4", "5"};
    for (int i = 0; i < 5; ++i)
      if (ImGui::MenuItem(names[i], keys[i])) c.preset = static_cast<render::ViewPreset>(i);
    ImGui::Separator();
    if (ImGui::MenuItem("Reset camera", "R")) c.reset_camera = true;
    ImGui::MenuItem("View panel", nullptr, &s.show_view_panel);
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu("Help")) {
    ImGui::TextUnformatted("Left drag: orbit   Right or middle drag: pan   Wheel: zoom");
    ImGui::TextUnformatted("Arrows: orbit   Shift+arrows: pan   +/-: zoom   1-5: views   R: reset");
    ImGui::Separator();
    ImGui::TextUnformatted("Effleura is for learning. It is not medical advice.");
    ImGui::EndMenu();
  }
  ImGui::EndMainMenuBar();
}

void view_panel(UiState& s) {
  if (!s.show_view_panel) return;
  const float scale = ImGui::GetFontSize() / 17.0f;
  ImGui::SetNextWindowPos(ImVec2(10 * scale, 40 * scale), ImGuiCond_FirstUseEver);
  ImGui::SetNextWindowSize(ImVec2(250 * scale, 0), ImGuiCond_FirstUseEver);
  if (!ImGui::Begin("View", &s.show_view_panel)) { ImGui::End(); return; }
  ImGui::TextUnformatted("Layers");
  ImGui::Checkbox("Skin", &s.layers->skin);
  ImGui::SameLine();
  ImGui::Checkbox("Muscles", &s.layers->muscles);
  ImGui::Checkbox("Bones", &s.layers->bones);
  ImGui::SameLine();
  ImGui::Checkbox("Veins", &s.layers->veins);
  ImGui::Checkbox("Arteries", &s.layers->arteries);
  ImGui::SameLine();
  ImGui::Checkbox("Nerves", &s.layers->nerves);
  ImGui::SetNextItemWidth(-1.0f);
  ImGui::SliderFloat("##opacity", s.skin_opacity, 0.0f, 1.0f, "skin opacity %.2f");
  ImGui::Separator();
  ImGui::TextUnformatted("Target areas");
  for (std::size_t i = 0; i < anatomy::kAreaCount; ++i) {
    bool on = (*s.selected)[i];
    if (ImGui::Checkbox(area_label(i), &on)) {
      (*s.selected)[i] = on;
      if (on) s.focus_area = static_cast<int>(i);
    }
  }
  if (s.areas && s.focus_area >= 0) {
    const anatomy::AreaInfo& a = s.areas->areas[static_cast<std::size_t>(s.focus_area)];
    ImGui::Separator();
    ImGui::TextUnformatted(a.name.c_str());
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(a.description.c_str());
    ImGui::TextDisabled("Pressure: %s (about %.0f-%.0f mmHg, an estimate)", std::string(anatomy::pressure_name(a.pressure)).c_str(),
                        static_cast<double>(a.pressure_mmhg_min), static_cast<double>(a.pressure_mmhg_max));
    for (const auto& caution : a.cautions) {
      ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1.0f, 0.75f, 0.45f, 1.0f));
      // BulletText does not wrap (ImGui 1.86); a bullet then wrapped text does.
      ImGui::Bullet();
      ImGui::TextWrapped("%s", caution.c_str());
      ImGui::PopStyleColor();
    }
    ImGui::PopTextWrapPos();
  }
  ImGui::End();
}

void status_bar(const UiState& s) {
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  const float h = ImGui::GetFrameHeight();
  ImGui::SetNextWindowPos(ImVec2(vp->Pos.x, vp->Pos.y + vp->Size.y - h));
  ImGui::SetNextWindowSize(ImVec2(vp->Size.x, h));
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                 ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing |
                                 ImGuiWindowFlags_NoNav;
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(8, 2));
  if (ImGui::Begin("##status", nullptr, flags)) {
    ImGui::Text("%.1f ms/frame   %s", static_cast<double>(s.frame_ms), s.renderer_name.c_str());
    if (!s.status_message.empty()) {
      ImGui::SameLine();
      ImGui::TextUnformatted(("   " + s.status_message).c_str());
    }
  }
  ImGui::End();
  ImGui::PopStyleVar();
}

}  // namespace

UiCommands draw_main_ui(UiState& state) {
  UiCommands commands;
  menu_bar(state, commands);
  view_panel(state);
  status_bar(state);
  return commands;
}

}  // namespace effleura::ui
