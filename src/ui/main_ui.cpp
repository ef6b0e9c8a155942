#include "ui/main_ui.hpp"

#include <algorithm>
#include <cstdio>

#include <imgui.h>

#include "ui/cautions.hpp"
#include "ui/panel_layout.hpp"

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
    ImGui::Separator();
    // Kept in the settings file; the text is sharp at the new size from the next start.
    char size[48];
    std::snprintf(size, sizeof size, "Interface size: %.0f %%", static_cast<double>(100.0f * s.interface_scale));
    ImGui::TextDisabled("%s", size);
    if (ImGui::MenuItem("Larger interface", nullptr, false, s.interface_scale < 2.49f)) c.interface_scale = s.interface_scale + 0.125f;
    if (ImGui::MenuItem("Smaller interface", nullptr, false, s.interface_scale > 0.76f)) c.interface_scale = s.interface_scale - 0.125f;
    if (ImGui::MenuItem("Normal interface size", nullptr, false, s.interface_scale != 1.0f)) c.interface_scale = 1.0f;
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

// The area boxes in two columns (nine rows do not fit a 720-line window with the notes):
// pairs of short names side by side, "Behind the knee" alone; one column when too narrow.
void area_boxes(const MainUiView& s, UiCommands& c) {
  constexpr int kPairs[5][2] = {{0, 1}, {2, 3}, {4, 6}, {7, 8}, {5, -1}};
  const ImGuiStyle& style = ImGui::GetStyle();
  auto box_w = [&](int i) {
    return ImGui::GetFrameHeight() + style.ItemInnerSpacing.x + ImGui::CalcTextSize(area_label(static_cast<std::size_t>(i))).x;
  };
  float first = 0.0f, second = 0.0f;
  for (const auto& pair : kPairs)
    if (pair[1] >= 0) {
      first = std::max(first, box_w(pair[0]));
      second = std::max(second, box_w(pair[1]));
    }
  const float col2 = first + 2.0f * style.ItemSpacing.x;
  const bool two = col2 + second <= ImGui::GetContentRegionAvail().x;
  auto box = [&](int i) {
    bool on = s.selected[static_cast<std::size_t>(i)];
    if (ImGui::Checkbox(area_label(static_cast<std::size_t>(i)), &on)) c.area = AreaChoice{static_cast<std::size_t>(i), on};
  };
  for (const auto& pair : kPairs) {
    box(pair[0]);
    if (pair[1] < 0) continue;
    if (two) ImGui::SameLine(col2 + style.WindowPadding.x);
    box(pair[1]);
  }
}

float notes_height(const anatomy::AreaInfo& a) {
  const float w = ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ScrollbarSize;
  const float line = ImGui::GetTextLineHeightWithSpacing();
  float h = ImGui::CalcTextSize(a.description.c_str(), nullptr, false, w).y + 2.0f * line;  // + the pressure line
  for (const auto& caution : a.cautions)
    h += ImGui::CalcTextSize(caution.c_str(), nullptr, false, w - ImGui::GetFontSize()).y + ImGui::GetStyle().ItemSpacing.y;
  return h + line;
}

void view_panel(const MainUiView& s, UiCommands& c) {
  if (!s.show_view_panel) return;
  const PanelInput in = current_panel_input(false, {});
  const PanelPlace place = place_panel(Panel::view, in);
  set_next_panel(Panel::view, in);
  bool open = true;
  const bool visible = ImGui::Begin("View", &open, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoMove);
  if (!open) c.show_view_panel = false;
  if (!visible) { ImGui::End(); return; }
  remember_panel_height(Panel::view);
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
  if (ImGui::SliderFloat("##opacity", &opacity, 0.0f, 1.0f, "skin opacity %.2f", ImGuiSliderFlags_AlwaysClamp))
    c.skin_opacity = opacity;
  ImGui::Separator();
  if (s.show_atlas) {
    draw_atlas_tools(s.atlas, c.atlas);
    ImGui::Separator();
  }
  ImGui::TextUnformatted("Target areas");
  if (s.hide_areas) {
    // The lesson asks which area is lit: a ticked box would give the answer away.
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextDisabled("Hidden until you answer the lesson's question.");
    ImGui::PopTextWrapPos();
  } else {
    area_boxes(s, c);
  }
  if (s.areas && s.focus_area >= 0 && !s.hide_areas) {
    const anatomy::AreaInfo& a = s.areas->areas[static_cast<std::size_t>(s.focus_area)];
    ImGui::Separator();
    ImGui::TextUnformatted(a.name.c_str());
    // The notes scroll in their own box when the window is short, so the panel never runs
    // off the window and the notes' first lines are always in view.
    const float room = place.max_height - ImGui::GetCursorPosY() - 2.0f * ImGui::GetStyle().WindowPadding.y;
    ImGui::BeginChild("##notes", ImVec2(0.0f, std::max(std::min(notes_height(a), room), 3.0f * ImGui::GetTextLineHeight())));
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(a.description.c_str());
    ImGui::TextDisabled("Pressure: %s (about %.0f-%.0f mmHg, an estimate)", std::string(anatomy::pressure_name(a.pressure)).c_str(),
                        static_cast<double>(a.pressure_mmhg_min), static_cast<double>(a.pressure_mmhg_max));
    caution_bullets(a.cautions);
    ImGui::PopTextWrapPos();
    ImGui::EndChild();
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
  ImGui::PushStyleVar(ImGuiStyleVar_WindowMinSize, ImVec2(1, 1));  // else 32 px tall, past the window's bottom
  if (ImGui::Begin("##status", nullptr, flags)) {
    ImGui::TextUnformatted(status_text(s).c_str());
  }
  ImGui::End();
  ImGui::PopStyleVar(2);
}

}  // namespace

std::string status_text(const MainUiView& s) {
  std::string text = !s.status_message.empty()
                         ? s.status_message
                         : "Drag to turn the leg, wheel to zoom; point at it to name a part, click to light an area.";
  if (s.verbose) {
    char figures[96];
    std::snprintf(figures, sizeof figures, "%.1f ms/frame  %s   ", static_cast<double>(s.frame_ms), s.renderer_name.c_str());
    text = figures + text;
  }
  return text;
}

UiCommands draw_main_ui(const MainUiView& state) {
  UiCommands commands;
  menu_bar(state, commands);
  view_panel(state, commands);
  status_bar(state);
  return commands;
}

}  // namespace effleura::ui
