#include "app/atlas.hpp"

#include <algorithm>
#include <cctype>
#include <sstream>

#include "anatomy/picking.hpp"
#include "ui/main_ui.hpp"

namespace effleura::app {

Visibility visibility(const AtlasSettings& atlas, std::size_t mesh) {
  return mesh < atlas.structures.size() ? atlas.structures[mesh] : Visibility::shown;
}

void set_visibility(AtlasSettings& atlas, std::size_t mesh_count, std::size_t mesh, Visibility v) {
  if (mesh >= mesh_count) return;
  if (atlas.structures.size() < mesh_count) atlas.structures.resize(mesh_count, Visibility::shown);
  atlas.structures[mesh] = v;
}

void isolate(AtlasSettings& atlas, const anatomy::Model& model, std::size_t mesh) {
  if (mesh >= model.meshes.size()) return;
  atlas.structures.assign(model.meshes.size(), Visibility::shown);
  for (std::size_t i = 0; i < model.meshes.size(); ++i)
    if (i != mesh && is_structure(model.meshes[i])) atlas.structures[i] = Visibility::hidden;
}

void show_all(AtlasSettings& atlas) { atlas.structures.clear(); }

bool any_changed(const AtlasSettings& atlas) {
  return std::any_of(atlas.structures.begin(), atlas.structures.end(), [](Visibility v) { return v != Visibility::shown; });
}

bool is_structure(const anatomy::Mesh& mesh) {
  return mesh.layer != anatomy::Layer::hand && mesh.layer != anatomy::Layer::other;
}

std::string structure_kind(const anatomy::Mesh& mesh) {
  auto starts = [&](const char* p) { return mesh.name.rfind(p, 0) == 0; };
  switch (mesh.layer) {
    case anatomy::Layer::skin: return "skin";
    case anatomy::Layer::muscle:
      if (starts("tendon.")) return "tendon";
      if (starts("band.")) return "band of connective tissue";
      return "muscle";
    case anatomy::Layer::bone: return "bone";
    case anatomy::Layer::vein: {
      // The surface (superficial) veins and the perforators that join them to the deep ones.
      const std::string_view id = std::string_view(mesh.name).substr(5);
      if (id.starts_with("great-saphenous") || id.starts_with("small-saphenous")) return "superficial vein";
      if (id.starts_with("perforator")) return "perforating vein";
      return "deep vein";
    }
    case anatomy::Layer::artery: return "artery";
    case anatomy::Layer::nerve: return "nerve";
    default: return "part";
  }
}

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// 0: the name starts with the query; 1: a word of the name starts with its first word;
// 2: every word is somewhere in the name, kind or id; -1: not found.
int rank(const std::string& title, const std::string& haystack, const std::vector<std::string>& words,
         const std::string& query) {
  for (const auto& w : words)
    if (haystack.find(w) == std::string::npos) return -1;
  if (title.starts_with(query)) return 0;
  const std::string spaced = " " + title;
  for (const char* sep : {" ", "(", "-"})
    if (spaced.find(std::string(sep) + words.front()) != std::string::npos) return 1;
  return 2;
}

}  // namespace

std::vector<Found> find_structures(const anatomy::Model& model, std::string_view query) {
  std::vector<std::string> words;
  {
    std::istringstream in{lower(query)};
    for (std::string w; in >> w;) words.push_back(w);
  }
  if (words.empty()) return {};
  std::string q;
  for (const auto& w : words) q += (q.empty() ? "" : " ") + w;
  std::vector<std::pair<int, Found>> hits;
  for (std::size_t i = 0; i < model.meshes.size(); ++i) {
    const anatomy::Mesh& m = model.meshes[i];
    if (!is_structure(m)) continue;
    Found f{static_cast<int>(i), -1, anatomy::mesh_title(m), structure_kind(m)};
    if (m.layer == anatomy::Layer::skin) f.title = "Skin";
    const std::string title = lower(f.title);
    const int r = rank(title, title + " " + lower(f.kind) + " " + lower(anatomy::display_name(m.name)), words, q);
    if (r >= 0) hits.emplace_back(r, std::move(f));
  }
  for (std::size_t a = 0; a < anatomy::kAreaCount; ++a) {
    Found f{-1, static_cast<int>(a), ui::area_label(a), "area"};
    const std::string title = lower(f.title);
    const int r = rank(title, title + " area " + std::string(anatomy::kAreaIds[a]), words, q);
    if (r >= 0) hits.emplace_back(r, std::move(f));
  }
  std::stable_sort(hits.begin(), hits.end(), [](const auto& a, const auto& b) {
    if (a.first != b.first) return a.first < b.first;
    return a.second.title.size() < b.second.title.size();
  });
  std::vector<Found> out;
  out.reserve(hits.size());
  for (auto& h : hits) out.push_back(std::move(h.second));
  return out;
}

anatomy::Bounds mesh_bounds(const anatomy::Mesh& mesh) {
  if (mesh.positions.empty()) return {};
  anatomy::Bounds b{mesh.positions.front(), mesh.positions.front()};
  for (const auto& p : mesh.positions) {
    b.min = glm::min(b.min, p);
    b.max = glm::max(b.max, p);
  }
  return b;
}

glm::vec4 clip_plane(const AtlasSettings& atlas, const anatomy::Bounds& leg) {
  const float y = leg.min.y + std::clamp(atlas.clip_at, 0.0f, 1.0f) * (leg.max.y - leg.min.y);
  // Keep below: y <= cut, i.e. -y + cut >= 0; keep above: y - cut >= 0.
  return atlas.clip_keep_below ? glm::vec4(0.0f, -1.0f, 0.0f, y) : glm::vec4(0.0f, 1.0f, 0.0f, -y);
}

}  // namespace effleura::app
