#pragma once
// How tall a structure's card is in the View panel: the panel widens itself, while a card
// shows, until the card fits whole with the rest of the panel (ui/main_ui.cpp). Need the
// interface's ImGui context.
#include "ui/structure_card.hpp"

namespace effleura::ui {

// The card's height (pixels) as draw_atlas_tools lays it out with `width` pixels for its text.
[[nodiscard]] float card_height(const StructureCard& card, float width);

// The card's height as draw_atlas_tools last drew it (0 when it drew none).
[[nodiscard]] float drawn_card_height();

}  // namespace effleura::ui
