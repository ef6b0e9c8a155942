#include "ui/area_notes.hpp"

#include "ui/tr.hpp"

namespace effleura::ui {

// Each text is the chosen language's own (tr_own), or areas.toml's English.

std::string area_title(const anatomy::AreaInfo& area) {
  const char* t = tr_own("area." + area.id);
  return t ? t : area.name;
}

std::string area_description(const anatomy::AreaInfo& area) {
  const char* t = tr_own("area-notes." + area.id + ".description");
  return t ? t : area.description;
}

std::vector<std::string> area_cautions(const anatomy::AreaInfo& area) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < area.cautions.size(); ++i) {
    const char* t = tr_own("area-notes." + area.id + ".caution-" + std::to_string(i + 1));
    out.push_back(t ? t : area.cautions[i]);
  }
  return out;
}

}  // namespace effleura::ui
