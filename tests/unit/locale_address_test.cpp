// One form of address per language (tú, vous, Sie): the shipped texts never use the other
// one, and the check finds it where a translator slipped.
#include <doctest/doctest.h>

#include "lesson/address_check.hpp"
#include "lesson/locale_check.hpp"
#include "lesson_test_support.hpp"

using namespace effleura::lesson;

namespace {
Locale locale_of(const char* id, const char* texts) {
  auto l = load_locale_string(std::string("[locale]\nid = \"") + id + "\"\nname = \"x\"\n[ui]\n" + texts, std::string(id) + ".toml");
  REQUIRE_MESSAGE(l.has_value(), l.error().describe());
  return std::move(*l);
}
std::vector<std::string> slipped_keys(const Locale& l) {
  std::vector<std::string> out;
  for (const auto& s : other_address(l)) out.push_back(s.key);
  return out;
}
}  // namespace

TEST_CASE("the other form of address is found in Spanish, French and German texts") {
  // The two buttons that spoke as "tu"/"du" among "vous"/"Sie" texts before this check.
  CHECK(slipped_keys(locale_of("fr", "a = \"Essayez vous-même\"\nb = \"Montre-moi\"\nc = \"Montrez-moi\"\n")) ==
        std::vector<std::string>{"ui.b"});
  CHECK(slipped_keys(locale_of("de", "a = \"Probieren Sie selbst\"\nb = \"Zeig es mir\"\nc = \"Zeigen Sie es mir\"\n")) ==
        std::vector<std::string>{"ui.b"});
  CHECK(slipped_keys(locale_of("es", "a = \"Prueba tú\"\nb = \"Pulse aquí\"\nc = \"Si usted quiere\"\nd = \"que lo cambie\"\n")) ==
        std::vector<std::string>{"ui.b", "ui.c"});
  // French t' before a vowel, with either apostrophe; "a-t-il" is no pronoun.
  CHECK(slipped_keys(locale_of("fr", "a = \"Cela t’aide\"\nb = \"Cela t'aide\"\nc = \"Le sang a-t-il reflué ?\"\n")) ==
        std::vector<std::string>{"ui.a", "ui.b"});
  // German nouns are capitalised like a command at a sentence's start: "Beginn" is no "beginn!".
  CHECK(slipped_keys(locale_of("de", "a = \"Vor Beginn der Massage\"\nb = \"Beim ersten Versuch\"\n")).empty());
  const auto slips = other_address(locale_of("de", "a = \"Zieh dein Bein\"\n"));
  REQUIRE(slips.size() == 1);
  CHECK(slips[0].word == "Zieh");
  CHECK(slips[0].line > 0);
  CHECK(address_rule("en") == nullptr);
  REQUIRE(address_rule("fr") != nullptr);
  CHECK(address_rule("fr")->form == "vous");
}

TEST_CASE("every shipped language keeps to one form of address") {
  const auto dir = lesson_test::content("locales");
  int checked = 0;
  for (const auto& l : available_languages(dir)) {
    if (!address_rule(l.id)) continue;
    auto locale = load_locale(dir / (l.id + ".toml"));
    REQUIRE(locale.has_value());
    ++checked;
    for (const auto& s : other_address(*locale)) CHECK_MESSAGE(false, l.id, " ", s.key, " line ", s.line, ": ", s.word);
  }
  CHECK(checked == 3);
}
