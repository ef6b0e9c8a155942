#include "ui/main_ui.hpp"

#include <algorithm>
#include <cstdio>

#include <imgui.h>

#include "ui/area_notes.hpp"
#include "ui/cautions.hpp"
#include "ui/panel_layout.hpp"
#include "ui/tr.hpp"

namespace effleura::ui {

const char* area_label(std::size_t index) {
  // Short names for boxes and labels on the leg ("area.*" are the lessons' longer ones).
  // Without loaded texts (tools and tests that skip app::load_content) the English names.
  static constexpr const char* kEnglish[anatomy::kAreaCount] = {
      "Feet", "Ankles", "Calves", "Shin", "Thighs", "Behind the knee", "Hamstrings", "IT band", "Glutes"};
  if (index >= anatomy::kAreaCount) return "?";
  if (!interface_locale()) return kEnglish[index];
  return tr("ui.area." + std::string(anatomy::kAreaIds[index]));
}

namespace {

void menu_bar(const MainUiView& s, UiCommands& c) {
  if (!ImGui::BeginMainMenuBar()) return;
  if (ImGui::BeginMenu(tr_id("ui.menu.file").c_str())) {
    if (ImGui::MenuItem(tr("ui.menu.screenshot"), "F12")) c.screenshot = true;
    ImGui::Separator();
    if (ImGui::MenuItem(tr("ui.menu.quit"), "Ctrl+Q")) c.quit = true;
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu(tr_id("ui.menu.view").c_str())) {
    const char* names[] = {tr("ui.menu.front"), tr("ui.menu.back"), tr("ui.menu.lateral"), tr("ui.menu.medial"), tr("ui.menu.top")};
    const char* keys[] = {"1", "2", "3", "4", "5"};
    for (int i = 0; i < 5; ++i)
      if (ImGui::MenuItem(names[i], keys[i])) c.preset = static_cast<render::ViewPreset>(i);
    ImGui::Separator();
    if (ImGui::MenuItem(tr("ui.menu.reset-camera"), "R")) c.reset_camera = true;
    bool shown = s.show_view_panel;
    if (ImGui::MenuItem(tr("ui.menu.view-panel"), nullptr, &shown)) c.show_view_panel = shown;
    ImGui::Separator();
    // Kept in the settings file; the text is sharp at the new size from the next start.
    char size[16];
    std::snprintf(size, sizeof size, "%.0f", static_cast<double>(100.0f * s.interface_scale));
    ImGui::TextDisabled("%s", trf("ui.menu.size", {{"percent", size}}).c_str());
    if (ImGui::MenuItem(tr("ui.menu.larger"), nullptr, false, s.interface_scale < 2.49f)) c.interface_scale = s.interface_scale + 0.125f;
    if (ImGui::MenuItem(tr("ui.menu.smaller"), nullptr, false, s.interface_scale > 0.76f)) c.interface_scale = s.interface_scale - 0.125f;
    if (ImGui::MenuItem(tr("ui.menu.normal-size"), nullptr, false, s.interface_scale != 1.0f)) c.interface_scale = 1.0f;
    ImGui::Separator();
    // Each language by its own name, so a reader finds theirs whatever is on screen now.
    if (ImGui::BeginMenu(tr_id("ui.menu.language").c_str())) {
      const std::string current = interface_language();
      for (const auto& l : interface_languages())
        if (ImGui::MenuItem(l.name.c_str(), l.id.c_str(), l.id == current) && l.id != current) c.language = l.id;
      ImGui::EndMenu();
    }
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu(tr_id("ui.menu.help").c_str())) {
    ImGui::TextUnformatted(tr("ui.help.mouse"));
    ImGui::TextUnformatted(tr("ui.help.keys"));
    ImGui::Separator();
    ImGui::TextUnformatted(tr("ui.help.not-advice"));
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

float notes_height(const std::string& description, const std::vector<std::string>& cautions) {
  const float w = ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ScrollbarSize;
  const float line = ImGui::GetTextLineHeightWithSpacing();
  float h = ImGui::CalcTextSize(description.c_str(), nullptr, false, w).y + 2.0f * line;  // + the pressure line
  for (const auto& caution : cautions)
    h += ImGui::CalcTextSize(caution.c_str(), nullptr, false, w - ImGui::GetFontSize()).y + ImGui::GetStyle().ItemSpacing.y;
  return h + line;
}

void view_panel(const MainUiView& s, UiCommands& c) {
  if (!s.show_view_panel) return;
  const PanelInput in = current_panel_input(false, {});
  const PanelPlace place = place_panel(Panel::view, in);
  set_next_panel(Panel::view, in);
  bool open = true;
  // The window's id stays "View" in every language (tests find it by that name).
  const std::string shown_title = tr("ui.view.title");
  const std::string title = shown_title == "View" ? shown_title : shown_title + "###View";
  const bool visible = ImGui::Begin(title.c_str(), &open, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoMove);
  if (!open) c.show_view_panel = false;
  if (!visible) { ImGui::End(); return; }
  remember_panel_height(Panel::view);
  ImGui::TextUnformatted(tr("ui.view.layers"));
  render::LayerVisibility layers = s.layers;
  bool changed = ImGui::Checkbox(tr_id("ui.view.skin").c_str(), &layers.skin);
  ImGui::SameLine();
  changed |= ImGui::Checkbox(tr_id("ui.view.muscles").c_str(), &layers.muscles);
  changed |= ImGui::Checkbox(tr_id("ui.view.bones").c_str(), &layers.bones);
  ImGui::SameLine();
  changed |= ImGui::Checkbox(tr_id("ui.view.veins").c_str(), &layers.veins);
  changed |= ImGui::Checkbox(tr_id("ui.view.arteries").c_str(), &layers.arteries);
  ImGui::SameLine();
  changed |= ImGui::Checkbox(tr_id("ui.view.nerves").c_str(), &layers.nerves);
  if (changed) c.layers = layers;
  ImGui::SetNextItemWidth(-1.0f);
  float opacity = s.skin_opacity;
  if (ImGui::SliderFloat("##opacity", &opacity, 0.0f, 1.0f, tr("ui.view.opacity"), ImGuiSliderFlags_AlwaysClamp))
    c.skin_opacity = opacity;
  ImGui::Separator();
  if (s.show_atlas) {
    draw_atlas_tools(s.atlas, c.atlas);
    ImGui::Separator();
  }
  ImGui::TextUnformatted(tr("ui.view.areas"));
  if (s.hide_areas) {
    // The lesson asks which area is lit: a ticked box would give the answer away.
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextDisabled("%s", tr("ui.view.areas-hidden"));
    ImGui::PopTextWrapPos();
  } else {
    area_boxes(s, c);
  }
  if (s.areas && s.focus_area >= 0 && !s.hide_areas) {
    const anatomy::AreaInfo& a = s.areas->areas[static_cast<std::size_t>(s.focus_area)];
    // In the interface's language where its locale has them (ui/area_notes.hpp), else areas.toml's.
    const std::string description = area_description(a);
    const std::vector<std::string> cautions = area_cautions(a);
    ImGui::Separator();
    ImGui::TextUnformatted(area_title(a).c_str());
    // The notes scroll in their own box when the window is short, so the panel never runs
    // off the window and the notes' first lines are always in view.
    const float room = place.max_height - ImGui::GetCursorPosY() - 2.0f * ImGui::GetStyle().WindowPadding.y;
    ImGui::BeginChild("##notes", ImVec2(0.0f, std::max(std::min(notes_height(description, cautions), room), 3.0f * ImGui::GetTextLineHeight())));
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(description.c_str());
    char low[16], high[16];
    std::snprintf(low, sizeof low, "%.0f", static_cast<double>(a.pressure_mmhg_min));
    std::snprintf(high, sizeof high, "%.0f", static_cast<double>(a.pressure_mmhg_max));
    const std::string pressure = tr("ui.pressure." + std::string(anatomy::pressure_name(a.pressure)));
    ImGui::TextDisabled("%s", trf("ui.view.pressure", {{"pressure", pressure}, {"min", low}, {"max", high}}).c_str());
    caution_bullets(cautions);
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
                         : std::string(tr("ui.status.hint"));
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
