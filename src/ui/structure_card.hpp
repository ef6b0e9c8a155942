#pragma once
// The information card for one structure of the leg (issue 16, atlas tools): its name, what it
// is and why it matters for massage, the target areas it lies under with their pressure and
// cautions (content/areas.toml), and the techniques that work on those areas. No GL, no ImGui:
// the View panel's atlas section draws it, tests read it.
#include <string>
#include <vector>

#include "anatomy/area_content.hpp"
#include "anatomy/model.hpp"

namespace effleura::ui {

struct TechniqueRef {
  std::string name;
  std::vector<std::string> areas;  // area ids
};

struct StructureCard {
  std::string title;    // "Soleus"
  std::string kind;     // "muscle"
  std::string what;     // what it is, in a sentence or two
  std::string massage;  // why it matters for massage (sources named for physiological claims)
  // A muscle's anatomy, each empty when its card has none: where it starts and ends, what it
  // does, and the nerve that works it.
  std::string origin, insertion, action, nerve;
  std::vector<std::string> areas;       // the target areas it lies in, by name
  std::vector<std::string> techniques;  // techniques that work on those areas
  std::vector<std::string> cautions;    // the areas' cautions (content/areas.toml)
};

// `kind` as app::structure_kind gives it; `areas` may be null (no content loaded).
[[nodiscard]] StructureCard structure_card(const anatomy::Mesh& mesh, const std::string& kind,
                                           const anatomy::AreaContent* areas, const std::vector<TechniqueRef>& techniques);

}  // namespace effleura::ui
