// The technique notes and the practice grading's words in the interface's language: Spanish from
// the locale once chosen, English from the technique files and the grading's own table, and
// --check-locales' check that every language has every note (and none for steps a file lacks).
#include <doctest/doctest.h>

#include "technique_test_support.hpp"

#include <algorithm>
#include <filesystem>
#include <string>

#include "anatomy/area_content.hpp"
#include "anatomy/areas.hpp"
#include "anatomy/leg_surface.hpp"
#include "app/language.hpp"
#include "practice/grading.hpp"
#include "practice/wording.hpp"
#include "technique/timeline.hpp"
#include "ui/technique_notes.hpp"
#include "ui/tr.hpp"

using namespace effleura;

namespace {

std::filesystem::path locales() { return test::content_dir() / "locales"; }

bool has(const std::string& text, const char* part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("a technique's notes read in Spanish once chosen, and in the file's English otherwise") {
  const technique::Technique* t = test::real_library().find("compression");
  REQUIRE(t != nullptr);
  REQUIRE(t->steps.size() >= 3);
  REQUIRE(t->cautions.size() >= 2);
  REQUIRE(app::use_interface_language(locales(), "es").has_value());
  CHECK(has(ui::technique_summary(*t), "Las dos manos"));
  CHECK(has(ui::technique_evidence(*t), "Kamm 1986"));  // the source named word for word
  const auto cautions = ui::technique_cautions(*t);
  REQUIRE(cautions.size() == t->cautions.size());
  CHECK(has(cautions[1], "trombosis"));
  CHECK(has(ui::step_caption(*t, 0, t->steps[0].caption), "Presionar"));
  CHECK(has(ui::step_attend(*t, 2, t->steps[2].attend), "pantorrilla"));
  // A step the file does not have keeps the text it was given.
  CHECK(ui::step_caption(*t, t->steps.size(), "as given") == "as given");

  REQUIRE(app::use_interface_language(locales(), "en").has_value());
  CHECK(ui::technique_summary(*t) == t->summary);
  CHECK(ui::step_caption(*t, 0, t->steps[0].caption) == t->steps[0].caption);

  // Every shipped language has every technique's notes, and none for steps or cautions a file lacks.
  for (const auto& l : lesson::available_languages(locales())) {
    if (l.id == "en") continue;
    CAPTURE(l.id);
    auto locale = lesson::load_locale(locales() / (l.id + ".toml"));
    REQUIRE(locale.has_value());
    const lesson::LocaleProblems p = app::check_technique_notes(*locale, test::real_library());
    CHECK_MESSAGE(p.missing.empty(), (p.missing.empty() ? std::string() : p.missing.front()));
    CHECK_MESSAGE(p.extra.empty(), (p.extra.empty() ? std::string() : p.extra.front()));
  }
  // A gap and a step the file does not have are listed.
  auto partial = lesson::load_locale_string(
      "[locale]\nid = \"de\"\nname = \"Deutsch\"\n[technique-notes.vibration]\nsummary = \"x\"\nstep-9-caption = \"y\"\n",
      "de.toml");
  REQUIRE(partial.has_value());
  const lesson::LocaleProblems p = app::check_technique_notes(*partial, test::real_library());
  CHECK(std::find(p.missing.begin(), p.missing.end(), "technique-notes.vibration.evidence") != p.missing.end());
  CHECK(std::find(p.missing.begin(), p.missing.end(), "technique-notes.vibration.summary") == p.missing.end());
  CHECK(p.extra == std::vector<std::string>{"technique-notes.vibration.step-9-caption"});
  ui::set_interface_locale(nullptr);
}

TEST_CASE("the practice grading says in English what en.toml says, and speaks Spanish once chosen") {
  // The grading's English table and en.toml's [practice.grade] are the same sentences.
  auto en = lesson::load_locale(locales() / "en.toml");
  REQUIRE(en.has_value());
  std::size_t in_english = 0;
  for (const auto& [key, entry] : en->entries()) in_english += key.starts_with("practice.grade.") ? 1 : 0;
  CHECK(in_english == practice::english_phrases().size());
  for (const practice::EnglishPhrase& e : practice::english_phrases()) {
    CAPTURE(e.key);
    const lesson::Locale::Entry* entry = en->own("practice.grade." + std::string(e.key));
    REQUIRE(entry != nullptr);
    CHECK(entry->text == e.text);
  }
  for (std::size_t i = 0; i < practice::kCriterionCount; ++i)
    CHECK(en->text("practice.criterion." + std::string(practice::kCriterionNames[i])) == practice::kCriterionNames[i]);

  // The demonstration's own effleurage stroke, and the same stroke run backwards (down the leg).
  const technique::Technique* t = test::real_library().find("effleurage");
  REQUIRE(t != nullptr);
  const anatomy::AnalyticLegSurface leg;
  const technique::Timeline timeline(*t, test::real_poses(), leg);
  auto rules = practice::load_rules(t->file);
  REQUIRE(rules.has_value());
  const practice::Reference ref = practice::measure_reference(*t, timeline, *rules);
  auto areas = anatomy::load_area_content(test::content_dir() / "areas.toml");
  REQUIRE(areas.has_value());
  practice::Stroke down = ref.demo;
  std::reverse(down.samples.begin(), down.samples.end());
  for (std::size_t i = 0; i < down.samples.size(); ++i) down.samples[i].t = ref.demo.samples[i].t;

  const auto english_down = practice::grade(down, *t, ref, *areas);
  CHECK(has(english_down[practice::Criterion::direction].coaching, "This stroke ran down the leg"));

  REQUIRE(app::use_interface_language(locales(), "es").has_value());
  const auto good = practice::grade(ref.demo, *t, ref, *areas, ref.cycle_s);
  INFO(good.summary);
  CHECK(good.summary == "Muy bien: seguridad, dirección, zona, presión, velocidad, ritmo, todo correcto.");
  const auto bad = practice::grade(down, *t, ref, *areas);
  INFO(bad.summary);
  CHECK_FALSE(bad[practice::Criterion::direction].pass);
  CHECK(has(bad[practice::Criterion::direction].coaching, "Esta pasada bajó por la pierna"));
  CHECK(has(bad.summary, "Cambia: "));
  CHECK_FALSE(has(bad.summary, "Change"));
  // The names a sentence is built from: an area where it lies, a marked vein, a criterion.
  const anatomy::AreaInfo& shin = areas->areas[*anatomy::area_index("shin")];
  CHECK(practice::area_here(shin) == "en la zona «Espinilla»");
  CHECK(practice::spot_name({"a marked varicose vein (Great saphenous vein)", {}, true, "great-saphenous"}) ==
        "una variz marcada (Vena safena mayor)");
  CHECK(practice::criterion_name(0) == "seguridad");

  // Back to English: the grading's own words again.
  ui::set_interface_locale(nullptr);
  CHECK(practice::criterion_name(0) == "safety");
  CHECK(practice::area_here(shin) == "over the shin");
  CHECK(has(practice::grade(down, *t, ref, *areas).summary, "Change: "));
}
