#pragma once
// How tall a structure's card is in the View panel: the panel widens itself, while a card
// shows, until the card fits whole with the rest of the panel (ui/main_ui.cpp). Need the
// interface's ImGui context.
#include "ui/structure_card.hpp"

namespace effleura::ui {

// The card's height (pixels) as draw_atlas_tools lays it out with `width` pixels for its text,
// its text at `scale` times the panel's font.
[[nodiscard]] float card_height(const StructureCard& card, float width, float scale = 1.0f);

// The card's text sizes, largest first (times the panel's font): where even the widest View
// column cannot hold a card whole (a headless picture's 20 px font per 720 lines), its text
// takes the largest of these that fits (0.75 of 20 px: 15 px).
inline constexpr float kCardScales[] = {1.0f, 0.95f, 0.9f, 0.85f, 0.8f, 0.75f};

// The card's height as draw_atlas_tools last drew it (0 when it drew none).
[[nodiscard]] float drawn_card_height();

}  // namespace effleura::ui
