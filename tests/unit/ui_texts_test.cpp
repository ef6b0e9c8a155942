// The interface's words outside the View, Technique and atlas panels come from the locales too:
// the Blood flow panel with its plots and the clinic's tests, the blood-speed legend, the flow
// caption, technique names and landmark names. The panel is drawn through a real ImGui context
// without GL (font atlas in memory) with ImGui's text log on (it ends at the panel's End() and
// hands its text to the clipboard hook), so the test reads what a student would read.
#include "../support/test_paths.hpp"
#include <doctest/doctest.h>

#include <cstdio>
#include <filesystem>
#include <string>

#include <imgui.h>
#include <toml++/toml.h>

#include "app/language.hpp"
#include "ui/overlay_layout.hpp"
#include "ui/structure_card.hpp"
#include "ui/structure_names.hpp"
#include "ui/teaching_panels.hpp"
#include "ui/technique_texts.hpp"
#include "ui/tr.hpp"

using namespace effleura;

namespace {

std::filesystem::path content() { return std::filesystem::path(EFFLEURA_SOURCE_DIR) / "content"; }

// Every text item the Blood flow panel shows, each tab open in turn, with its clinic table ready
// and the leaky-valves list unfolded (ImGui opens tree nodes while it logs).
std::string flow_panel_text() {
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;
  io.DisplaySize = ImVec2(1280.0f, 1400.0f);  // tall: nothing folded or clipped away
  io.DeltaTime = 0.1f;
  unsigned char* pixels = nullptr;
  int w = 0, h = 0;
  io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
  ui::FlowPanelState s;
  s.femoral_ml_s = s.calf_ml = s.ankle_mmhg = {5.0f, 6.0f};
  s.posture = "supine";
  s.veins = {"great-saphenous"};
  s.incompetent = {false};
  s.indices = ui::FlowPanelState::Indices::ready;
  s.ejection_fraction = 0.4f;  // outside the normal range: the "outside" word shows
  static std::string text, last;
  text.clear();
  io.SetClipboardTextFn = [](void*, const char* logged) { last = logged; };
  // Each of the panel's tabs in turn (the plots, the clinic's table, the leg, the notes).
  using Tab = ui::FlowPanelState::Tab;
  for (const Tab tab : {Tab::plots, Tab::clinic, Tab::leg, Tab::about}) {
    s.select_tab = tab;
    for (int frame = 0; frame < 2; ++frame) {  // the first frame only measures the auto-sized panel
      ImGui::NewFrame();
      ImGui::LogToClipboard();  // the panel's End() finishes the log: its text goes to `last`
      (void)ui::draw_flow_panel(s);
      ImGui::EndFrame();
    }
    text += last + "\n";
  }
  ImGui::DestroyContext();
  return text;
}

}  // namespace

TEST_CASE("the Blood flow panel, its plots and the clinic's tests read in Spanish, not English") {
  REQUIRE(app::use_interface_language(content() / "locales", "en").has_value());
  const std::string english = flow_panel_text();
  // The log sees the panel's words at all (else the Spanish checks below could not fail).
  CHECK(english.find("Show the veins and blood") != std::string::npos);
  CHECK(english.find("One tiptoe empties") != std::string::npos);
  CHECK(english.find("Great saphenous vein") != std::string::npos);
  REQUIRE(app::use_interface_language(content() / "locales", "es").has_value());
  const std::string spanish = flow_panel_text();
  CAPTURE(spanish);
  for (const char* es : {"Mostrar las venas y la sangre", "Retorno en la ingle", "Sangre en la pantorrilla",
                         "Vena femoral ahora", "Clínica", "Esta pierna", "Vaciado al ponerse de puntillas",
                         "fuera de rango", "Vena safena mayor", "Tumbado boca arriba", "solo por un momento"})
    CHECK(spanish.find(es) != std::string::npos);
  for (const char* en : {"Show the veins", "Return at the groin", "Blood in the calf", "Femoral vein now", "Clinic",
                         "This leg", "One tiptoe", "outside", "Leaky valves", "Lying flat", "Massage moves"})
    CHECK(spanish.find(en) == std::string::npos);
  ui::set_interface_locale(nullptr);
}

