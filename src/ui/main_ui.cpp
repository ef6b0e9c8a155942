#include "ui/main_ui.hpp"

#include <algorithm>
#include <cstdio>
#include <iterator>

#include <imgui.h>

#include "ui/area_notes.hpp"
#include "ui/atlas_card_size.hpp"
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
    ImGui::TextUnformatted(tr("ui.help.lesson-keys"));  // the lesson's and a clicker's keys too
    ImGui::Separator();
    ImGui::TextUnformatted(tr("ui.help.not-advice"));
    ImGui::EndMenu();
  }
  ImGui::EndMainMenuBar();
}

// The area boxes in two columns (nine rows do not fit a 720-line window with the notes):
// pairs of short names side by side, "Behind the knee" alone; one column when too narrow.
constexpr int kPairs[5][2] = {{0, 1}, {2, 3}, {4, 6}, {7, 8}, {5, -1}};
struct AreaColumns {
  float first = 0.0f;  // the widest box of the first column (check box, gap, label)
  bool two = false;    // both columns fit the panel's width
};
AreaColumns area_columns() {
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
  return {first, first + 2.0f * style.ItemSpacing.x + second <= ImGui::GetContentRegionAvail().x};
}
// The boxes' height as area_boxes draws them.
float area_boxes_height() {
  return (area_columns().two ? 5.0f : static_cast<float>(anatomy::kAreaCount)) * ImGui::GetFrameHeightWithSpacing();
}
void area_boxes(const MainUiView& s, UiCommands& c) {
  const ImGuiStyle& style = ImGui::GetStyle();
  const AreaColumns columns = area_columns();
  const float col2 = columns.first + 2.0f * style.ItemSpacing.x;
  const bool two = columns.two;
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

// The View panel's height without its card, as drawn last frame (the layers, the search box,
// the buttons, the tools' header): with it the panel works out how wide a card needs it.
// Which ImGui context drew a measure, in which frame: a measure is used only the frame after.
struct DrawnIn {
  int frame = -10;
  const ImGuiContext* context = nullptr;
  static DrawnIn now() { return {ImGui::GetFrameCount(), ImGui::GetCurrentContext()}; }
  // Drawn by this context last frame (or this one).
  [[nodiscard]] bool last_frame() const { return context == ImGui::GetCurrentContext() && frame >= ImGui::GetFrameCount() - 1; }
};
struct ViewRest {
  float height = 0.0f;
  float layers = 0.0f;  // the layer boxes and opacity slider, when shown
  bool had_card = false;
  DrawnIn drawn;
};
ViewRest& view_rest() {
  static ViewRest r;  // one ImGui context per program (tests: one at a time)
  return r;
}

// What the View panel needs, as drawn last frame: its whole height with the layers and the area
// boxes shown in full, and with the layers folded under their heading (the area notes at their
// smallest: their title and three lines; they scroll in their own box). Above a lesson panel
// grown with a question's feedback the panel had too little room and scrolled its area boxes
// away (24 px in English at 1280x720, 150-180 px in Spanish, French and German, whose longer
// area names take one column of nine rows): there it folds the layers, then the areas too,
// under their headings (the lesson sets both itself; a click opens them).
struct ViewNeed {
  float full = 0.0f, layers_folded = 0.0f;
  DrawnIn drawn;
};
ViewNeed& view_need() {
  static ViewNeed n;
  return n;
}
// 0: nothing folded; 1: the layers; 2: the layers and the areas.
int fold_level(float max_height) {
  const ViewNeed& n = view_need();
  if (!n.drawn.last_frame()) return 0;
  return n.full <= max_height + 0.5f ? 0 : n.layers_folded <= max_height + 0.5f ? 1 : 2;
}

// The narrowest View column, from its usual width up to the widest it may take (a quarter of
// the window left to the leg), that holds the card whole with the rest of the panel: no scroll bar,
// the last caution in view. (At its usual 272 px the soleus's Spanish card ran below the window
// at 1920x1080.) Where no column holds it, the card's text takes the largest smaller size that
// fits (kCardScales): a headless picture's font, 20 px per 720 lines, needed the column 870 px
// wide at 720p for the longest card, and cards scrolled there.
struct CardFit {
  float width = 0.0f;
  float scale = 1.0f;  // the card's text, times the panel's font
};
CardFit view_width_for_card(const StructureCard& card, const PanelInput& in, const PanelPlace& usual) {
  const ImGuiStyle& style = ImGui::GetStyle();
  const ViewRest& r = view_rest();
  const bool known = r.drawn.last_frame();
  // Last frame without a card: this one folds the layers under a heading and adds a row or two
  // of buttons above the card.
  const float row = ImGui::GetFrameHeightWithSpacing();
  const float rest = !known ? 12.0f * row : r.had_card ? r.height : r.height - r.layers + 3.0f * row;
  const float widest = std::max(widest_left_column(in), usual.width);
  // Its text measured as wrapped beside a scroll bar: a panel that scrolled last frame wraps so
  // until it fits, and would otherwise stay a few lines too long.
  const float inside = 2.0f * style.WindowPadding.x + style.ScrollbarSize;
  for (const float scale : kCardScales)
    for (float w = usual.width;; w = std::min(w + 0.5f * in.em, widest)) {
      if (rest + card_height(card, w - inside, scale) <= usual.max_height) return {w, scale};
      if (w >= widest) break;
    }
  return {widest, kCardScales[std::size(kCardScales) - 1]};
}
// The layer boxes and the skin's opacity.
void layer_controls(const MainUiView& s, UiCommands& c) {
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
}

void view_panel(const MainUiView& s, UiCommands& c) {
  if (!s.show_view_panel) return;
  PanelInput in = current_panel_input(false, {});
  const bool card = s.show_atlas && s.atlas.card.has_value();
  CardFit fit;
  if (card) {
    fit = view_width_for_card(*s.atlas.card, in, place_panel(Panel::view, in));
    in.view_width = fit.width;
  }
  note_view_width(in.view_width);
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
  // While a card shows, the layers fold under their heading (the card needs the room at 720p;
  // choosing a structure already turned its layer on and the skin see-through); so too where
  // the panel would not hold them above the lesson panel (fold_level), and then the areas.
  const float layers_top = ImGui::GetCursorPosY();
  const int fold = card ? 1 : fold_level(place.max_height);
  if (fold >= 1) {
    if (ImGui::CollapsingHeader(tr_id("ui.view.layers").c_str())) layer_controls(s, c);
  } else {
    ImGui::TextUnformatted(tr("ui.view.layers"));
    layer_controls(s, c);
  }
  const float layers = ImGui::GetCursorPosY() - layers_top;
  // What the layers take shown in full (their heading's line, three rows of boxes, the slider)
  // and folded (the heading).
  const ImGuiStyle& style = ImGui::GetStyle();
  const float full_layers = ImGui::GetTextLineHeightWithSpacing() + 4.0f * ImGui::GetFrameHeightWithSpacing();
  const float heading = ImGui::GetFrameHeightWithSpacing();
  ImGui::Separator();
  float card_drawn = 0.0f;
  if (s.show_atlas) {
    draw_atlas_tools(s.atlas, c.atlas, fit.scale);
    card_drawn = drawn_card_height();
    ImGui::Separator();
  }
  // With a card, the most it has been: the buttons above the card wrap onto a second row in a
  // narrower column, and a rest that follows them sets the width swinging between two sizes.
  const float rest = ImGui::GetCursorPosY() - card_drawn + ImGui::GetStyle().WindowPadding.y;
  const ViewRest& last = view_rest();
  const bool again = card && last.had_card && last.drawn.context == ImGui::GetCurrentContext();
  view_rest() = {again ? std::max(rest, last.height) : rest, layers, card, DrawnIn::now()};
  // While a card shows, it is the panel's subject: the area boxes and an area's notes come back
  // with Close (the card names the areas it lies in and gives their cautions).
  if (card) {
    ImGui::End();
    return;
  }
  const float areas_top = ImGui::GetCursorPosY();
  bool areas_open = true;
  if (fold >= 2 && !s.hide_areas) {
    areas_open = ImGui::CollapsingHeader(tr_id("ui.view.areas").c_str());
  } else {
    ImGui::TextUnformatted(tr("ui.view.areas"));
  }
  if (s.hide_areas) {
    // The lesson asks which area is lit: a ticked box would give the answer away.
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextDisabled("%s", tr("ui.view.areas-hidden"));
    ImGui::PopTextWrapPos();
  } else if (areas_open) {
    area_boxes(s, c);
  }
  const float areas = ImGui::GetCursorPosY() - areas_top;
  const float full_areas = s.hide_areas ? areas : ImGui::GetTextLineHeightWithSpacing() + area_boxes_height();
  const bool notes = areas_open && s.areas && s.focus_area >= 0 && !s.hide_areas;
  // The notes at their smallest: a separator, their title, a box of three lines.
  const float least_notes = s.areas && s.focus_area >= 0 && !s.hide_areas
                                ? style.ItemSpacing.y + ImGui::GetTextLineHeightWithSpacing() + 3.0f * ImGui::GetTextLineHeight() + style.ItemSpacing.y
                                : 0.0f;
  // The rest of the panel (title, separators, search box, tools) as drawn, plus each part's full size.
  const float others = ImGui::GetCursorPosY() - layers - areas + style.WindowPadding.y;
  const float full = others + full_layers + full_areas + least_notes;
  view_need() = {full, full - full_layers + heading, DrawnIn::now()};
  if (notes) {
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
