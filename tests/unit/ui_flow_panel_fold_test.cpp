// The Blood flow panel asks for the clinic's indices (~7 s of CPU: three protocols played on
// fresh models of the leg, app/flow_indices.hpp) only while it is unfolded. It starts folded
// on screens under 60 lines of text unless the blood is on screen; ImGui still lays a new
// window's items out on its first frame to size it, and until session 21 that frame asked for
// the indices, so every headless practice picture (where the panel stays folded) computed them
// and waited for them: the sanitized practice CLI case spent most of its 35 s there.
#include <doctest/doctest.h>

#include <imgui.h>
#include <imgui_internal.h>

#include "../support/headless_imgui.hpp"
#include "ui/teaching_panels.hpp"

using namespace effleura;

namespace {

// One frame of the panel; true if it asked for the indices.
bool indices_wanted(const ui::FlowPanelState& s) {
  ImGui::NewFrame();
  const bool wanted = ui::draw_flow_panel(s).indices_wanted;
  ImGui::EndFrame();
  return wanted;
}

// Folds or unfolds the panel as its title's arrow does (its id is "Blood flow" in every
// language; without a loaded language its title is the key, "...###Blood flow").
void fold(bool folded) {
  ImGuiWindow* w = ImGui::FindWindowByName("###Blood flow");
  if (!w) w = ImGui::FindWindowByName("Blood flow");
  REQUIRE(w != nullptr);
  ImGui::SetWindowCollapsed(w->Name, folded);
}

}  // namespace

TEST_CASE("a folded Blood flow panel never asks for the clinic's indices, an unfolded one does") {
  test::HeadlessImGui ui({1280.0f, 720.0f}, 17.0f);  // 720 px is under 60 lines: starts folded
  ui::FlowPanelState s;
  s.posture = "supine";
  s.flow_view = false;  // skin on: the panel has no blood on screen to explain
  for (int frame = 0; frame < 3; ++frame) {
    CAPTURE(frame);
    CHECK_FALSE(indices_wanted(s));  // the old panel asked on frame 0
  }
  fold(false);  // the student unfolds it
  CHECK(indices_wanted(s));
  fold(true);
  CHECK_FALSE(indices_wanted(s));
}