TEST_CASE("technique names, landmarks, the legend and the flow caption come from the locales") {
  REQUIRE(app::use_interface_language(content() / "locales", "fr").has_value());
  CHECK(ui::technique_name("petrissage", "Petrissage") == "Pétrissage");
  CHECK(ui::technique_name("no-such-technique", "Its own name") == "Its own name");
  CHECK(ui::direction_words("toward-heart") == "Vers le cœur");
  CHECK(ui::landmark_title("Patella (kneecap)") == "Patella (rotule)");
  CHECK(ui::landmark_title("Not a landmark") == "Not a landmark");
  CHECK(std::string(ui::legend_texts()[0]) == "Vitesse du sang");
  CHECK(std::string(ui::legend_texts()[1]) == "reflux");  // the view colours only reflux, not any backflow
  CHECK(std::string(ui::valve_keys()[2]) == "fuit");
  CHECK(std::string(ui::tr("ui.flow.caption")).find("360 mL") != std::string::npos);

  // The English in the locales is the files' own: each technique's name and each landmark's.
  REQUIRE(app::use_interface_language(content() / "locales", "en").has_value());
  int techniques = 0;
  for (const auto& entry : std::filesystem::directory_iterator(content() / "techniques")) {
    if (entry.path().extension() != ".toml") continue;
    const toml::table t = toml::parse_file(entry.path().string());
    const std::string id = t["id"].value_or(entry.path().stem().string());
    CAPTURE(id);
    const char* name = ui::tr_find("technique." + id + ".name");
    REQUIRE(name != nullptr);
    CHECK(std::string(name) == t["name"].value_or(std::string()));
    ++techniques;
  }
  CHECK(techniques == 10);
  const toml::table marks = toml::parse_file((content() / "anatomy" / "landmarks.toml").string());
  int landmarks = 0;
  for (const auto& node : *marks["landmark"].as_array()) {
    const toml::table& l = *node.as_table();
    const std::string at = l["at"].value_or(std::string());
    CAPTURE(at);
    const char* name = ui::tr_find("landmark." + at);
    REQUIRE(name != nullptr);
    CHECK(std::string(name) == l["name"].value_or(std::string()));
    ++landmarks;
  }
  CHECK(landmarks == 10);
  ui::set_interface_locale(nullptr);
}

TEST_CASE("a muscle's card gives its origin, insertion, action and nerve, in English and in Spanish") {
  REQUIRE(app::use_interface_language(content() / "locales", "en").has_value());
  // Every muscle the locales name has all four, in English (the other languages are held to
  // English by --check-locales).
  const lesson::Locale* en = ui::interface_locale();
  int muscles = 0;
  for (const auto& [key, entry] : en->entries()) {
    if (!key.starts_with("structure.muscle.")) continue;
    const std::string mesh = key.substr(std::string("structure.").size());
    CAPTURE(mesh);
    for (const char* field : {"origin", "insertion", "action", "nerve"}) CHECK(ui::tr_find("card." + mesh + "." + field));
    ++muscles;
  }
  CHECK(muscles == 20);
  anatomy::Mesh soleus;
  soleus.name = "muscle.soleus";
  soleus.layer = anatomy::Layer::muscle;
  const ui::StructureCard card = ui::structure_card(soleus, "muscle", nullptr, {});
  CHECK(card.insertion.find("Achilles") != std::string::npos);
  CHECK(card.nerve == "Tibial nerve (S1-S2)");
  REQUIRE(app::use_interface_language(content() / "locales", "es").has_value());
  const ui::StructureCard es = ui::structure_card(soleus, "muscle", nullptr, {});
  CHECK(es.origin.find("peroné") != std::string::npos);
  CHECK(es.insertion.find("calcáneo") != std::string::npos);
  CHECK(es.action.find("pie") != std::string::npos);
  CHECK(es.nerve == "Nervio tibial (S1-S2)");
  // A structure with only its kind's card has none of them (no made-up anatomy).
  anatomy::Mesh nerve;
  nerve.name = "nerve.saphenous";
  nerve.layer = anatomy::Layer::nerve;
  const ui::StructureCard n = ui::structure_card(nerve, "nerve", nullptr, {});
  CHECK(n.origin.empty());
  CHECK(n.nerve.empty());
  ui::set_interface_locale(nullptr);
}

// The Technique panel's speed slider prints its value through the locale's format: "%.1f" showed
// --speed 0.25 as "0.2x" (and rounded a dragged value to tenths), so a student slowed to a
// quarter read a fifth. Every language shows two significant figures: 0.25, 0.5, 1, 1.5.
TEST_CASE("the speed slider shows a quarter speed as 0.25x, in every language") {
  for (const char* id : {"en", "es", "fr", "de"}) {
    CAPTURE(id);
    REQUIRE(app::use_interface_language(content() / "locales", id).has_value());
    const auto shown = [](float speed) {
      char text[64];
      std::snprintf(text, sizeof text, ui::tr("ui.technique.speed"), static_cast<double>(speed));
      return std::string(text);
    };
    CHECK(shown(0.25f).find("0.25x") != std::string::npos);
    CHECK(shown(0.5f).find("0.5x") != std::string::npos);
    CHECK(shown(1.0f).find("1x") != std::string::npos);
    CHECK(shown(1.5f).find("1.5x") != std::string::npos);
  }
  ui::set_interface_locale(nullptr);
}

// The groin plot swings every 4 s or so with the model's breathing (15 breaths a minute), which a
// student watching toe taps read as the taps' effect (session 29): the Blood flow panel's notes
// (ui.plot.femoral-speed, its About tab) say the slow wave is breathing, in every language.
TEST_CASE("the Blood flow panel's notes say the groin plot's slow wave is breathing, in every language") {
  for (const char* id : {"en", "es", "fr", "de"}) {
    CAPTURE(id);
    REQUIRE(app::use_interface_language(content() / "locales", id).has_value());
    CHECK(std::string(ui::tr("ui.plot.femoral-speed")).find("4 s") != std::string::npos);
  }
  ui::set_interface_locale(nullptr);
}
