#pragma once
// The atlas tools in the View panel (issue 16): find a structure or area by name, show only /
// hide / fade the one selected, show all again, its information card, labels on every visible
// structure, a clipping plane across or along the leg, and saved views. Reads a const view and returns
// commands, as the other panels do (app/atlas_commands.cpp carries them out).
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "ui/structure_card.hpp"

namespace effleura::ui {

struct AtlasResult {
  std::string title;
  std::string kind;  // "muscle", "area", ...
};

struct AtlasView {
  std::string query;                  // the search box's text
  std::vector<AtlasResult> results;   // what it finds, best first
  bool selected = false;              // a structure is selected: its tools and card are shown
  int visibility = 0;                 // the selected one's: 0 shown, 1 faded, 2 hidden
  bool any_changed = false;           // some structure is hidden or faded (Show all does something)
  std::optional<StructureCard> card;  // the selected structure's
  bool label_all = false;
  bool clip = false;
  float clip_at = 0.5f;               // 0..1 along the cut's axis (the sole .. the top when across)
  bool clip_keep_below = true;
  int clip_axis = 0;                  // app::CutAxis: 0 across, 1 front_back, 2 sideways
  std::vector<std::string> views;     // saved views, by name
};

struct AtlasCommands {
  std::optional<std::string> query;   // the search text changed
  bool find = false;                  // Enter in the search box: take the best result
  std::optional<std::size_t> pick;    // a result chosen (index into AtlasView::results)
  std::optional<int> visibility;      // for the selected structure: 0 shown, 1 faded, 2 hidden
  bool isolate = false;               // show only the selected structure
  bool show_all = false;
  bool deselect = false;
  std::optional<bool> label_all;
  std::optional<bool> clip;
  std::optional<float> clip_at;
  std::optional<bool> clip_keep_below;
  std::optional<int> clip_axis;       // app::CutAxis as a number (0 across, 1 front_back, 2 sideways)
  std::optional<std::string> save_view;     // save the current view under this name
  std::optional<std::size_t> recall_view;   // index into AtlasView::views
  std::optional<std::size_t> delete_view;
  [[nodiscard]] bool any() const {
    return query || find || pick || visibility || isolate || show_all || deselect || label_all || clip || clip_at ||
           clip_keep_below || clip_axis || save_view || recall_view || delete_view;
  }
};

// How many results the list shows at most (the rest: type more of the name).
inline constexpr std::size_t kAtlasResultsShown = 6;

// Draws the search box (always) and the atlas tools (under a header, closed at first) into
// the current window.
// `card_scale`: the structure card's text size, times the panel's (ui/atlas_card_size.hpp).
void draw_atlas_tools(const AtlasView& view, AtlasCommands& commands, float card_scale = 1.0f);

}  // namespace effleura::ui
