// A value typed into a slider stays in the slider's range (ImGuiSliderFlags_AlwaysClamp): the
// atlas's cut slider, driven through a real ImGui context without GL (its font atlas is built
// in memory, nothing is drawn). Tab moves the keyboard focus into the slider, which then takes
// text; "150" and Enter must give 100 %, not 150 % of the leg.
#include <doctest/doctest.h>

#include <imgui.h>

#include "../support/headless_imgui.hpp"
#include "ui/atlas_panel.hpp"

using namespace effleura;

namespace {

class AtlasPanel {
  test::HeadlessImGui imgui_{ImVec2(500.0f, 600.0f), 0.0f, 0.1f};

 public:
  AtlasPanel() {
    ImGuiIO& io = ImGui::GetIO();
    io.KeyMap[ImGuiKey_Tab] = kTab;
    io.KeyMap[ImGuiKey_Enter] = kEnter;
    view.clip = true;
    view.clip_at = 0.5f;
    frame();
  }

  // One frame; `key` held down during it (released the frame after by the caller's next call).
  ui::AtlasCommands frame(int key = -1) {
    ImGuiIO& io = ImGui::GetIO();
    for (bool& down : io.KeysDown) down = false;
    if (key >= 0) io.KeysDown[key] = true;
    ImGui::NewFrame();
    ImGui::SetNextWindowPos(ImVec2(0.0f, 0.0f));
    ImGui::SetNextWindowSize(ImVec2(480.0f, 580.0f));
    ImGui::Begin("panel", nullptr, ImGuiWindowFlags_NoDecoration);
    // The "Atlas tools" header open, as a click would leave it.
    ImGui::GetStateStorage()->SetInt(ImGui::GetID("###ui.atlas.tools"), 1);
    ui::AtlasCommands c;
    ui::draw_atlas_tools(view, c);
    ImGui::End();
    ImGui::EndFrame();
    if (c.clip_at) view.clip_at = *c.clip_at;
    return c;
  }
  void type(const char* text) {
    for (const char* p = text; *p; ++p) ImGui::GetIO().AddInputCharacter(static_cast<unsigned>(*p));
    frame();
  }

  static constexpr int kTab = 1, kEnter = 2;
  ui::AtlasView view;
};

}  // namespace

TEST_CASE("a value typed into the cut slider beyond its range is clamped to it") {
  AtlasPanel panel;
  // Tab: the search box first, then the cut slider, which opens as a text field.
  for (int i = 0; i < 2; ++i) {
    panel.frame(AtlasPanel::kTab);
    panel.frame();
  }
  REQUIRE(ImGui::IsAnyItemActive());  // the slider, as a text field
  panel.type("150");
  panel.frame(AtlasPanel::kEnter);
  panel.frame();
  CHECK(panel.view.clip_at == doctest::Approx(1.0f));
  // And below the range.
  for (int i = 0; i < 2; ++i) {
    panel.frame(AtlasPanel::kTab);
    panel.frame();
  }
  panel.type("-40");
  panel.frame(AtlasPanel::kEnter);
  panel.frame();
  CHECK(panel.view.clip_at == doctest::Approx(0.0f));
}
