#include "ui/atlas_panel.hpp"
#include "ui/cautions.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstring>

#include <imgui.h>

namespace effleura::ui {
namespace {

void search(const AtlasView& v, AtlasCommands& c) {
  std::array<char, 96> buf{};
  std::snprintf(buf.data(), buf.size(), "%s", v.query.c_str());
  ImGui::SetNextItemWidth(-1.0f);
  if (ImGui::InputTextWithHint("##find", "Find a muscle, bone, vein, nerve or area", buf.data(), buf.size()))
    c.query = std::string(buf.data());
  // Enter takes the best match, as a search box does.
  if (ImGui::IsItemDeactivated() && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter)) && !v.results.empty()) c.find = true;
  if (v.query.empty()) return;
  if (v.results.empty()) {
    ImGui::TextDisabled("Nothing by that name.");
    return;
  }
  const std::size_t n = std::min(v.results.size(), kAtlasResultsShown);
  for (std::size_t i = 0; i < n; ++i) {
    ImGui::PushID(static_cast<int>(i));
    // The kind beside the name when it fits (long names: the kind only on hover).
    const float room = ImGui::GetContentRegionAvail().x;
    const float name_w = ImGui::CalcTextSize(v.results[i].title.c_str()).x;
    const float kind_w = ImGui::CalcTextSize(v.results[i].kind.c_str()).x + ImGui::GetFontSize();
    if (ImGui::Selectable(v.results[i].title.c_str())) c.pick = i;
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s: %s", v.results[i].title.c_str(), v.results[i].kind.c_str());
    if (name_w + kind_w <= room) {
      ImGui::SameLine(room - kind_w + ImGui::GetFontSize() + ImGui::GetStyle().WindowPadding.x);
      ImGui::TextDisabled("%s", v.results[i].kind.c_str());
    }
    ImGui::PopID();
  }
  if (v.results.size() > n) ImGui::TextDisabled("%zu more: type more of the name.", v.results.size() - n);
}

void card(const StructureCard& k) {
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextUnformatted(k.title.c_str());
  ImGui::TextDisabled("%s", k.kind.c_str());
  ImGui::TextUnformatted(k.what.c_str());
  if (!k.massage.empty()) {
    ImGui::TextDisabled("For massage");
    ImGui::TextUnformatted(k.massage.c_str());
  }
  auto list = [](const char* head, const std::vector<std::string>& items) {
    if (items.empty()) return;
    std::string text = head;
    for (std::size_t i = 0; i < items.size(); ++i) text += (i ? ", " : " ") + items[i];
    ImGui::TextWrapped("%s", text.c_str());
  };
  list("Lies in:", k.areas);
  list("Techniques there:", k.techniques);
  caution_bullets(k.cautions);
  ImGui::PopTextWrapPos();
}

void selected(const AtlasView& v, AtlasCommands& c) {
  if (!v.selected) return;
  if (ImGui::SmallButton("Show only")) c.isolate = true;
  ImGui::SameLine();
  if (v.visibility == 2) {
    if (ImGui::SmallButton("Show")) c.visibility = 0;
  } else if (ImGui::SmallButton("Hide")) {
    c.visibility = 2;
  }
  ImGui::SameLine();
  if (v.visibility == 1) {
    if (ImGui::SmallButton("Solid")) c.visibility = 0;
  } else if (ImGui::SmallButton("Fade")) {
    c.visibility = 1;
  }
  ImGui::SameLine();
  if (ImGui::SmallButton("Close")) c.deselect = true;
  if (v.card) card(*v.card);
}

void tools(const AtlasView& v, AtlasCommands& c) {
  if (!v.any_changed) ImGui::BeginDisabled();
  if (ImGui::SmallButton("Show all")) c.show_all = true;
  if (!v.any_changed) ImGui::EndDisabled();
  ImGui::SameLine();
  bool labels = v.label_all;
  if (ImGui::Checkbox("Label all", &labels)) c.label_all = labels;
  bool clip = v.clip;
  if (ImGui::Checkbox("Cut across at", &clip)) c.clip = clip;
  ImGui::SameLine();
  ImGui::SetNextItemWidth(-1.0f);
  float at = 100.0f * v.clip_at;
  if (!v.clip) ImGui::BeginDisabled();
  if (ImGui::SliderFloat("##cut", &at, 0.0f, 100.0f, "%.0f %% up the leg", ImGuiSliderFlags_AlwaysClamp)) c.clip_at = at / 100.0f;
  bool below = v.clip_keep_below;
  if (ImGui::RadioButton("keep below", below)) c.clip_keep_below = true;
  ImGui::SameLine();
  if (ImGui::RadioButton("keep above", !below)) c.clip_keep_below = false;
  if (!v.clip) ImGui::EndDisabled();
  // Saved views: the camera, layers, lit areas, visibility and cut, under a name.
  static std::array<char, 48> name{};
  ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x * 0.6f);
  ImGui::InputTextWithHint("##view-name", "view name", name.data(), name.size());
  ImGui::SameLine();
  if (ImGui::SmallButton("Save view")) {
    std::string n = name.data();
    if (n.empty()) n = "View " + std::to_string(v.views.size() + 1);
    c.save_view = n;
    name.fill('\0');
  }
  for (std::size_t i = 0; i < v.views.size(); ++i) {
    ImGui::PushID(static_cast<int>(i));
    if (ImGui::SmallButton("x")) c.delete_view = i;
    ImGui::SameLine();
    if (ImGui::Selectable(v.views[i].c_str())) c.recall_view = i;
    ImGui::PopID();
  }
}

}  // namespace

void draw_atlas_tools(const AtlasView& v, AtlasCommands& c) {
  search(v, c);
  selected(v, c);
  if (ImGui::CollapsingHeader("Atlas tools")) tools(v, c);
}

}  // namespace effleura::ui
