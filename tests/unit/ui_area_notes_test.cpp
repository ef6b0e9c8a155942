// The View panel's nine area boxes and the chosen area's notes: the boxes share rows two by two
// where their names fit (ui/area_rows.hpp), and for every area, in all four languages, at
// 1280x720 and 1920x1080 with the window's font (17 px) and a headless picture's (20 px per 720
// lines), the notes show whole: description, pressure and cautions with no scroll bar, the panel
// inside the window, the leg keeping at least a quarter of it. Drawn through a real ImGui context
// without GL (the font atlas in memory), as the explorer's window draws it.
#include "../support/test_paths.hpp"
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <string>

#include <imgui.h>
#include <imgui_internal.h>

#include "../support/headless_imgui.hpp"
#include "../support/view_panel_screens.hpp"
#include "../support/sanitizer.hpp"
#include "anatomy/area_content.hpp"
#include "app/language.hpp"
#include "ui/area_rows.hpp"
#include "ui/main_ui.hpp"
#include "ui/panel_layout.hpp"
#include "ui/tr.hpp"

using namespace effleura;

namespace {

std::filesystem::path content(const std::string& rel) { return std::filesystem::path(EFFLEURA_SOURCE_DIR) / "content" / rel; }

// Widths in kAreaIds order: feet, ankles, calves, shin, thighs, popliteal, hamstrings, it-band, glutes.
std::array<float, anatomy::kAreaCount> widths(std::initializer_list<float> w) {
  std::array<float, anatomy::kAreaCount> out{};
  std::copy(w.begin(), w.end(), out.begin());
  return out;
}

int rows_holding(const ui::AreaRows& r, int area) {
  for (std::size_t i = 0; i < r.rows.size(); ++i)
    if (r.rows[i][0] == area || r.rows[i][1] == area) return static_cast<int>(i);
  return -1;
}


// The notes' box: the View panel's one child window drawn this frame.
const ImGuiWindow* notes_box(const ImGuiWindow* view) {
  const ImGuiWindow* found = nullptr;
  for (const ImGuiWindow* w : ImGui::GetCurrentContext()->Windows)
    if (w->ParentWindow == view && w->Active && (w->Flags & ImGuiWindowFlags_ChildWindow)) found = w;
  return found;
}

}  // namespace

TEST_CASE("area boxes: the usual pairs side by side where they fit, one long name alone, lone neighbours paired") {
  // English-like names: every pair fits, "behind the knee" alone: five rows.
  const auto english = widths({70, 90, 85, 70, 85, 150, 120, 90, 80});
  const ui::AreaRows en = ui::area_rows(english, 290.0f, 16.0f);
  CHECK(en.rows.size() == 5);
  CHECK(rows_holding(en, 2) == rows_holding(en, 3));  // calves beside shin
  CHECK(en.second_column + english[1] <= 290.0f);
  // Spanish-like: "Cintilla iliotibial" (it-band, 7) cannot share a row with glutes (8); glutes
  // then joins "Tras la rodilla" (5), the next lone box: still five rows, not nine.
  const auto spanish = widths({75, 115, 150, 115, 95, 155, 165, 225, 105});
  const ui::AreaRows es = ui::area_rows(spanish, 290.0f, 16.0f);
  CHECK(es.rows.size() <= 6);
  CHECK(rows_holding(es, 8) == rows_holding(es, 5));
  for (const auto& row : es.rows) {
    if (row[1] < 0) continue;
    CHECK(spanish[static_cast<std::size_t>(row[0])] + 16.0f <= es.second_column);
    CHECK(es.second_column + spanish[static_cast<std::size_t>(row[1])] <= 290.0f);
  }
  // Every box drawn once, in the usual order.
  int seen = 0;
  for (const auto& row : es.rows) seen += row[1] < 0 ? 1 : 2;
  CHECK(seen == static_cast<int>(anatomy::kAreaCount));
  // Too narrow for two: one to a row.
  CHECK(ui::area_rows(spanish, 200.0f, 16.0f).rows.size() == anatomy::kAreaCount);
}

TEST_CASE("every area's notes show whole in the explorer's View panel, four languages, 720p and 1080p") {
  auto areas = anatomy::load_area_content(content("areas.toml"));
  REQUIRE_MESSAGE(areas.has_value(), areas.error().describe());
  int shown = 0;
  float most_scrolled = 0.0f, widest_share = 0.0f;
  for (const std::string lang : {"en", "es", "fr", "de"}) {
    CAPTURE(lang);
    REQUIRE(app::use_interface_language(content("locales"), lang).has_value());
    for (const test::ViewScreen& screen : test::kViewScreens) {
      CAPTURE(screen.size.y);
      CAPTURE(screen.font_px);
      test::ViewScreenUi ui(screen);
      for (std::size_t a = 0; a < anatomy::kAreaCount; a += static_cast<std::size_t>(test::kSanitizedStride)) {
        CAPTURE(anatomy::kAreaIds[a]);
        ui::MainUiView view;
        view.areas = &*areas;
        view.focus_area = static_cast<int>(a);
        view.selected[a] = true;
        float width = 0.0f;
        // Frames: the panel measures itself in the first; the width must then hold still.
        for (int frame = 0; frame < 5; ++frame) {
          ImGui::NewFrame();
          (void)ui::draw_main_ui(view);
          ImGui::EndFrame();
          if (frame >= 3) {
            const float now = test::view_window()->Size.x;
            if (frame == 4) CHECK(now == width);
            width = now;
          }
        }
        const ImGuiWindow* w = test::view_window();
        const ImGuiWindow* notes = notes_box(w);
        REQUIRE(notes != nullptr);
        most_scrolled = std::max({most_scrolled, notes->ScrollMax.y, w->ScrollMax.y});
        CHECK(notes->ScrollMax.y == 0.0f);
        CHECK(w->ScrollMax.y == 0.0f);
        CHECK(w->Pos.x >= 0.0f);
        CHECK(w->Pos.y >= 0.0f);
        CHECK(w->Pos.y + w->Size.y <= screen.size.y);
        // The leg keeps a quarter of the window between the View column and the right-hand one.
        widest_share = std::max(widest_share, w->Size.x / screen.size.x);
        ui::PanelInput in;
        in.display = {screen.size.x, screen.size.y};
        in.em = ImGui::GetFontSize();
        CHECK(w->Size.x <= ui::widest_left_column(in) + 0.5f);
        ++shown;
      }
    }
  }
  MESSAGE("the most any notes scrolled: " << most_scrolled << " px; widest View column " << widest_share << " of the window");
  ui::set_interface_locale(nullptr);
  CHECK(shown >= 4 * 4 * static_cast<int>(anatomy::kAreaCount) / test::kSanitizedStride);
}
