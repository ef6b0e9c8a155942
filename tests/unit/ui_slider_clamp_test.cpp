// A value typed into a slider stays in the slider's range (ImGuiSliderFlags_AlwaysClamp): the
// atlas's cut slider, driven through a real ImGui context without GL
// (support/atlas_panel_driver.hpp). Tab moves the keyboard focus into the slider, which then takes
// text; "150" and Enter must give 100 %, not 150 % of the leg.
#include <doctest/doctest.h>

#include <imgui.h>

#include "../support/atlas_panel_driver.hpp"

using namespace effleura;

namespace {

// The "Atlas tools" header open (the slider is under it), a cut at half the leg, and the value the
// slider asks for taken into the view as the app does.
test::AtlasPanelDriver cut_panel() {
  ui::AtlasView view;
  view.clip = true;
  view.clip_at = 0.5f;
  return test::AtlasPanelDriver({.tools_open = true, .follow_cut = true}, view);
}

}  // namespace

TEST_CASE("a value typed into the cut slider beyond its range is clamped to it") {
  test::AtlasPanelDriver panel = cut_panel();
  // Tab: the search box first, then the cut slider, which opens as a text field.
  for (int i = 0; i < 2; ++i) {
    panel.frame(test::AtlasPanelDriver::kTab);
    panel.frame();
  }
  REQUIRE(ImGui::IsAnyItemActive());  // the slider, as a text field
  panel.type("150");
  panel.frame(test::AtlasPanelDriver::kEnter);
  panel.frame();
  CHECK(panel.view.clip_at == doctest::Approx(1.0f));
  // And below the range.
  for (int i = 0; i < 2; ++i) {
    panel.frame(test::AtlasPanelDriver::kTab);
    panel.frame();
  }
  panel.type("-40");
  panel.frame(test::AtlasPanelDriver::kEnter);
  panel.frame();
  CHECK(panel.view.clip_at == doctest::Approx(0.0f));
}
