#include "ui/atlas_panel.hpp"
#include "ui/atlas_card_size.hpp"
#include "ui/cautions.hpp"
#include "ui/text_scale.hpp"
#include "ui/tr.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstring>
#include <string>
#include <utility>

#include <imgui.h>
#include <imgui_internal.h>

namespace effleura::ui {
namespace {

void search(const AtlasView& v, AtlasCommands& c) {
  std::array<char, 96> buf{};
  std::snprintf(buf.data(), buf.size(), "%s", v.query.c_str());
  ImGui::SetNextItemWidth(-1.0f);
  if (ImGui::InputTextWithHint("##find", tr("ui.atlas.find-hint"), buf.data(), buf.size()))
    c.query = std::string(buf.data());
  // Enter takes the best match, as a search box does. Not only when results are shown: at a
  // software renderer's frame rate the name's last letters and Enter come in one frame, and the
  // results shown are still those of the text before (app::find_and_select finds none safely).
  if (ImGui::IsItemDeactivated() && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter))) c.find = true;
  if (v.query.empty()) return;
  if (v.results.empty()) {
    ImGui::TextDisabled("%s", tr("ui.atlas.nothing"));
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
  if (v.results.size() > n)
    ImGui::TextDisabled("%s", trf("ui.atlas.more", {{"count", std::to_string(v.results.size() - n)}}).c_str());
}

// "Origin: the back of the fibula's head ..." as one paragraph: the label dimmed, the fact after
// it, and its next lines back at the panel's left edge. (A fact drawn beside its label wraps in
// a column indented by that label: four ragged, narrow columns in a narrow panel.)
void run_in(const char* label, const std::string& fact) {
  ImGui::TextDisabled("%s", label);
  ImGui::SameLine();
  const char* begin = fact.c_str();
  const char* end = begin + fact.size();
  ImFont* font = ImGui::GetFont();
  const float room = ImGui::GetContentRegionAvail().x;
  const char* cut = font->CalcWordWrapPositionA(ImGui::GetFontSize() / font->FontSize, begin, end, room);
  if (cut == begin) {  // not even the first word fits beside the label
    ImGui::NewLine();
    ImGui::TextUnformatted(begin, end);
    return;
  }
  // No gap under the first line: the next ones read as the same paragraph.
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(ImGui::GetStyle().ItemSpacing.x, 0.0f));
  ImGui::TextUnformatted(begin, cut);
  ImGui::PopStyleVar();
  while (cut < end && (*cut == ' ' || *cut == '\n')) ++cut;
  if (cut < end) ImGui::TextUnformatted(cut, end);
}

bool kind_beside_title(const StructureCard& k, float width) {
  return ImGui::CalcTextSize(k.title.c_str()).x + ImGui::GetFontSize() + ImGui::CalcTextSize(k.kind.c_str()).x <= width;
}

void card(const StructureCard& k) {
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextUnformatted(k.title.c_str());
  // "Soleus  muscle" on one line where it fits: a line more for the card's text at 720p.
  if (kind_beside_title(k, ImGui::GetContentRegionAvail().x)) ImGui::SameLine(0.0f, ImGui::GetFontSize());
  ImGui::TextDisabled("%s", k.kind.c_str());
  ImGui::TextUnformatted(k.what.c_str());
  // Origin, insertion, action, nerve: each a paragraph led by its dimmed label.
  for (const auto& [key, text] : {std::pair{"ui.atlas.origin", &k.origin}, std::pair{"ui.atlas.insertion", &k.insertion},
                                  std::pair{"ui.atlas.action", &k.action}, std::pair{"ui.atlas.nerve", &k.nerve}}) {
    if (!text->empty()) run_in(tr(key), *text);
  }
  if (!k.massage.empty()) {
    ImGui::TextDisabled("%s", tr("ui.atlas.for-massage"));
    ImGui::TextUnformatted(k.massage.c_str());
  }
  auto list = [](const std::string& head, const std::vector<std::string>& items) {
    if (items.empty()) return;
    std::string text = head;
    for (std::size_t i = 0; i < items.size(); ++i) text += (i ? ", " : " ") + items[i];
    ImGui::TextWrapped("%s", text.c_str());
  };
  list(tr("ui.atlas.lies-in"), k.areas);
  list(tr("ui.atlas.techniques-there"), k.techniques);
  caution_bullets(k.cautions);
  ImGui::PopTextWrapPos();
}

}  // namespace


