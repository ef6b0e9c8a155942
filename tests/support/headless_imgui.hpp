#pragma once
// A Dear ImGui context without GL, for tests that lay panels out as the window does: the font
// atlas is built in memory (ImGui needs it before its first frame) and nothing is drawn. One per
// screen size and font: the font is baked at its size. Destroyed with the object.
#include <imgui.h>

#include "ui/fonts.hpp"

namespace effleura::test {

class HeadlessImGui {
 public:
  // `font_px` > 0 loads the program's interface font at that size; 0 keeps ImGui's own font.
  // `dt`: seconds a frame (software-render frame rates for input tests, 1/30 for layouts).
  explicit HeadlessImGui(ImVec2 display, float font_px = 0.0f, float dt = 1.0f / 30.0f) {
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = display;
    io.DeltaTime = dt;
    if (font_px > 0.0f) ui::load_interface_font(font_px);
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
  }
  ~HeadlessImGui() { ImGui::DestroyContext(); }
  HeadlessImGui(const HeadlessImGui&) = delete;
  HeadlessImGui& operator=(const HeadlessImGui&) = delete;
};

}  // namespace effleura::test
