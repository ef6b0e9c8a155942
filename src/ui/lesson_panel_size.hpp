#pragma once
// The lesson panel's size worked out from its texts before it is drawn (ui/presenter_panel.cpp
// draws it at that size): it takes its new size in the frame its content changes, and the
// Blood flow panel under it makes room in that same frame. Need the interface's ImGui context.
#include <glm/vec4.hpp>

#include "lesson/lesson_player.hpp"

namespace effleura::ui {

// The panel's height (pixels) with its whole text, at a text scale (presenter view) and a
// width: what it takes on screen where there is room.
[[nodiscard]] float lesson_panel_height(const lesson::PresenterView& view, const lesson::Score& score, bool presenter_mode,
                                       float scale, float width);

// Tells the panel layout the lesson panel's height this frame (call before the other panels).
// `camera_gliding` as for ui::draw_presenter_panel.
void reserve_lesson_panel(const lesson::PresenterView& view, const lesson::Score& score, bool presenter_mode,
                          glm::vec4 working = glm::vec4(0.0f), bool camera_gliding = false);

}  // namespace effleura::ui
