// The Blood flow panel fits its share of the right-hand column (issue 14): at 1280x720 and
// 1920x1080, with the window's font (17 px) and a headless picture's (20 px per 720 lines), in
// all four languages, each of its tabs shows whole, with no scroll bar, under a Technique panel
// that takes its largest share of the column (0.55 of it), and every tab's label is whole.
// Before, at 720p only the groin plot fitted under the Technique panel and the rest scrolled;
// until session 11 the Clinic and About tabs scrolled up to 95 px at a picture's font (their text
// now shrinks toward the window's size there, ui::fit_text_scale). Drawn through a real ImGui
// context without GL (the font atlas in memory), as the student's window draws it.
#include "../support/test_paths.hpp"
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include <imgui.h>
#include <imgui_internal.h>

#include "../support/headless_imgui.hpp"
#include "app/language.hpp"
#include "ui/panel_layout.hpp"
#include "ui/teaching_panels.hpp"
#include "ui/tr.hpp"

using namespace effleura;

namespace {

struct Screen {
  ImVec2 size;
  float font_px;
};
const Screen kScreens[] = {{{1280.0f, 720.0f}, 17.0f}, {{1280.0f, 720.0f}, 20.0f},
                           {{1920.0f, 1080.0f}, 17.0f}, {{1920.0f, 1080.0f}, 30.0f}};

// A leg as the app shows it after 30 s of ankle pumps: full plots, the clinic's figures in, one
// figure outside its range (its cell says so in words), all four tabs' content at its longest.
ui::FlowPanelState full_panel() {
  ui::FlowPanelState s;
  for (int i = 0; i < 600; ++i) {
    const float t = 0.05f * static_cast<float>(i);
    // The last second's mean in the groin's header at its longest: a first step from standing
    // still ("mean 58.4 mL/s, 41.2 cm/s"; its spike of ~160 mL/s lasts a few tenths of a second).
    s.femoral_ml_s.push_back(i >= 579 ? 58.4f : 6.0f + (i % 60 < 6 ? 40.0f : 0.0f));
    s.femoral_cm_s.push_back(i >= 579 ? 41.2f : 11.9f);
    s.calf_ml.push_back(109.0f - (i % 60 < 6 ? 30.0f : 0.0f) + 0.01f * t);
    s.ankle_mmhg.push_back(6.0f + (i % 60 < 6 ? 80.0f : 0.0f));
  }
  s.rest_femoral_ml_s = 6.0f;
  s.femoral_velocity_cm_s = 11.9f;
  s.posture = "supine";
  s.veins = {"gsv", "ssv", "popliteal", "femoral"};
  s.incompetent = {false, false, false, false};
  s.indices = ui::FlowPanelState::Indices::ready;
  s.ejection_fraction = 0.63f;
  s.residual_volume_fraction = 0.24f;
  s.filling_index_ml_s = 1.1f;
  s.refill_time_s = -1.0f;  // "over 2 min": the longest cell
  s.ambulatory_mmhg = 33.0f;  // outside: "33 mmHg, outside"
  s.recovery_s = 31.8f;
  s.rest_calf_ml = 109.0f;
  s.rest_ankle_mmhg = 6.0f;
  s.flow_view = true;
  return s;
}

ImGuiWindow* flow_window() {
  ImGuiWindow* w = ImGui::FindWindowByName("###Blood flow");
  if (!w || !w->Active) w = ImGui::FindWindowByName("Blood flow");
  REQUIRE(w != nullptr);
  return w;
}

}  // namespace

TEST_CASE("each tab of the Blood flow panel shows whole under the Technique panel, 720p and 1080p, four languages") {
  const std::filesystem::path locales = std::filesystem::path(EFFLEURA_SOURCE_DIR) / "content" / "locales";
  using Tab = ui::FlowPanelState::Tab;
  float most_scrolled = 0.0f;   // reported: how far the worst tab ran past the panel
  float picture_scroll = 0.0f;  // the same for the clinic and notes at a picture's font
  int tabs_checked = 0;
  for (const std::string lang : {"en", "es", "fr", "de"}) {
    CAPTURE(lang);
    REQUIRE(app::use_interface_language(locales, lang).has_value());
    for (const Screen& screen : kScreens) {
      CAPTURE(screen.size.y);
      CAPTURE(screen.font_px);
      test::HeadlessImGui ui(screen.size, screen.font_px);
      for (const Tab tab : {Tab::plots, Tab::clinic, Tab::leg, Tab::about}) {
        CAPTURE(static_cast<int>(tab));
        ui::FlowPanelState s = full_panel();
        s.select_tab = tab;
        float technique_bottom = 0.0f;
        // Four frames: the auto-sized panel measures itself, then the tab comes forward.
        for (int frame = 0; frame < 4; ++frame) {
          ImGui::NewFrame();
          // The Technique panel above at its largest share of the column (ui/panel_layout.cpp:
          // 0.55 of it when the Blood flow panel wants more than the rest).
          const float em = ImGui::GetFontSize(), bar = ImGui::GetFrameHeight();
          const float top = bar + 0.5f * em, avail = screen.size.y - 2.0f * bar - em;
          ui::note_panel_height(ui::Panel::technique, 0.55f * avail);
          technique_bottom = top + 0.55f * avail;
          (void)ui::draw_flow_panel(s);
          ImGui::EndFrame();
        }
        const ImGuiWindow* w = flow_window();
        CHECK_FALSE(w->Collapsed);
        // Every tab at the window's font and at a headless picture's larger one (20 px per 720
        // lines), where the clinic's table and the notes scrolled up to 95 px before.
        if (screen.font_px != 17.0f && (tab == Tab::clinic || tab == Tab::about))
          picture_scroll = std::max(picture_scroll, w->ScrollMax.y);
        most_scrolled = std::max(most_scrolled, w->ScrollMax.y);
        CHECK(w->ScrollMax.y == 0.0f);  // the tab's whole content inside the panel
        CHECK(w->Pos.y >= technique_bottom);
        CHECK(w->Pos.y + w->Size.y <= screen.size.y);
        // Every tab's label whole: a tab bar short of room shrinks its tabs and cuts their words.
        ImGuiContext& g = *ImGui::GetCurrentContext();
        int bars = 0;
        for (int n = 0; n < g.TabBars.GetMapSize(); ++n)
          if (const ImGuiTabBar* b = g.TabBars.TryGetMapData(n)) {
            ++bars;
            CHECK(b->Tabs.Size == 4);
            for (const ImGuiTabItem& t : b->Tabs) CHECK(t.Width >= t.ContentWidth - 0.5f);
          }
        CHECK(bars == 1);
        ++tabs_checked;
      }
    }
  }
  MESSAGE("the most any tab scrolled: " << most_scrolled << " px; clinic and notes at a picture's font: " << picture_scroll << " px");
  ui::set_interface_locale(nullptr);
  CHECK(tabs_checked == 4 * 4 * 4);
}
