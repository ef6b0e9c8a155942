// The interface's language: kept in the settings file, looked up by key with an English
// fallback, switched at run time, and a broken setting reported at its line.
#include "../support/test_paths.hpp"
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "app/language.hpp"
#include "app/panels.hpp"
#include "app/state.hpp"
#include "app/user_settings.hpp"
#include "lesson/locale_check.hpp"
#include "ui/area_notes.hpp"
#include "ui/main_ui.hpp"
#include "ui/tr.hpp"

using namespace effleura;

namespace {
std::filesystem::path locales() { return std::filesystem::path(EFFLEURA_SOURCE_DIR) / "content" / "locales"; }
std::filesystem::path scratch(const char* name) {
  const auto dir = std::filesystem::path(EFFLEURA_BINARY_DIR) / "test-scratch" / "language";
  std::filesystem::create_directories(dir);
  return dir / name;
}
}  // namespace

TEST_CASE("the language chosen in the View menu survives a round trip through the settings file") {
  const auto file = scratch("settings.toml");
  app::UserSettings s;
  s.language = "es";
  s.interface_scale = 1.5f;
  REQUIRE(app::save_user_settings(s, file));
  std::string problem;
  const app::UserSettings back = app::load_user_settings(file, &problem);
  CHECK(problem.empty());
  CHECK(back.language == "es");
  CHECK(back.interface_scale == doctest::Approx(1.5f));
  // Not chosen: nothing written, nothing read.
  REQUIRE(app::save_user_settings(app::UserSettings{}, file));
  CHECK(app::load_user_settings(file).language.empty());
  std::ofstream(file) << "interface_scale = 1.0\nlanguage = 3\n";
  const app::UserSettings broken = app::load_user_settings(file, &problem);
  CHECK(broken.language.empty());
  CHECK(problem.find(":2:") != std::string::npos);
  CHECK(problem.find("language") != std::string::npos);
}

TEST_CASE("interface texts come from the chosen language, with English behind and the key when none has it") {
  REQUIRE(app::use_interface_language(locales(), "de").has_value());
  CHECK(ui::interface_language() == "de");
  CHECK(std::string(ui::tr("ui.view.layers")) == "Schichten");
  CHECK(std::string(ui::area_label(5)) == "Kniekehle");  // popliteal, on the leg's labels too
  CHECK(ui::trf("lesson.progress", {{"step", "3"}, {"count", "12"}}) == "3 von 12");
  CHECK(std::string(ui::tr("ui.no-such-key")) == "[ui.no-such-key]");
  CHECK(ui::tr_id("ui.view.skin") == "Haut###ui.view.skin");  // the widget's id is the same in every language
  REQUIRE(ui::interface_languages().size() >= 4);
  CHECK(ui::interface_languages().front().id == "en");
  // A language that is not there leaves the current one in place.
  CHECK_FALSE(app::use_interface_language(locales(), "xx").has_value());
  CHECK(ui::interface_language() == "de");
  REQUIRE(app::use_interface_language(locales(), "en").has_value());
  CHECK(std::string(ui::tr("ui.view.layers")) == "Layers");
  CHECK(std::string(ui::area_label(5)) == "Behind the knee");
  ui::set_interface_locale(nullptr);  // as other tests in this binary expect
}

TEST_CASE("View > Language switches the interface at once and keeps the choice in the settings file") {
  const auto file = scratch("chosen.toml");
  std::filesystem::remove(file);
  app::State state;
  app::PanelState panels;
  panels.locales_dir = locales();
  panels.settings_file = file;
  ui::UiCommands choose;
  choose.language = "fr";
  app::apply(choose, state, panels);
  CHECK(panels.status_message.empty());
  CHECK(ui::interface_language() == "fr");
  CHECK(std::string(ui::tr("ui.menu.language")) == "Langue");
  CHECK(app::load_user_settings(file).language == "fr");
  // A language whose file is gone: a message, and the French texts stay.
  choose.language = "xx";
  app::apply(choose, state, panels);
  CHECK_FALSE(panels.status_message.empty());
  CHECK(ui::interface_language() == "fr");
  CHECK(app::load_user_settings(file).language == "fr");
  ui::set_interface_locale(nullptr);
}

TEST_CASE("an area's description and cautions in another language override areas.toml, English keeps areas.toml") {
  auto areas = anatomy::load_area_content(std::filesystem::path(EFFLEURA_SOURCE_DIR) / "content" / "areas.toml");
  REQUIRE(areas.has_value());
  const anatomy::AreaInfo& calves = areas->areas[2];
  REQUIRE(calves.id == "calves");
  REQUIRE(app::use_interface_language(locales(), "en").has_value());
  CHECK(ui::area_description(calves) == calves.description);
  CHECK(ui::area_cautions(calves) == calves.cautions);
  REQUIRE(app::use_interface_language(locales(), "es").has_value());
  CHECK(ui::area_title(calves) == "Pantorrillas");
  CHECK(ui::area_description(calves).find("sóleo") != std::string::npos);
  CHECK(ui::area_description(calves).find("(plethysmography reviews)") != std::string::npos);  // the source, word for word
  const auto cautions = ui::area_cautions(calves);
  REQUIRE(cautions.size() == calves.cautions.size());
  CHECK(cautions[0].find("trombosis") != std::string::npos);
  ui::set_interface_locale(nullptr);

  // Every shipped language has every area's description and each of its cautions, and no
  // note for a caution areas.toml does not have.
  for (const auto& l : lesson::available_languages(locales())) {
    if (l.id == "en") continue;
    CAPTURE(l.id);
    auto locale = lesson::load_locale(locales() / (l.id + ".toml"));
    REQUIRE(locale.has_value());
    const lesson::LocaleProblems p = app::check_area_notes(*locale, *areas);
    CHECK_MESSAGE(p.missing.empty(), (p.missing.empty() ? std::string() : p.missing.front()));
    CHECK_MESSAGE(p.extra.empty(), (p.extra.empty() ? std::string() : p.extra.front()));
  }
  // A gap and a stray caution are listed.
  auto partial = lesson::load_locale_string(
      "[locale]\nid = \"de\"\nname = \"Deutsch\"\n[area-notes.shin]\ndescription = \"x\"\ncaution-1 = \"y\"\ncaution-2 = \"z\"\n", "de.toml");
  REQUIRE(partial.has_value());
  const lesson::LocaleProblems p = app::check_area_notes(*partial, *areas);
  CHECK(std::find(p.missing.begin(), p.missing.end(), "area-notes.feet.description") != p.missing.end());
  CHECK(std::find(p.missing.begin(), p.missing.end(), "area-notes.shin.description") == p.missing.end());
  CHECK(p.extra == std::vector<std::string>{"area-notes.shin.caution-2"});  // the shin has one caution
}
