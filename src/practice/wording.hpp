#pragma once
// The words of a stroke's grades in the interface's language. The grading is written in English
// (its sentences below are en.toml's [practice.grade], kept equal by a test), and works without
// any locale: the tests and `--practice --report` read it so. The interface, which has the
// locales, hands in a Wording once a language is chosen (ui::use_practice_wording); each part
// left empty keeps the English. No GL, no locale files here.
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "anatomy/area_content.hpp"
#include "practice/rules.hpp"
#include "technique/technique.hpp"

namespace effleura::practice {

struct Wording {
  // The chosen language's own sentence for a [practice.grade] key, or nullptr (then English).
  std::function<const char*(std::string_view key)> phrase;
  // Names in that language: an area's title, its first caution, a technique, a pressure word,
  // a landmark spot (by the model's English name) and a vein (by its id).
  std::function<std::string(const anatomy::AreaInfo&)> area;
  std::function<std::string(const anatomy::AreaInfo&)> area_caution;
  std::function<std::string(const technique::Technique&)> technique;
  std::function<std::string(std::string_view pressure)> pressure;
  std::function<std::string(const Spot&)> spot;
};
// Replaces the wording (an empty Wording: English).
void set_wording(Wording wording);
[[nodiscard]] bool wording_is_english();

struct EnglishPhrase {
  std::string_view key, text;
};
// Every sentence the grading says, in English, by its practice.grade key.
[[nodiscard]] std::span<const EnglishPhrase> english_phrases();

using Values = std::vector<std::pair<std::string_view, std::string>>;
// The sentence for practice.grade.<key>: the language's own or the English, {name}s filled in
// (an unknown key gives an empty text, which the test over english_phrases() rules out).
[[nodiscard]] std::string phrase(std::string_view key, const Values& values = {});
// A criterion's name ("safety", "direction", ...), practice.criterion.<name> in the language.
[[nodiscard]] std::string criterion_name(std::size_t criterion);

// Names for the sentences: English as the grading always wrote them, else the Wording's.
[[nodiscard]] std::string area_name(const anatomy::AreaInfo& area);             // "the shin" / "Espinilla"
[[nodiscard]] std::string area_here(const anatomy::AreaInfo& area);             // "over the shin", "behind the knee"
[[nodiscard]] std::string area_first_caution(const anatomy::AreaInfo& area);    // "" when it has none
[[nodiscard]] std::string technique_name(const technique::Technique& technique);
[[nodiscard]] std::string pressure_word(std::string_view pressure);
[[nodiscard]] std::string spot_name(const Spot& spot);                          // "patella (kneecap)"

}  // namespace effleura::practice
