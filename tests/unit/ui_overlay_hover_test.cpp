// The name beside the pointer (Overlay::hover) is left out where a label that is always placed
// (the lit structure's, a lit area's) already names the same thing; beside the atlas's labels
// on every structure (ranked) it stays: it says which of them the pointer is on. GL-free (the
// font's metrics only).
#include <doctest/doctest.h>

#include <string>

#include <imgui.h>

#include "../support/headless_imgui.hpp"
#include "ui/overlay_layout.hpp"

using namespace effleura;

namespace {

bool hover_drawn(const std::string& label, int rank, const std::string& hover) {
  test::HeadlessImGui imgui(ImVec2(1280.0f, 720.0f), 17.0f);
  ImGui::NewFrame();
  ui::Overlay o;
  o.subject_centre = {640.0f, 360.0f};
  o.subject_x = {300.0f, 980.0f};
  ui::AreaLabel l{{700.0f, 400.0f}, label};
  l.rank = rank;
  o.labels.push_back(l);
  o.hover = hover;
  o.hover_at = {720.0f, 390.0f};
  const ui::OverlayLayout layout = ui::layout_overlay(o, 1.0f);
  ImGui::EndFrame();
  REQUIRE(layout.labels.size() == 1);
  return layout.hover.has_value();
}

}  // namespace

TEST_CASE("the name beside the pointer is left out where the lit structure's label already gives it") {
  CHECK_FALSE(hover_drawn("Soleus", 0, "Soleus"));
  CHECK_FALSE(hover_drawn("Tibia", 0, "Tibia (shin bone)"));  // labels leave the note in brackets out
  CHECK(hover_drawn("Soleus", 0, "Gastrocnemius (medial head)"));
  CHECK(hover_drawn("Tibia", 0, "Tibialis anterior"));  // a longer name is not the label's
  CHECK(hover_drawn("Soleus", 3, "Soleus"));  // one of many labels: the pointer's name picks it out
  CHECK(ui::hover_repeats_label("Calves", "Calves"));
  CHECK_FALSE(ui::hover_repeats_label("Calves - Soleus", "Calves"));
}
