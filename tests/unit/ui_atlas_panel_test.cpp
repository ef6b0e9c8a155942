// The atlas's search box and its way back, driven through a real ImGui context without GL
// (support/atlas_panel_driver.hpp): what a student types and clicks, frame by frame.
#include <doctest/doctest.h>

#include <optional>
#include <string>

#include <imgui.h>

#include "../support/atlas_panel_driver.hpp"

using namespace effleura;

namespace {

// A click (a press one frame, the release the next) at `at`; true when it asked to show
// everything again. The "Atlas tools" header stays closed, as it starts.
bool click_shows_all(test::AtlasPanelDriver& panel, ImVec2 at) {
  const bool pressed = panel.frame(-1, &at).show_all;
  const bool released = panel.frame().show_all;  // the pointer stays where it was
  return pressed || released;
}

// A click every 40 px across and 4 px down the panel's top half (a row of small buttons is
// 19 px tall in ImGui's own font): does any of them show everything again?
bool some_click_shows_all(test::AtlasPanelDriver& panel) {
  bool any = false;
  for (float y = 2.0f; y < 300.0f; y += 4.0f)
    for (float x = 20.0f; x < 480.0f; x += 40.0f) any = click_shows_all(panel, ImVec2(x, y)) || any;
  return any;
}

}  // namespace

// On a software renderer a frame takes 80 ms and more, so the name's last letters and Enter can
// arrive in one frame. The results shown then are still those of the text before it (none, for
// an empty box), and Enter was dropped: "soleo" stood in the box and nothing was found (a window
// session, session 25). The app looks the best match up itself, and finds none without harm.
TEST_CASE("atlas: Enter typed in the same frame as the name takes the best match") {
  test::AtlasPanelDriver panel;
  panel.frame(test::AtlasPanelDriver::kTab);  // Tab: into the search box, its first field
  panel.frame();
  REQUIRE(ImGui::IsAnyItemActive());
  REQUIRE(panel.view.results.empty());  // the box was empty in the frame before
  for (const char* p = "soleo"; *p; ++p) ImGui::GetIO().AddInputCharacter(static_cast<unsigned>(*p));
  const ui::AtlasCommands c = panel.frame(test::AtlasPanelDriver::kEnter);
  CHECK(c.query == std::optional<std::string>("soleo"));
  CHECK(c.find);
}

// "Show only" hides every other structure, skin included; its way back, "Show all", was only
// under the "Atlas tools" header, closed at first. A student who pressed "Show only" and then
// "Close" on the card was left with one muscle in an empty room and no button in sight (a window
// session at 1280x720, session 25). It now stands under the search box (beside the card's
// buttons while one is selected) whenever something is hidden or faded.
TEST_CASE("atlas: Show all is in sight whenever something is hidden or faded, the tools folded") {
  test::AtlasPanelDriver panel;
  SUBCASE("nothing selected (the card closed)") {}
  SUBCASE("a structure selected") { panel.view.selected = true; }
  panel.view.any_changed = true;
  CHECK(some_click_shows_all(panel));
  // Nothing hidden or faded: no such button to press.
  panel.view.any_changed = false;
  CHECK_FALSE(some_click_shows_all(panel));
}