float card_height(const StructureCard& k, float width, float scale) {
  const TextScale scaled(scale);
  const ImGuiStyle& style = ImGui::GetStyle();
  const float sp = style.ItemSpacing.y;
  auto text = [&](const std::string& t, float w) { return t.empty() ? 0.0f : ImGui::CalcTextSize(t.c_str(), nullptr, false, w).y + sp; };
  float h = text(k.title, width) + (kind_beside_title(k, width) ? 0.0f : text(k.kind, width)) + text(k.what, width);
  // A run-in paragraph: its label and fact wrapped as one text (run_in puts no gap under the
  // first line, so the paragraph is as tall as that text).
  for (const auto& [key, fact] : {std::pair{"ui.atlas.origin", &k.origin}, std::pair{"ui.atlas.insertion", &k.insertion},
                                  std::pair{"ui.atlas.action", &k.action}, std::pair{"ui.atlas.nerve", &k.nerve}})
    if (!fact->empty()) h += text(std::string(tr(key)) + "  " + *fact, width);
  if (!k.massage.empty()) h += text(tr("ui.atlas.for-massage"), width) + text(k.massage, width);
  for (const auto& [head, items] : {std::pair{"ui.atlas.lies-in", &k.areas}, std::pair{"ui.atlas.techniques-there", &k.techniques}}) {
    if (items->empty()) continue;
    std::string t = tr(head);
    for (std::size_t i = 0; i < items->size(); ++i) t += (i ? ", " : " ") + (*items)[i];
    h += text(t, width);
  }
  // A caution's text starts after its bullet (ImGui::Bullet: a font size, then two paddings).
  for (const auto& c : k.cautions) h += text(c, width - ImGui::GetFontSize() - 2.0f * style.FramePadding.x);
  return h;
}

