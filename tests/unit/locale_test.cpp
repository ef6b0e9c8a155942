#include <doctest/doctest.h>

#include <unistd.h>

#include <fstream>
#include <memory>

#include "lesson/locale.hpp"
#include "lesson_test_support.hpp"

using namespace effleura;
using namespace effleura::lesson;

TEST_CASE("the English locale loads, with nested keys flattened and sources kept") {
  auto en = load_locale(lesson_test::content("locales/en.toml"));
  REQUIRE_MESSAGE(en.has_value(), en.error().describe());
  CHECK(en->id() == "en");
  CHECK(en->has("kiosk.disclaimer"));
  CHECK(en->has("area.popliteal"));
  CHECK(en->has("circulation.q-pump.prompt"));
  // The disclaimer says what the program is not, and what to do about a suspected clot.
  const std::string disclaimer = en->text("kiosk.disclaimer");
  CHECK(disclaimer.find("not medical advice") != std::string::npos);
  CHECK(disclaimer.find("deep-vein thrombosis") != std::string::npos);
  // A claim entry carries its source, shown after the text when the text does not name it.
  const auto* valves = en->find("kiosk.valves");
  REQUIRE(valves != nullptr);
  CHECK(valves->source == "Labropoulos 2003");
  CHECK(en->text_with_source("kiosk.valves") == valves->text + " (Labropoulos 2003)");
  CHECK(en->text("no.such.key") == "[no.such.key]");
}

TEST_CASE("a partial locale falls back to English and reports what it lacks") {
  auto en = load_locale_string(
      "[locale]\nid = \"en\"\nname = \"English\"\n[a]\nhello = \"Hello\"\nbye = \"Goodbye\"\n[b]\nc = \"Sea\"\n",
      "en.toml");
  REQUIRE(en.has_value());
  auto de = load_locale_string("[locale]\nid = \"de\"\nname = \"Deutsch\"\n[a]\nhello = \"Hallo\"\n", "de.toml");
  REQUIRE_MESSAGE(de.has_value(), de.error().describe());
  CHECK(de->text("a.bye") == "[a.bye]");  // no fallback yet
  de->set_fallback(std::make_shared<const Locale>(*en));
  CHECK(de->text("a.hello") == "Hallo");
  CHECK(de->text("a.bye") == "Goodbye");
  CHECK(de->own("a.bye") == nullptr);
  CHECK(de->missing_from(*en) == std::vector<std::string>{"a.bye", "b.c"});
  CHECK(de->missing({"a.hello", "a.bye", "x.y"}) == std::vector<std::string>{"x.y"});
}

TEST_CASE("load_locale_with_fallback uses en.toml next to the file") {
  const auto dir = std::filesystem::temp_directory_path() / ("effleura-locale-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  std::filesystem::copy_file(lesson_test::content("locales/en.toml"), dir / "en.toml",
                             std::filesystem::copy_options::overwrite_existing);
  {
    std::ofstream(dir / "fr.toml") << "[locale]\nid = \"fr\"\nname = \"Francais\"\n[area]\ncalves = \"Mollets\"\n";
  }
  auto fr = load_locale_with_fallback(dir, "fr");
  REQUIRE_MESSAGE(fr.has_value(), fr.error().describe());
  CHECK(fr->text("area.calves") == "Mollets");
  CHECK(fr->text("area.feet") == "Feet");
  CHECK(fr->missing_from(*fr->fallback()).size() + 1 == fr->fallback()->entries().size());
  // A failed reload keeps the last good texts.
  { std::ofstream(dir / "fr.toml") << "[locale]\nid = \"fr\"\nname = 3\n"; }
  auto r = reload_locale(dir / "fr.toml", *fr);
  CHECK_FALSE(r.has_value());
  CHECK(fr->text("area.calves") == "Mollets");
  { std::ofstream(dir / "fr.toml") << "[locale]\nid = \"fr\"\nname = \"Francais\"\n[area]\ncalves = \"Les mollets\"\n"; }
  REQUIRE(reload_locale(dir / "fr.toml", *fr).has_value());
  CHECK(fr->text("area.calves") == "Les mollets");
  CHECK(fr->text("area.feet") == "Feet");  // fallback kept across the reload
  std::filesystem::remove_all(dir);
}

TEST_CASE("malformed locales name the line and the key") {
  SUBCASE("no [locale] table") {
    auto r = load_locale_string("[a]\nb = \"c\"\n", "xx.toml");
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().key == "locale");
  }
  SUBCASE("id does not match the file name") {
    auto r = load_locale_string("[locale]\nid = \"de\"\nname = \"Deutsch\"\n[a]\nb = \"c\"\n", "fr.toml");
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().line == 2);
    CHECK(r.error().key == "locale.id");
    CHECK(r.error().message.find("fr.toml") != std::string::npos);
  }
  SUBCASE("a text that is not a string") {
    auto r = load_locale_string("[locale]\nid = \"en\"\nname = \"E\"\n[kiosk]\nwelcome = 42\n", "en.toml");
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().line == 5);
    CHECK(r.error().key == "kiosk.welcome");
  }
  SUBCASE("a typo next to text/source") {
    auto r = load_locale_string("[locale]\nid = \"en\"\nname = \"E\"\n[kiosk.valves]\ntext = \"x\"\nsorce = \"y\"\n", "en.toml");
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().line == 6);
    CHECK(r.error().key == "kiosk.valves.sorce");
  }
  SUBCASE("a bad language id") {
    auto r = load_locale_string("[locale]\nid = \"English\"\nname = \"E\"\n[a]\nb = \"c\"\n", "x.txt");
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().key == "locale.id");
  }
}
