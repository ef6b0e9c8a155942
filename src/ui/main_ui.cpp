#include "ui/main_ui.hpp"

#include <algorithm>
#include <cstdio>
#include <iterator>

#include <imgui.h>

#include "ui/area_notes.hpp"
#include "ui/area_rows.hpp"
#include "ui/atlas_card_size.hpp"
#include "ui/cautions.hpp"
#include "ui/panel_layout.hpp"
#include "ui/text_scale.hpp"
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

// File > Save view as...: a name for the view, written as views/NAME.toml beside the settings
// (app/atlas_commands.cpp; the status bar then names the file). The same as the atlas tools'
// Save view, which is folded away under their header and gone in a lesson.
void save_view_dialog(bool open, const MainUiView& s, UiCommands& c) {
  static std::array<char, 48> name{};
  const std::string title = tr_id("ui.menu.save-view-title");
  if (open) {
    name.fill('\0');
    ImGui::OpenPopup(title.c_str());
  }
  // Just under the menu bar, in the middle: the overlay (the blood-speed legend, the caption, labels)
  // is drawn over every window and sits at the foot of the view and at its sides; centred, the
  // dialog's buttons were under the legend (a 1280x720 window with the soleus picked).
  const ImGuiViewport* screen = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(ImVec2(screen->WorkPos.x + 0.5f * screen->WorkSize.x, screen->WorkPos.y + ImGui::GetFontSize()),
                          ImGuiCond_Appearing, ImVec2(0.5f, 0.0f));
  if (!ImGui::BeginPopupModal(title.c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
  ImGui::PushTextWrapPos(28.0f * ImGui::GetFontSize());
  ImGui::TextUnformatted(tr("ui.menu.save-view-note"));
  ImGui::PopTextWrapPos();
  if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
  ImGui::SetNextItemWidth(20.0f * ImGui::GetFontSize());
  const bool entered = ImGui::InputTextWithHint("##save-view-name", tr("ui.atlas.view-name"), name.data(), name.size(),
                                                ImGuiInputTextFlags_EnterReturnsTrue);
  if (ImGui::Button(tr_id("ui.atlas.save-view").c_str()) || entered) {
    std::string n = name.data();
    if (n.empty()) n = trf("ui.atlas.default-view-name", {{"number", std::to_string(s.atlas.views.size() + 1)}});
    c.atlas.save_view = n;
    ImGui::CloseCurrentPopup();
  }
  ImGui::SameLine();
  if (ImGui::Button(tr_id("ui.menu.cancel").c_str()) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) ImGui::CloseCurrentPopup();
  ImGui::EndPopup();
}

void menu_bar(const MainUiView& s, UiCommands& c) {
  if (!ImGui::BeginMainMenuBar()) return;
  bool save_view = false;
  if (ImGui::BeginMenu(tr_id("ui.menu.file").c_str())) {
    if (ImGui::MenuItem(tr("ui.menu.screenshot"), "F12")) c.screenshot = true;
    save_view = ImGui::MenuItem(tr("ui.menu.save-view-as"));
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
    char size[16], fits[16];
    std::snprintf(size, sizeof size, "%.0f", static_cast<double>(100.0f * s.interface_scale));
    std::snprintf(fits, sizeof fits, "%.0f", static_cast<double>(100.0f * s.shown_scale));
    // A window too short for the chosen size shows less (app/panels.hpp): say so, and offer no
    // larger size that would change nothing.
    const bool held = s.shown_scale < s.interface_scale - 0.001f;
    ImGui::TextDisabled("%s", held ? trf("ui.menu.size-held", {{"percent", size}, {"shown", fits}}).c_str()
                                   : trf("ui.menu.size", {{"percent", size}}).c_str());
    if (ImGui::MenuItem(tr("ui.menu.larger"), nullptr, false, s.interface_scale < 2.49f && !held)) c.interface_scale = s.interface_scale + 0.125f;
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
  save_view_dialog(save_view, s, c);  // outside the menu, where its popup's name is found again
}

// The area boxes in rows of two where the names fit (ui/area_rows.hpp), for a panel whose
// content is `room` pixels wide.
AreaRows area_rows_for(float room) {
  const ImGuiStyle& style = ImGui::GetStyle();
  std::array<float, anatomy::kAreaCount> widths{};
  for (std::size_t i = 0; i < anatomy::kAreaCount; ++i)
    widths[i] = ImGui::GetFrameHeight() + style.ItemInnerSpacing.x + ImGui::CalcTextSize(area_label(i)).x;
  return area_rows(widths, room, 2.0f * style.ItemSpacing.x);
}
// The boxes' height as area_boxes draws them in `room`.
float area_boxes_height(float room) {
  return static_cast<float>(area_rows_for(room).rows.size()) * ImGui::GetFrameHeightWithSpacing();
}
// `room`: the panel's width inside its padding, a scroll bar or not (with the room a scroll bar
// leaves, a panel that scrolled for a frame could lay its boxes one to a row, and so keep scrolling).
void area_boxes(const MainUiView& s, UiCommands& c, float room) {
  const AreaRows layout = area_rows_for(room);
  auto box = [&](int i) {
    bool on = s.selected[static_cast<std::size_t>(i)];
    if (ImGui::Checkbox(area_label(static_cast<std::size_t>(i)), &on)) c.area = AreaChoice{static_cast<std::size_t>(i), on};
  };
  for (const auto& row : layout.rows) {
    box(row[0]);
    if (row[1] < 0) continue;
    ImGui::SameLine(layout.second_column + ImGui::GetStyle().WindowPadding.x);
    box(row[1]);
  }
}

// A target area's notes as the View panel shows them, in the interface's language where its
// locale has them (ui/area_notes.hpp), else areas.toml's.
struct AreaNotes {
  std::string description, pressure;
  std::vector<std::string> cautions;
};
AreaNotes area_notes(const anatomy::AreaInfo& a) {
  char low[16], high[16];
  std::snprintf(low, sizeof low, "%.0f", static_cast<double>(a.pressure_mmhg_min));
  std::snprintf(high, sizeof high, "%.0f", static_cast<double>(a.pressure_mmhg_max));
  const std::string pressure = tr("ui.pressure." + std::string(anatomy::pressure_name(a.pressure)));
  return {area_description(a), trf("ui.view.pressure", {{"pressure", pressure}, {"min", low}, {"max", high}}), area_cautions(a)};
}
// The notes' text wrapped in a box `room` pixels wide, as draw_notes lays it out (a caution's
// text starts after its bullet: a font size, then two paddings), beside a scroll bar: a box that
// had one for a frame (the column then still narrower) keeps it while its text, wrapped beside
// it, is taller than the box, so the box is made as tall as that.
float notes_height(const AreaNotes& n, float box) {
  const ImGuiStyle& style = ImGui::GetStyle();
  const float room = box - style.ScrollbarSize;
  auto text = [&](const std::string& t, float w) { return ImGui::CalcTextSize(t.c_str(), nullptr, false, w).y + style.ItemSpacing.y; };
  float h = text(n.description, room) + text(n.pressure, room);
  for (const auto& caution : n.cautions) h += text(caution, room - ImGui::GetFontSize() - 2.0f * style.FramePadding.x);
  return h;
}
void draw_notes(const AreaNotes& n) {
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextUnformatted(n.description.c_str());
  ImGui::TextDisabled("%s", n.pressure.c_str());
  caution_bullets(n.cautions);
  ImGui::PopTextWrapPos();
}

// The View panel's height without its card, as drawn last frame (the layers, the search box,
// the buttons, the tools' header): with it the panel works out how wide a card needs it.
// Which ImGui context drew a measure, in which frame: a measure is used only the frame after.
struct DrawnIn {
  int frame = -10;
  const ImGuiContext* context = nullptr;
  static DrawnIn now() { return {ImGui::GetFrameCount(), ImGui::GetCurrentContext()}; }
  // Drawn by this context last frame (or this one). Not a later frame: a new context (tests open
  // one per screen, often at the freed one's address) counts from 0 again, and a measure an
  // earlier context left at its frame 44 was read as last frame's (the View panel then sized
  // for a panel it was not drawing: a card scrolled 405 px in a test run after another).
  [[nodiscard]] bool last_frame() const {
    const int now = ImGui::GetFrameCount();
    return context == ImGui::GetCurrentContext() && frame >= now - 1 && frame <= now;
  }
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
  float others = 0.0f;  // all but the layers, the area boxes and the notes
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
// An area's notes whole in the explorer's View panel: the description, the pressure and every
// caution with no scroll bar. Tried in turn: the usual column as it is; with the layers folded
// under their heading (one click opens them); then that column widened by half an em at a time
// up to the widest the card may take (the leg keeps a quarter of the window). Before session 18
// the notes kept whatever the boxes left: at 1280x720 in a headless picture's font three lines
// and a scroll bar in Spanish and German (their nine area boxes one to a row), seven in English.
// Where even the widest column cannot hold them (the calves' long notes in Spanish, French and
// German in a headless picture's font, 20 px per 720 lines), the notes' text takes the largest of
// the card's sizes, 1x down to 0.75x, that fits. None fits (a lesson's panel below, a tiny
// window): the usual column, folded as fold_level says, the notes scrolling in their box.
struct NotesFit {
  float width = 0.0f;  // 0: the usual column
  int fold = 0;
  float scale = 1.0f;  // the notes' text, times the panel's font
  bool fits = false;
};
NotesFit view_width_for_notes(const AreaNotes& texts, const PanelInput& in, const PanelPlace& usual) {
  // Any earlier frame of this context will do: the rest of the panel changes only with what the
  // user opens, and a frame drawn without the View panel (a test laying the overlay out again)
  // must not drop the notes back to their scrolling box for a frame.
  const ViewNeed& n = view_need();
  if (n.drawn.context != ImGui::GetCurrentContext() || n.drawn.frame > ImGui::GetFrameCount() || n.others <= 0.0f) return {};
  const ImGuiStyle& style = ImGui::GetStyle();
  const float layers[2] = {ImGui::GetTextLineHeightWithSpacing() + 4.0f * ImGui::GetFrameHeightWithSpacing(),
                           ImGui::GetFrameHeightWithSpacing()};
  const float widest = std::max(widest_left_column(in), usual.width);
  for (const float scale : kCardScales)
    for (int fold = 0; fold < 2; ++fold)
      for (float w = usual.width;; w = std::min(w + 0.5f * in.em, widest)) {
        const float room = w - 2.0f * style.WindowPadding.x;
        const float text = [&] {
          const TextScale scaled(scale);
          return notes_height(texts, room);
        }();
        const float notes = 2.0f * style.ItemSpacing.y + ImGui::GetTextLineHeightWithSpacing() + text;
        const float need = n.others + layers[fold] + ImGui::GetTextLineHeightWithSpacing() + area_boxes_height(room) + notes;
        if (need <= usual.max_height) return {w > usual.width ? w : 0.0f, fold, scale, true};
        if (fold == 0 || w >= widest) break;  // the layers fold before the column widens
      }
  return {};
}
// The layer boxes and the skin's opacity.
void layer_controls(const MainUiView& s, UiCommands& c) {
  render::LayerVisibility layers = s.layers;
  // Ticked only where the skin shows: "Show only" hides it through the atlas, the layer still on.
  bool skin = s.layers.skin && !s.skin_hidden;
  const bool skin_clicked = ImGui::Checkbox(tr_id("ui.view.skin").c_str(), &skin);
  if (skin_clicked) {
    layers.skin = skin;
    c.show_skin = skin && s.skin_hidden;
  }
  bool changed = skin_clicked;
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
  NotesFit notes_fit;
  const anatomy::AreaInfo* focus = !card && s.areas && s.focus_area >= 0 && !s.hide_areas
                                       ? &s.areas->areas[static_cast<std::size_t>(s.focus_area)]
                                       : nullptr;
  const AreaNotes notes_text = focus ? area_notes(*focus) : AreaNotes{};
  if (card) {
    fit = view_width_for_card(*s.atlas.card, in, place_panel(Panel::view, in));
    in.view_width = fit.width;
  } else if (focus && in.height[static_cast<int>(Panel::lesson)] <= 0.0f) {
    // Not in a lesson: there the View column keeps its usual width, the leg framed between it
    // and the lesson's panel in the right-hand column (the notes scroll in their box).
    notes_fit = view_width_for_notes(notes_text, in, place_panel(Panel::view, in));
    in.view_width = notes_fit.width;
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
  const int fold = card ? 1 : notes_fit.fits ? notes_fit.fold : fold_level(place.max_height);
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
    area_boxes(s, c, place.width - 2.0f * style.WindowPadding.x);
  }
  const float areas = ImGui::GetCursorPosY() - areas_top;
  const float full_areas = s.hide_areas ? areas : ImGui::GetTextLineHeightWithSpacing() + area_boxes_height(place.width - 2.0f * style.WindowPadding.x);
  const bool notes = areas_open && focus;
  // The notes at their smallest: a separator, their title, a box of three lines.
  const float least_notes = s.areas && s.focus_area >= 0 && !s.hide_areas
                                ? style.ItemSpacing.y + ImGui::GetTextLineHeightWithSpacing() + 3.0f * ImGui::GetTextLineHeight() + style.ItemSpacing.y
                                : 0.0f;
  // The rest of the panel (title, separators, search box, tools) as drawn, plus each part's full size.
  const float others = ImGui::GetCursorPosY() - layers - areas + style.WindowPadding.y;
  const float full = others + full_layers + full_areas + least_notes;
  view_need() = {full, full - full_layers + heading, others, DrawnIn::now()};
  if (notes) {
    const anatomy::AreaInfo& a = *focus;
    ImGui::Separator();
    ImGui::TextUnformatted(area_title(a).c_str());
    // The notes scroll in their own box when the window is short, so the panel never runs
    // off the window and the notes' first lines are always in view.
    const float room = place.max_height - ImGui::GetCursorPosY() - 2.0f * ImGui::GetStyle().WindowPadding.y;
    const float text = [&] {
      const TextScale scaled(notes_fit.scale);
      return notes_height(notes_text, ImGui::GetContentRegionAvail().x);
    }();
    ImGui::BeginChild("##notes", ImVec2(0.0f, std::max(std::min(text, room), 3.0f * ImGui::GetTextLineHeight())));
    {
      const TextScale scaled(notes_fit.scale);  // ends before the box does: it scales the box's text
      draw_notes(notes_text);
    }
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
