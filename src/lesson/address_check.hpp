#pragma once
// One form of address per language: the texts speak to the student as "tú" in Spanish, "vous"
// in French and "Sie" in German throughout (most texts already did; a few buttons used the
// other form). Each language lists words that only the other form uses, and the check finds
// a text containing one. A heuristic over whole words: it catches the slips a translator
// makes ("Montre-moi" among "Essayez"), not every possible sentence.
#include <string>
#include <string_view>
#include <vector>

#include "lesson/locale.hpp"

namespace effleura::lesson {

struct AddressRule {
  std::string_view form;                     // the address the language's texts use ("vous")
  std::vector<std::string_view> other_words;  // lower-case words only the other form uses
  // French: an imperative joined to moi/toi ("Montre-moi") is the "tu" form unless it ends
  // in -ez ("Montrez-moi").
  bool tu_imperative_with_pronoun = false;
};

// The rule for a language id; nullptr for a language without one (English has one "you").
[[nodiscard]] const AddressRule* address_rule(std::string_view language);

struct AddressSlip {
  std::string key;
  std::string word;  // as written in the text
  int line = 0;
};
// The locale's own texts (not its fallback's) that use the other form of address, in key order.
[[nodiscard]] std::vector<AddressSlip> other_address(const Locale& locale);

}  // namespace effleura::lesson
