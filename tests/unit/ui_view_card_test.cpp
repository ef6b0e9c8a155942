// A structure's information card fits the View panel: for every structure of the shipped leg
// that a student can pick, in all four languages, at 1280x720 and 1920x1080 with the window's
// font (17 px) and a headless picture's (20 px per 720 lines), the View panel shows the whole
// card, its last caution included, with no scroll bar and inside the window. Drawn through a
// real ImGui context without GL (the font atlas in memory), as the student's window draws it:
// the layers, the search box with the soleus typed, the card, the atlas tools' header, the
// area boxes, and an area's notes when one was clicked before.
#include "../support/test_paths.hpp"
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include <imgui.h>
#include <imgui_internal.h>

#include "../support/headless_imgui.hpp"
#include "../support/view_panel_screens.hpp"
#include "../support/sanitizer.hpp"
#include "anatomy/area_content.hpp"
#include "app/atlas.hpp"
#include "app/language.hpp"
#include "shipped_assets.hpp"
#include "technique/pose.hpp"
#include "technique/technique_loader.hpp"
#include "ui/fonts.hpp"
#include "ui/main_ui.hpp"
#include "ui/panel_layout.hpp"
#include "ui/structure_card.hpp"
#include "ui/technique_texts.hpp"
#include "ui/tr.hpp"

using namespace effleura;

namespace {

std::filesystem::path content(const std::string& rel) { return std::filesystem::path(EFFLEURA_SOURCE_DIR) / "content" / rel; }

// The screens: support/view_panel_screens.hpp. The picture's font would need the column 870 px
// wide at 720p for the longest card: there the card's text takes a smaller size
// (ui/atlas_card_size.hpp, kCardScales). Before session 10 cards scrolled in pictures.

}  // namespace

TEST_CASE("every structure's card shows whole in the View panel, all four languages, 720p and 1080p") {
  const auto& model = test::shipped_model("leg.glb");
  REQUIRE_MESSAGE(model.has_value(), model.error().describe());
  auto areas = anatomy::load_area_content(content("areas.toml"));
  REQUIRE_MESSAGE(areas.has_value(), areas.error().describe());
  auto poses = technique::load_poses(content("poses.toml"));
  REQUIRE_MESSAGE(poses.has_value(), poses.error().describe());
  auto library = technique::load_techniques(content("techniques"), *poses, &*areas);
  REQUIRE_MESSAGE(library.has_value(), library.error().describe());
  std::vector<std::size_t> structures;
  for (std::size_t i = 0; i < model->meshes.size(); ++i)
    if (app::is_structure(model->meshes[i])) structures.push_back(i);
  REQUIRE(structures.size() > 20);
  int cards = 0;
  float most_scrolled = 0.0f;  // reported: how far the worst card ran past the panel
  for (const std::string lang : {"en", "es", "fr", "de"}) {
    CAPTURE(lang);
    REQUIRE(app::use_interface_language(content("locales"), lang).has_value());
    std::vector<ui::TechniqueRef> techniques;
    for (const auto& t : library->all()) techniques.push_back({ui::technique_name(t.id, t.name), t.areas});
    for (const test::ViewScreen& screen : test::kViewScreens) {
      CAPTURE(screen.size.y);
      CAPTURE(screen.font_px);
      test::ViewScreenUi ui(screen);
      // Under the sanitizers every fourth structure: the same code on fewer cards.
      for (std::size_t k = 0; k < structures.size(); k += static_cast<std::size_t>(test::kSanitizedStride)) {
        const anatomy::Mesh& mesh = model->meshes[structures[k]];
        CAPTURE(mesh.name);
        ui::MainUiView view;
        view.areas = &*areas;
        // Choosing a result empties the search box (app/atlas_commands.cpp): no results list.
        view.atlas.selected = true;
        view.atlas.card = ui::structure_card(mesh, app::structure_kind(mesh), &*areas, techniques);
        // An area clicked before the structure was found: its notes would show too.
        view.focus_area = 3;
        view.selected[3] = true;
        // Three frames: the auto-sized panel measures itself in the first.
        for (int frame = 0; frame < 3; ++frame) {
          ImGui::NewFrame();
          (void)ui::draw_main_ui(view);
          ImGui::EndFrame();
        }
        const ImGuiWindow* w = test::view_window();
        // Measuring the card leaves ImGui's implicit "Debug" window unused (hidden).
        const ImGuiWindow* debug = ImGui::FindWindowByName("Debug##Default");
        CHECK_FALSE((debug && debug->Active));
        most_scrolled = std::max(most_scrolled, w->ScrollMax.y);
        CHECK(w->ScrollMax.y == 0.0f);
        CHECK(w->Pos.y >= 0.0f);
        CHECK(w->Pos.y + w->Size.y <= screen.size.y);
        ++cards;
      }
    }
  }
  MESSAGE("the most any card scrolled: " << most_scrolled << " px");
  ui::set_interface_locale(nullptr);
  CHECK(cards >= 4 * 4 * static_cast<int>(structures.size()) / test::kSanitizedStride);
}
