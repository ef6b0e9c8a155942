#include "ui/main_ui.hpp"

#include <imgui.h>

namespace effleura::ui {

const char* area_label(std::size_t index) {
  static constexpr const char* kLabels[anatomy::kAreaCount] = {
      "Feet", "Ankles", "Calves", "Shin", "Thighs", "Behind the knee", "Hamstrings", "IT band", "Glutes"};
  return index < anatomy::kAreaCount ? kLabels[index] : "?";
}

namespace {

void menu_bar(const MainUiView& s, UiCommands& c) {
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
    bool shown = s.show_view_panel;
    if (ImGui::MenuItem("View panel", nullptr, &shown)) c.show_view_panel = shown;
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

void view_panel(const MainUiView& s, UiCommands& c) {
  if (!s.show_view_panel) return;
  const float scale = ImGui::GetFontSize() / 17.0f;
  ImGui::SetNextWindowPos(ImVec2(10 * scale, 40 * scale), ImGuiCond_FirstUseEver);
  ImGui::SetNextWindowSize(ImVec2(250 * scale, 0), ImGuiCond_FirstUseEver);
  bool open = true;
  const bool visible = ImGui::Begin("View", &open);
  if (!open) c.show_view_panel = false;
  if (!visible) { ImGui::End(); return; }
  ImGui::TextUnformatted("Layers");
  render::LayerVisibility layers = s.layers;
  bool changed = ImGui::Checkbox("Skin", &layers.skin);
  ImGui::SameLine();
  changed |= ImGui::Checkbox("Muscles", &layers.muscles);
  changed |= ImGui::Checkbox("Bones", &layers.bones);
  ImGui::SameLine();
  changed |= ImGui::Checkbox("Veins", &layers.veins);
  changed |= ImGui::Checkbox("Arteries", &layers.arteries);
  ImGui::SameLine();
  changed |= ImGui::Checkbox("Nerves", &layers.nerves);
  if (changed) c.layers = layers;
  ImGui::SetNextItemWidth(-1.0f);
  float opacity = s.skin_opacity;
  if (ImGui::SliderFloat("##opacity", &opacity, 0.0f, 1.0f, "skin opacity %.2f")) c.skin_opacity = opacity;
  ImGui::Separator();
  ImGui::TextUnformatted("Target areas");
  for (std::size_t i = 0; i < anatomy::kAreaCount; ++i) {
    bool on = s.selected[i];
    if (ImGui::Checkbox(area_label(i), &on)) c.area = AreaChoice{i, on};
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

void status_bar(const MainUiView& s) {
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

UiCommands draw_main_ui(const MainUiView& state) {
  UiCommands commands;
  menu_bar(state, commands);
  view_panel(state, commands);
  status_bar(state);
  return commands;
}

}  // namespace effleura::ui
