#include "ui/structure_card.hpp"

#include <algorithm>
#include <string_view>

#include "ui/area_notes.hpp"
#include "ui/main_ui.hpp"
#include "ui/structure_names.hpp"
#include "ui/tr.hpp"

namespace effleura::ui {
namespace {

// The card's texts are content: [card.<mesh name>] what / massage in content/locales (our own
// words; a sentence that states how the body works names its source in
// shared/docs/physiology.md), else the texts for its kind, [card.kind.<kind>].
std::string card_text(const anatomy::Mesh& mesh, const std::string& kind, const char* field) {
  if (const char* t = tr_find("card." + mesh.name + "." + field)) return t;
  if (const char* t = tr_find("card.kind." + kind_key(kind) + "." + field)) return t;
  // A kind with no text of its own: the plain "part" line for `what`, nothing for `massage`.
  if (std::string_view(field) == "what") return tr("card.kind.part.what");
  return {};
}

std::string mesh_id(const std::string& name) {
  const auto dot = name.find('.');
  return dot == std::string::npos ? name : name.substr(dot + 1);
}

}  // namespace

StructureCard structure_card(const anatomy::Mesh& mesh, const std::string& kind, const anatomy::AreaContent* areas,
                             const std::vector<TechniqueRef>& techniques) {
  StructureCard c;
  c.title = structure_title(mesh);
  c.kind = kind_title(kind);
  c.what = card_text(mesh, kind, "what");
  c.massage = card_text(mesh, kind, "massage");
  // Only a structure's own card has these (a kind has no origin).
  for (auto [field, out] : {std::pair{"origin", &c.origin}, std::pair{"insertion", &c.insertion},
                            std::pair{"action", &c.action}, std::pair{"nerve", &c.nerve}})
    if (const char* t = tr_find("card." + mesh.name + "." + field)) *out = t;
  if (!areas || mesh.layer == anatomy::Layer::skin || mesh.positions.empty()) return c;
  // The areas it lies in: those whose content lists it, else where its middle lies.
  std::vector<std::size_t> in;
  const std::string id = mesh_id(mesh.name);
  for (std::size_t a = 0; a < anatomy::kAreaCount; ++a) {
    const auto& listed = areas->areas[a].muscles;
    if (std::find(listed.begin(), listed.end(), id) != listed.end()) in.push_back(a);
  }
  if (in.empty()) {
    glm::vec3 mid(0.0f);
    for (const auto& p : mesh.positions) mid += p;
    mid /= static_cast<float>(mesh.positions.size());
    for (std::size_t a = 0; a < anatomy::kAreaCount; ++a)
      if (areas->weight(a, mid, areas->reference_stature) > 0.35f) in.push_back(a);
  }
  for (std::size_t a : in) {
    const anatomy::AreaInfo& info = areas->areas[a];
    c.areas.push_back(area_label(a));
    for (const auto& caution : area_cautions(info))
      if (std::find(c.cautions.begin(), c.cautions.end(), caution) == c.cautions.end()) c.cautions.push_back(caution);
    for (const auto& t : techniques)
      if (std::find(t.areas.begin(), t.areas.end(), info.id) != t.areas.end() &&
          std::find(c.techniques.begin(), c.techniques.end(), t.name) == c.techniques.end())
        c.techniques.push_back(t.name);
  }
  return c;
}

}  // namespace effleura::ui
