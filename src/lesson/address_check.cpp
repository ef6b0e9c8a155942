#include "lesson/address_check.hpp"

#include <algorithm>

namespace effleura::lesson {
namespace {

// Spanish speaks as "tú": usted and its commands. Only commands that are not also a
// subjunctive these texts use ("que lo cambie", "que se mueva" are left out).
const AddressRule kSpanish{"tú",
                           {"usted", "ustedes", "pulse", "elija", "pruebe", "arrastre", "presione", "gire", "fíjese",
                            "mire", "haga", "acerque", "seleccione", "pregunte", "acuerde", "masajee", "amase", "trabaje",
                            "evite", "recuerde", "empiece", "mantenga", "coloque", "señale", "busque", "compruebe"},
                           false};
// French speaks as "vous": the "tu" pronouns and possessives, and t' before a vowel.
const AddressRule kFrench{"vous", {"tu", "toi", "te", "t", "ton", "ta", "tes"}, true};
// German speaks as "Sie": du and its forms, and the du commands of a program's buttons (not
// those that are also nouns, capitalised like a command: Beginn, Versuch, Halt, Dreh).
const AddressRule kGerman{"Sie",
                          {"du", "dich", "dir", "dein", "deine", "deinen", "deinem", "deiner", "deines", "zeig", "klick",
                           "schau", "probier", "zieh", "wähl", "drück", "sieh", "nimm", "frag", "sag", "mach", "hör",
                           "bleib", "lass"},
                          false};

// Lower-case ASCII letters; other bytes (UTF-8 letters such as "ú") are kept as they are, so
// a word list in lower case matches a capitalised word when its first letter is ASCII.
std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

// Words of a text: runs of letters (any UTF-8 byte counts as a letter) and hyphens; the
// apostrophes ' and ’ end a word, so "t’aide" gives "t" and "aide".
std::vector<std::string_view> words(std::string_view text) {
  std::vector<std::string_view> out;
  auto letter = [](unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' || c >= 0x80; };
  std::size_t i = 0;
  while (i < text.size()) {
    if (text.compare(i, 3, "\xE2\x80\x99") == 0 || !letter(static_cast<unsigned char>(text[i]))) {
      i += text.compare(i, 3, "\xE2\x80\x99") == 0 ? 3 : 1;
      continue;
    }
    std::size_t end = i;
    while (end < text.size() && letter(static_cast<unsigned char>(text[end])) && text.compare(end, 3, "\xE2\x80\x99") != 0) ++end;
    out.push_back(text.substr(i, end - i));
    i = end;
  }
  return out;
}

bool other_form(const AddressRule& rule, std::string_view word) {
  const std::string w = lower(word);
  // A hyphenated word counts by its parts too ("dis-le" has no pronoun, "-toi" has).
  if (std::find(rule.other_words.begin(), rule.other_words.end(), w) != rule.other_words.end()) return true;
  if (rule.tu_imperative_with_pronoun) {
    for (std::string_view pronoun : {"-moi", "-toi"}) {
      if (w.size() > pronoun.size() && w.ends_with(pronoun)) {
        const std::string_view verb = std::string_view(w).substr(0, w.size() - pronoun.size());
        if (!verb.ends_with("z") && !verb.ends_with("-")) return true;
      }
    }
  }
  return false;
}

}  // namespace

const AddressRule* address_rule(std::string_view language) {
  if (language == "es") return &kSpanish;
  if (language == "fr") return &kFrench;
  if (language == "de") return &kGerman;
  return nullptr;
}

std::vector<AddressSlip> other_address(const Locale& locale) {
  std::vector<AddressSlip> out;
  const AddressRule* rule = address_rule(locale.id());
  if (!rule) return out;
  for (const auto& [key, entry] : locale.entries())
    for (std::string_view w : words(entry.text))
      if (other_form(*rule, w)) {
        out.push_back({key, std::string(w), entry.line});
        break;  // one slip per text is enough to find it
      }
  return out;
}

}  // namespace effleura::lesson
