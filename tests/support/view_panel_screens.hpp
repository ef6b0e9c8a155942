#pragma once
// The screens the View panel's fit tests lay it out on, and how they find the panel: the
// window's font at 1280x720 and 1920x1080, and a headless picture's (20 px per 720 lines) at
// both. Shared by ui_view_card_test (a structure's card) and ui_area_notes_test (an area's notes).
#include <doctest/doctest.h>
#include <imgui.h>
#include <imgui_internal.h>

#include "headless_imgui.hpp"

namespace effleura::test {

struct ViewScreen {
  ImVec2 size;
  float font_px;
};
inline const ViewScreen kViewScreens[] = {{{1280.0f, 720.0f}, 17.0f}, {{1920.0f, 1080.0f}, 17.0f},
                                          {{1280.0f, 720.0f}, 20.0f}, {{1920.0f, 1080.0f}, 30.0f}};

// A context of its own per screen (the font is baked at its size).
struct ViewScreenUi : HeadlessImGui {
  explicit ViewScreenUi(const ViewScreen& s) : HeadlessImGui(s.size, s.font_px) {}
};

// The View panel of the frame just laid out (its id is "###View" whatever the language).
inline ImGuiWindow* view_window() {
  ImGuiWindow* w = ImGui::FindWindowByName("###View");
  if (!w) w = ImGui::FindWindowByName("View");
  REQUIRE(w != nullptr);
  return w;
}

}  // namespace effleura::test
