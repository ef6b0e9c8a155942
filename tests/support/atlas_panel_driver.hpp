#pragma once
// The View panel's atlas part (ui::draw_atlas_tools) driven through a real ImGui context without
// GL, frame by frame, as a student types and clicks: the font atlas is built in memory, nothing is
// drawn. Shared by ui_atlas_panel_test.cpp (the search box, Show all) and ui_slider_clamp_test.cpp
// (the cut slider), which had each written it out with small differences, now the options below.
#include <imgui.h>

#include "headless_imgui.hpp"
#include "ui/atlas_panel.hpp"

namespace effleura::test {

struct AtlasPanelOptions {
  // The "Atlas tools" header open, as a click would leave it; closed, as the panel starts.
  bool tools_open = false;
  // A cut position the panel asks for goes into the view, as the app would apply it.
  bool follow_cut = false;
};

class AtlasPanelDriver {
  HeadlessImGui imgui_{ImVec2(500.0f, 600.0f), 0.0f, 0.1f};  // first: the context the rest uses
  AtlasPanelOptions options_;

 public:
  static constexpr int kTab = 1, kEnter = 2;
  ui::AtlasView view;

  // `start`: the view the first frame draws (a cut on, a structure selected, ...).
  explicit AtlasPanelDriver(AtlasPanelOptions options = {}, ui::AtlasView start = {}) : options_(options), view(std::move(start)) {
    ImGuiIO& io = ImGui::GetIO();
    io.KeyMap[ImGuiKey_Tab] = kTab;
    io.KeyMap[ImGuiKey_Enter] = kEnter;
    frame();
  }

  // One frame of the panel in a 480x580 window; `key` held down during it (released by the next
  // frame), the left button down at `click` when given (else up, the pointer where it was).
  ui::AtlasCommands frame(int key = -1, const ImVec2* click = nullptr) {
    ImGuiIO& io = ImGui::GetIO();
    for (bool& down : io.KeysDown) down = false;
    if (key >= 0) io.KeysDown[key] = true;
    io.MouseDown[0] = click != nullptr;
    if (click) io.MousePos = *click;
    ImGui::NewFrame();
    ImGui::SetNextWindowPos(ImVec2(0.0f, 0.0f));
    ImGui::SetNextWindowSize(ImVec2(480.0f, 580.0f));
    ImGui::Begin("panel", nullptr, ImGuiWindowFlags_NoDecoration);
    ImGui::GetStateStorage()->SetInt(ImGui::GetID("###ui.atlas.tools"), options_.tools_open ? 1 : 0);
    ui::AtlasCommands c;
    ui::draw_atlas_tools(view, c);
    ImGui::End();
    ImGui::EndFrame();
    if (options_.follow_cut && c.clip_at) view.clip_at = *c.clip_at;
    return c;
  }

  // Characters typed into the focused field, then a frame.
  void type(const char* text) {
    for (const char* p = text; *p; ++p) ImGui::GetIO().AddInputCharacter(static_cast<unsigned>(*p));
    frame();
  }
};

}  // namespace effleura::test
