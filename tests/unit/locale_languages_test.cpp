// The shipped languages (content/locales): each has every English text, the same placeholders
// and the same sources, and the lessons and the kiosk load in each. Cheap: four small files.
#include <doctest/doctest.h>

#include <algorithm>

#include "lesson/lesson.hpp"
#include "lesson/locale_check.hpp"
#include "lesson/playlist.hpp"
#include "lesson_test_support.hpp"

using namespace effleura;
using namespace effleura::lesson;

namespace {
std::vector<std::string> ids_of(const std::vector<LanguageName>& languages) {
  std::vector<std::string> out;
  for (const auto& l : languages) out.push_back(l.id);
  return out;
}
}  // namespace

TEST_CASE("English, Spanish, French and German are shipped, English first") {
  const auto languages = available_languages(lesson_test::content("locales"));
  CHECK(ids_of(languages) == std::vector<std::string>{"en", "de", "es", "fr"});
  CHECK(describe_languages(languages).find("es (Español)") != std::string::npos);
}

TEST_CASE("every shipped locale has every English key, the same placeholders and the same sources") {
  const auto dir = lesson_test::content("locales");
  auto en = load_locale(dir / "en.toml");
  REQUIRE_MESSAGE(en.has_value(), en.error().describe());
  for (const auto& l : available_languages(dir)) {
    if (l.id == "en") continue;
    auto other = load_locale(dir / (l.id + ".toml"));
    REQUIRE_MESSAGE(other.has_value(), other.error().describe());
    const LocaleProblems p = check_against(*en, *other);
    CHECK_MESSAGE(p.missing.empty(), l.id, " lacks ", p.missing.size(), " keys, first ", p.missing.empty() ? "" : p.missing.front());
    CHECK_MESSAGE(p.placeholder_mismatch.empty(), l.id, ": ", p.placeholder_mismatch.empty() ? "" : p.placeholder_mismatch.front());
    CHECK_MESSAGE(p.extra.empty(), l.id, " has keys English lacks: ", p.extra.empty() ? "" : p.extra.front());
    // A physiological claim keeps its citation word for word in every language.
    for (const auto& [key, entry] : en->entries())
      if (const Locale::Entry* t = other->own(key)) CHECK_MESSAGE(t->source == entry.source, l.id, " ", key);
    // Translated, not copied: the disclaimer differs from the English one.
    CHECK(other->text("kiosk.disclaimer") != en->text("kiosk.disclaimer"));
  }
}

TEST_CASE("placeholders are found, sorted, and mismatches and gaps are reported") {
  CHECK(placeholders("{step} of {count}") == std::vector<std::string>{"{count}", "{step}"});
  CHECK(placeholders("skin opacity %.2f") == std::vector<std::string>{"%.2f"});
  CHECK(placeholders("about 65 % of its blood").empty());  // a percent sign in prose is no format
  auto en = load_locale_string("[locale]\nid = \"en\"\nname = \"English\"\n[a]\nn = \"{step} of {count}\"\nm = \"More\"\n",
                               "en.toml");
  auto xx = load_locale_string("[locale]\nid = \"de\"\nname = \"Deutsch\"\n[a]\nn = \"{step} von {cuont}\"\nz = \"Zzz\"\n",
                               "de.toml");
  REQUIRE(en.has_value());
  REQUIRE(xx.has_value());
  const LocaleProblems p = check_against(*en, *xx);
  CHECK(p.missing == std::vector<std::string>{"a.m"});
  CHECK(p.placeholder_mismatch == std::vector<std::string>{"a.n"});
  CHECK(p.extra == std::vector<std::string>{"a.z"});
}

TEST_CASE("the lessons load in Spanish and the kiosk shows its captions in the language asked for") {
  const auto dir = lesson_test::content("locales");
  auto es = load_locale_with_fallback(dir, "es");
  REQUIRE_MESSAGE(es.has_value(), es.error().describe());
  for (const char* lesson : {"lessons/circulation.toml", "lessons/full-leg-routine.toml", "lessons/self-test.toml"}) {
    auto l = load_lesson(lesson_test::content(lesson), lesson_test::technique_ids(), &*es);
    CHECK_MESSAGE(l.has_value(), lesson, ": ", l ? "" : l.error().describe());
  }
  CHECK(es->text_with_source("kiosk.valves").find("(Labropoulos 2003)") != std::string::npos);
  auto kiosk = load_kiosk_content(lesson_test::content("playlists/waiting-room.toml"), dir, lesson_test::technique_ids(),
                                  std::string("fr"));
  REQUIRE_MESSAGE(kiosk.has_value(), kiosk.error().describe());
  CHECK(kiosk->locale.id() == "fr");
  CHECK(kiosk->locale.text("kiosk.corner").find("avis médical") != std::string::npos);
  auto unknown = load_kiosk_content(lesson_test::content("playlists/waiting-room.toml"), dir, lesson_test::technique_ids(),
                                    std::string("xx"));
  CHECK_FALSE(unknown.has_value());
}

TEST_CASE("lesson feedback never reads its verdict twice, in any language") {
  // The lesson panel puts "Right." in front of feedback that has no verdict of its own; a
  // translation's verdicts must be listed, or it would read "Correcto. Correcto: ...".
  const auto dir = lesson_test::content("locales");
  for (const auto& l : available_languages(dir)) {
    auto locale = load_locale(dir / (l.id + ".toml"));
    REQUIRE(locale.has_value());
    const std::string openings = locale->text("ui.lesson.verdict-openings");
    int checked = 0;
    for (const auto& [key, entry] : locale->entries()) {
      const bool feedback = key.ends_with(".right") || key.ends_with(".wrong");
      if (!feedback || key.starts_with("ui.")) continue;
      bool opens = false;
      for (std::size_t at = 0; at <= openings.size() && !opens;) {
        const std::size_t bar = std::min(openings.find('|', at), openings.size());
        opens = bar > at && entry.text.rfind(openings.substr(at, bar - at), 0) == 0;
        at = bar + 1;
      }
      // Without a listed opening the panel adds its verdict: then the text must not already
      // start with that verdict's words.
      auto stem = [&](const char* k) {
        std::string v = locale->text(k);
        if (!v.empty() && v.back() == '.') v.pop_back();
        return v;
      };
      const bool doubled = !opens && (entry.text.rfind(stem("ui.lesson.verdict-right"), 0) == 0 ||
                                      entry.text.rfind(stem("ui.lesson.verdict-wrong"), 0) == 0);
      CHECK_MESSAGE(!doubled, l.id, " ", key, ": ", entry.text);
      if (l.id != "en") CHECK_MESSAGE(opens, l.id, " ", key, ": ", entry.text);  // all translations open with one
      ++checked;
    }
    CHECK(checked >= 40);
  }
}
