#include "ui/area_notes.hpp"

#include "ui/tr.hpp"

namespace effleura::ui {
namespace {

// The chosen language's own text (never English: English is areas.toml), or nullptr.
const char* own(const std::string& key) {
  const lesson::Locale* l = interface_locale();
  if (!l || l->id() == lesson::kFallbackLocale) return nullptr;
  const lesson::Locale::Entry* e = l->own(key);
  return e ? e->text.c_str() : nullptr;
}

}  // namespace

std::string area_title(const anatomy::AreaInfo& area) {
  const char* t = own("area." + area.id);
  return t ? t : area.name;
}

std::string area_description(const anatomy::AreaInfo& area) {
  const char* t = own("area-notes." + area.id + ".description");
  return t ? t : area.description;
}

std::vector<std::string> area_cautions(const anatomy::AreaInfo& area) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < area.cautions.size(); ++i) {
    const char* t = own("area-notes." + area.id + ".caution-" + std::to_string(i + 1));
    out.push_back(t ? t : area.cautions[i]);
  }
  return out;
}

}  // namespace effleura::ui
