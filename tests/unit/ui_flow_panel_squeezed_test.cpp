// The Blood flow panel under a long lesson step (session 25): in a lesson the step's panel takes
// the top of the right-hand column and Blood flow keeps what it leaves. At 1280x720 in a headless
// picture's font (20 px) that was about 150 px after a question's feedback: the three charts were
// squeezed to 1.2 lines, the groin's 24 px tall, and the panel scrolled, the calf and ankle plots
// below its edge (docs/interface/lesson.png of session 24). Where three charts of 1.2 lines do
// not fit, the panel now shows each plot's value now without its chart, and nothing scrolls.
// Drawn through a real ImGui context without GL, as ui_flow_panel_fit_test.cpp does.
#include "../support/test_paths.hpp"
#include <doctest/doctest.h>

#include <cmath>
#include <filesystem>
#include <string>

#include <imgui.h>
#include <imgui_internal.h>

#include "../support/headless_imgui.hpp"
#include "app/language.hpp"
#include "ui/flow_plot.hpp"
#include "ui/panel_layout.hpp"
#include "ui/teaching_panels.hpp"
#include "ui/tr.hpp"

using namespace effleura;

namespace {

// Thirty seconds of ankle pumps: full plots, the groin's header at its longest.
ui::FlowPanelState pumping() {
  ui::FlowPanelState s;
  for (int i = 0; i < 600; ++i) {
    const bool pump = i % 60 < 6;
    s.femoral_ml_s.push_back(i >= 579 ? 58.4f : 6.0f + (pump ? 40.0f : 0.0f));
    s.femoral_cm_s.push_back(i >= 579 ? 41.2f : 11.9f);
    s.calf_ml.push_back(109.0f - (pump ? 30.0f : 0.0f));
    s.ankle_mmhg.push_back(6.0f + (pump ? 80.0f : 0.0f));
  }
  s.rest_femoral_ml_s = 6.0f;
  s.femoral_velocity_cm_s = 11.9f;
  s.rest_calf_ml = 109.0f;
  s.rest_ankle_mmhg = 6.0f;
  s.posture = "supine";
  s.flow_view = true;
  s.select_tab = ui::FlowPanelState::Tab::plots;
  return s;
}

}  // namespace

TEST_CASE("the Blood flow panel under a long lesson step shows its plots' values whole, never squeezed charts that scroll") {
  const std::filesystem::path locales = std::filesystem::path(EFFLEURA_SOURCE_DIR) / "content" / "locales";
  struct Screen {
    ImVec2 size;
    float font_px;
  };
  // The window's font and a headless picture's (20 px per 720 lines).
  const Screen screens[] = {{{1280.0f, 720.0f}, 17.0f}, {{1280.0f, 720.0f}, 20.0f}, {{1920.0f, 1080.0f}, 30.0f}};
  int values_only = 0, charts = 0;
  for (const std::string lang : {"en", "es", "fr", "de"}) {
    CAPTURE(lang);
    REQUIRE(app::use_interface_language(locales, lang).has_value());
    for (const Screen& screen : screens) {
      CAPTURE(screen.font_px);
      test::HeadlessImGui ui(screen.size, screen.font_px);
      // What the lesson leaves Blood flow, from 7.5 lines (session 24's lesson.png: about 150 px
      // at 20 px) up to 18: the three values need about 7 lines with the title and the tabs.
      for (const float lines : {7.5f, 9.0f, 11.0f, 14.0f, 18.0f}) {
        CAPTURE(lines);
        const ui::FlowPanelState s = pumping();
        float chart = -1.0f;
        for (int frame = 0; frame < 4; ++frame) {
          ImGui::NewFrame();
          const float em = ImGui::GetFontSize(), bar = ImGui::GetFrameHeight();
          const float avail = screen.size.y - 2.0f * bar - em, gap = 0.5f * em;
          ui::note_panel_height(ui::Panel::lesson, avail - gap - lines * em);
          (void)ui::draw_flow_panel(s);
          // The plots' room, about: the panel less its title bar, tabs and padding.
          const float most = ui::place_panel(ui::Panel::flow, ui::current_panel_input(false, {})).max_height;
          chart = ui::flow_panel_chart_px(s, most - 3.0f * ImGui::GetFrameHeightWithSpacing());
          ImGui::EndFrame();
        }
        const ImGuiWindow* w = ImGui::FindWindowByName("###Blood flow");
        if (!w || !w->Active) w = ImGui::FindWindowByName("Blood flow");
        REQUIRE(w != nullptr);
        CHECK_FALSE(w->Collapsed);
        CHECK(w->ScrollMax.y == 0.0f);  // every plot's header inside the panel
        // Charts are never flatter than 1.2 lines: either that or none.
        CHECK((chart == 0.0f || chart >= std::floor(ui::kLeastChartLines * ImGui::GetFontSize())));
        ++(chart == 0.0f ? values_only : charts);
      }
    }
  }
  ui::set_interface_locale(nullptr);
  // Both ways are met: the values alone in the least room, the charts where they fit.
  CHECK(values_only > 0);
  CHECK(charts > 0);
}