namespace {

// The next small button (or, `radio`, radio button) on the same line when it fits there, else
// on the next: labels are longer in some languages ("Mostrar solo", "conservar lo de abajo")
// and the panel's width is fixed, so a row of them would run past its edge.
std::string beside(const std::string& label, bool radio = false) {
  const ImGuiStyle& style = ImGui::GetStyle();
  const float w = ImGui::CalcTextSize(label.c_str(), nullptr, true).x +
                  (radio ? ImGui::GetFrameHeight() + style.ItemInnerSpacing.x : 2.0f * style.FramePadding.x);
  ImGui::SameLine();
  if (ImGui::GetContentRegionAvail().x < w) ImGui::NewLine();
  return label;
}

// "Show all", wherever something is hidden or faded: in sight, not under the folded "Atlas
// tools" header (after "Show only" and "Close" a student had one muscle in an empty room and no
// button in view). Beside the selected structure's buttons, else on its own under the search.
void show_all_button(const AtlasView& v, AtlasCommands& c, bool after_buttons) {
  if (!v.any_changed) return;
  const std::string label = tr_id("ui.atlas.show-all");
  if (ImGui::SmallButton((after_buttons ? beside(label) : label).c_str())) c.show_all = true;
}

void selected(const AtlasView& v, AtlasCommands& c, float* card_drawn, float card_scale) {
  if (!v.selected) {
    show_all_button(v, c, false);
    return;
  }
  if (ImGui::SmallButton(tr_id("ui.atlas.show-only").c_str())) c.isolate = true;
  const bool hidden = v.visibility == 2, faded = v.visibility == 1;
  if (ImGui::SmallButton(beside(tr_id(hidden ? "ui.atlas.show" : "ui.atlas.hide")).c_str())) c.visibility = hidden ? 0 : 2;
  if (ImGui::SmallButton(beside(tr_id(faded ? "ui.atlas.solid" : "ui.atlas.fade")).c_str())) c.visibility = faded ? 0 : 1;
  if (ImGui::SmallButton(beside(tr_id("ui.atlas.close")).c_str())) c.deselect = true;
  show_all_button(v, c, true);
  if (!v.card) return;
  const float top = ImGui::GetCursorPosY();
  {
    const TextScale scaled(card_scale);
    card(*v.card);
  }
  if (card_drawn) *card_drawn = ImGui::GetCursorPosY() - top;
}

void tools(const AtlasView& v, AtlasCommands& c) {
  // (Show all stands above, in sight whenever it does something: show_all_button.)
  bool labels = v.label_all;
  if (ImGui::Checkbox(tr_id("ui.atlas.label-all").c_str(), &labels)) c.label_all = labels;
  bool clip = v.clip;
  if (ImGui::Checkbox(tr_id("ui.atlas.cut").c_str(), &clip)) c.clip = clip;
  if (!v.clip) ImGui::BeginDisabled();
  // Which way: across the leg, or along it (front from back, inner from outer side). The
  // slider and the two sides are named for the way chosen.
  static constexpr const char* kAxes[] = {"across", "front-back", "sideways"};
  const int axis = v.clip_axis >= 0 && v.clip_axis <= 2 ? v.clip_axis : 0;
  for (int a = 0; a < 3; ++a) {
    const std::string label = tr_id("ui.atlas.cut-" + std::string(kAxes[a]));
    if (ImGui::RadioButton((a ? beside(label, true) : label).c_str(), axis == a)) c.clip_axis = a;
  }
  const std::string way = kAxes[axis];
  ImGui::SetNextItemWidth(-1.0f);
  float at = 100.0f * v.clip_at;
  if (ImGui::SliderFloat("##cut", &at, 0.0f, 100.0f, tr("ui.atlas.cut-at-" + way), ImGuiSliderFlags_AlwaysClamp))
    c.clip_at = at / 100.0f;
  bool below = v.clip_keep_below;
  if (ImGui::RadioButton(tr_id("ui.atlas.keep-low-" + way).c_str(), below)) c.clip_keep_below = true;
  if (ImGui::RadioButton(beside(tr_id("ui.atlas.keep-high-" + way), true).c_str(), !below)) c.clip_keep_below = false;
  if (!v.clip) ImGui::EndDisabled();
  // Saved views: the camera, layers, lit areas, visibility and cut, under a name.
  static std::array<char, 48> name{};
  // The name field takes what the button (as long as its language makes it) leaves.
  const std::string save = tr_id("ui.atlas.save-view");
  const ImGuiStyle& style = ImGui::GetStyle();
  const float button = ImGui::CalcTextSize(save.c_str(), nullptr, true).x + 2.0f * style.FramePadding.x + style.ItemSpacing.x;
  ImGui::SetNextItemWidth(std::max(ImGui::GetContentRegionAvail().x - button, 4.0f * ImGui::GetFontSize()));
  ImGui::InputTextWithHint("##view-name", tr("ui.atlas.view-name"), name.data(), name.size());
  ImGui::SameLine();
  if (ImGui::SmallButton(save.c_str())) {
    std::string n = name.data();
    if (n.empty()) n = trf("ui.atlas.default-view-name", {{"number", std::to_string(v.views.size() + 1)}});
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

namespace {
float& card_drawn() {
  static float h = 0.0f;  // one interface per program
  return h;
}
}  // namespace

float drawn_card_height() { return card_drawn(); }

void draw_atlas_tools(const AtlasView& v, AtlasCommands& c, float card_scale) {
  card_drawn() = 0.0f;
  search(v, c);
  selected(v, c, &card_drawn(), card_scale);
  if (ImGui::CollapsingHeader(tr_id("ui.atlas.tools").c_str())) tools(v, c);
}

}  // namespace effleura::ui
