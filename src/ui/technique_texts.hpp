#pragma once
// A technique's words in the interface's language. The English is the technique file's own
// (content/techniques/<id>.toml, one source); a locale gives another language's as
// [technique.<id>] name = "...", falling back to the file's text when it has none.
#include <string>
#include <string_view>

namespace effleura::ui {

// The technique's name ("Effleurage", "Masaje transversal"), else `file_name`.
[[nodiscard]] std::string technique_name(std::string_view id, const std::string& file_name);
// "toward-heart" -> "Toward the heart" ([direction] in the locales), else the id itself.
[[nodiscard]] std::string direction_words(std::string_view id);
// "light" -> "Light" ([pressure] in the locales), else the id itself.
[[nodiscard]] std::string pressure_words(std::string_view id);

}  // namespace effleura::ui
