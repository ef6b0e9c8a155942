#pragma once
// The leg's structures and their kinds by name in the interface's language: [structure] and
// [structure-kind] in content/locales/<id>.toml ("structure.muscle.soleus" = "Sóleo"), else
// the model's own English names (content/anatomy, the mesh labels). The card, the atlas search,
// the labels on the leg and the hover line all name structures through here.
#include <string>
#include <string_view>

#include "anatomy/model.hpp"

namespace effleura::ui {

// "Soleus" as the model names it ("Skin" for the skin): what a student may type in English.
[[nodiscard]] std::string english_structure_title(const anatomy::Mesh& mesh);
// The name in the chosen language ("Sóleo"), or the English one when the language lacks it.
[[nodiscard]] std::string structure_title(const anatomy::Mesh& mesh);
// "deep vein" -> "deep-vein": the kind as a locale key's last part.
[[nodiscard]] std::string kind_key(std::string_view kind);
// The kind ("muscle", "deep vein", as app::structure_kind gives it) in the chosen language.
[[nodiscard]] std::string kind_title(std::string_view kind);
// A palpable landmark, given by the English name the model carries ("Patella (kneecap)"), in
// the chosen language: [landmark] <id> in the locales, the English text naming the same one as
// content/anatomy/landmarks.toml does (a test checks). Unknown names come back unchanged.
[[nodiscard]] std::string landmark_title(const std::string& english);

}  // namespace effleura::ui
