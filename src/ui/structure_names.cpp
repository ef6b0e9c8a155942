#include "ui/structure_names.hpp"

#include "anatomy/picking.hpp"
#include "ui/tr.hpp"

namespace effleura::ui {

std::string english_structure_title(const anatomy::Mesh& mesh) {
  return mesh.layer == anatomy::Layer::skin ? std::string("Skin") : anatomy::mesh_title(mesh);
}

std::string structure_title(const anatomy::Mesh& mesh) {
  if (const char* t = tr_find("structure." + mesh.name)) return t;
  return english_structure_title(mesh);
}

std::string kind_key(std::string_view kind) {
  std::string key(kind);
  for (char& c : key)
    if (c == ' ') c = '-';
  return key;
}

std::string kind_title(std::string_view kind) {
  if (const char* t = tr_find("structure-kind." + kind_key(kind))) return t;
  return std::string(kind);
}

std::string landmark_title(const std::string& english) {
  const lesson::Locale* locale = interface_locale();
  if (!locale) return english;
  const lesson::Locale* en = locale->fallback() ? locale->fallback() : locale;
  constexpr std::string_view kPrefix = "landmark.";
  for (auto it = en->entries().lower_bound(kPrefix); it != en->entries().end() && it->first.starts_with(kPrefix); ++it)
    if (it->second.text == english) return tr(it->first);
  return english;
}

}  // namespace effleura::ui
