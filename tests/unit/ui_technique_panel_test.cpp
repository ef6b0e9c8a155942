// The Technique panel as a new user reads it: drawn through a real ImGui context without GL (font
// atlas in memory) with ImGui's text log on (the panel's End() hands its text to the clipboard
// hook), so the test reads the words on screen. Session 22's new-user pass: the area filter's
// closed box read "All areas", like an area to light, not a filter on the list below it; and the
// Practice panel docked in the right-hand column or at the bottom as each step's caption and the
// language had it.
#include "../support/test_paths.hpp"
#include <doctest/doctest.h>

#include <filesystem>
#include <string>
#include <vector>

#include <imgui.h>
#include <imgui_internal.h>

#include "../support/headless_imgui.hpp"
#include "../support/sanitizer.hpp"
#include "app/language.hpp"
#include "technique_test_support.hpp"
#include "ui/practice_panel.hpp"
#include "ui/teaching_panels.hpp"
#include "ui/technique_notes.hpp"
#include "ui/technique_texts.hpp"
#include "ui/tr.hpp"

using namespace effleura;

namespace {

std::filesystem::path locales() { return std::filesystem::path(EFFLEURA_SOURCE_DIR) / "content" / "locales"; }

// Three techniques: two work on the calves, one on the feet only.
ui::TimelineState three_techniques(int area_filter) {
  ui::TimelineState s;
  s.techniques = {{"effleurage", "Effleurage", {"calves", "thighs"}},
                  {"petrissage", "Petrissage", {"calves"}},
                  {"toe-taps", "Toe taps", {"feet"}}};
  s.area_filter = area_filter;
  return s;
}

// The panel's text as drawn in its second frame (the first only measures the auto-sized panel).
std::string panel_text(const ui::TimelineState& s) {
  const test::HeadlessImGui ui(ImVec2(1280.0f, 720.0f), 17.0f);
  ImGuiIO& io = ImGui::GetIO();
  static std::string last;
  last.clear();
  io.SetClipboardTextFn = [](void*, const char* logged) { last = logged; };
  for (int frame = 0; frame < 2; ++frame) {
    ImGui::NewFrame();
    ImGui::LogToClipboard();
    (void)ui::draw_timeline_panel(s);
    ImGui::EndFrame();
  }
  return last;
}

}  // namespace

TEST_CASE("the Technique panel's area filter says that it filters the techniques, and how many it lists") {
  REQUIRE(app::use_interface_language(locales(), "en").has_value());
  const std::string all = panel_text(three_techniques(-1));
  CAPTURE(all);
  CHECK(all.find("Techniques for: All areas (3)") != std::string::npos);
  const std::string calves = panel_text(three_techniques(2));  // calves
  CAPTURE(calves);
  CHECK(calves.find("Techniques for: Calves (2)") != std::string::npos);
  REQUIRE(app::use_interface_language(locales(), "es").has_value());
  const std::string spanish = panel_text(three_techniques(0));  // feet
  CAPTURE(spanish);
  CHECK(spanish.find("Técnicas para: Pies (1)") != std::string::npos);
  ui::set_interface_locale(nullptr);
}

namespace {

// The Technique panel as the window shows `t` at step `step`, in the interface's language.
ui::TimelineState showing(const technique::Technique& t, std::size_t step) {
  ui::TimelineState s;
  for (const auto& each : test::real_library().all()) s.techniques.push_back({each.id, ui::technique_name(each.id, each.name), each.areas});
  s.current = t.id;
  s.duration = t.duration();
  s.playing = true;
  s.step = step;
  s.step_count = t.steps.size();
  s.caption = ui::step_caption(t, step, t.steps[step].caption);
  s.attend = ui::step_attend(t, step, t.steps[step].attend);
  return s;
}

// A panel drawn this frame by its id: "Técnica###Technique" in another language, "Technique" in English.
const ImGuiWindow* drawn_window(const std::string& id) {
  const ImGuiWindow* w = ImGui::FindWindowByName(("###" + id).c_str());
  if (!w || !w->Active) w = ImGui::FindWindowByName(id.c_str());
  REQUIRE_MESSAGE(w != nullptr, id);
  REQUIRE_MESSAGE(w->Active, id);
  return w;
}

}  // namespace

// The window's right-hand column as app/frame.cpp draws it: the Technique panel, Blood flow (folded
// at 720p), then Practice, which docks under the Technique panel where the column has room.
TEST_CASE("the Practice panel docks in the right-hand column at 1280x720 at every step of every technique, in all four languages") {
  // A headless picture's font (20 px per 720 lines), the tightest, and the window's (17 px).
  const std::vector<float> fonts = test::kSanitized ? std::vector<float>{20.0f} : std::vector<float>{20.0f, 17.0f};
  int checked = 0, expected = 0;
  for (const char* lang : {"en", "es", "fr", "de"}) {
    CAPTURE(lang);
    REQUIRE(app::use_interface_language(locales(), lang).has_value());
    for (const float font : fonts) {
      CAPTURE(font);
      const test::HeadlessImGui ui(ImVec2(1280.0f, 720.0f), font);
      for (const technique::Technique& t : test::real_library().all()) {
        ui::PracticePanelState practice;
        for (const auto& each : test::real_library().all()) practice.techniques.push_back({each.id, each.name, each.areas});
        practice.suggested = t.id;
        for (std::size_t step = 0; step < t.steps.size(); ++step) {
          CAPTURE(t.id);
          CAPTURE(step);
          ++expected;
          const ui::TimelineState timeline = showing(t, step);
          for (int frame = 0; frame < 3; ++frame) {  // heights are last frame's: settled by the third
            ImGui::NewFrame();
            (void)ui::draw_timeline_panel(timeline);
            (void)ui::draw_flow_panel(ui::FlowPanelState{});
            (void)ui::draw_practice_panel(practice);
            ImGui::EndFrame();
          }
          const ImGuiWindow* technique = drawn_window("Technique");
          const ImGuiWindow* practice_window = drawn_window("Practice");
          const ImGuiWindow* flow = drawn_window("Blood flow");
          CHECK(practice_window->Pos.x == technique->Pos.x);
          CHECK(practice_window->Pos.y >= technique->Pos.y + technique->Size.y);
          CHECK(practice_window->Pos.y + practice_window->Size.y <= flow->Pos.y);
          CHECK(practice_window->ScrollMax.y == 0.0f);  // the invitation and the box whole
          ++checked;
        }
      }
    }
  }
  ui::set_interface_locale(nullptr);
  CHECK(checked == expected);
  CHECK(checked >= 4 * 30);
}
