#include "ui/practice_words.hpp"

#include "practice/wording.hpp"
#include "ui/area_notes.hpp"
#include "ui/structure_names.hpp"
#include "ui/technique_texts.hpp"
#include "ui/tr.hpp"

namespace effleura::ui {

void use_practice_wording() {
  const lesson::Locale* l = interface_locale();
  if (!l || l->id() == lesson::kFallbackLocale) {
    practice::set_wording({});
    return;
  }
  practice::Wording w;
  // Only the language's own sentence: a gap shows the grading's English, never a bracketed key.
  w.phrase = [](std::string_view key) { return tr_own(key); };
  w.area = [](const anatomy::AreaInfo& a) { return area_title(a); };
  w.area_caution = [](const anatomy::AreaInfo& a) {
    const auto cautions = area_cautions(a);
    return cautions.empty() ? std::string() : cautions.front();
  };
  w.technique = [](const technique::Technique& t) { return technique_name(t.id, t.name); };
  w.pressure = [](std::string_view p) { return pressure_words(p); };
  w.spot = [](const practice::Spot& s) {
    if (!s.vein) return landmark_title(s.id.empty() ? s.name : s.id);
    const char* vein = tr_find("structure.vein." + s.id);
    return practice::phrase("varicose-spot", {{"vein", vein ? vein : s.id}});
  };
  practice::set_wording(std::move(w));
}

}  // namespace effleura::ui
