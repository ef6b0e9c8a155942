#include "app/atlas.hpp"

#include <algorithm>
#include <cctype>
#include <sstream>

#include "anatomy/picking.hpp"
#include "ui/main_ui.hpp"
#include "ui/structure_names.hpp"
#include "ui/tr.hpp"

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

bool skin_hidden(const AtlasSettings& atlas, const anatomy::Model& model) {
  bool any = false;
  for (std::size_t i = 0; i < model.meshes.size(); ++i) {
    if (model.meshes[i].layer != anatomy::Layer::skin) continue;
    if (visibility(atlas, i) != Visibility::hidden) return false;
    any = true;
  }
  return any;
}

void show_skin(AtlasSettings& atlas, const anatomy::Model& model) {
  for (std::size_t i = 0; i < model.meshes.size(); ++i)
    if (model.meshes[i].layer == anatomy::Layer::skin) set_visibility(atlas, model.meshes.size(), i, Visibility::shown);
}

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

std::string search_fold(std::string_view s) {
  // U+00C0..U+00FF as their plain letters ('*' where a letter stands for two, '?' for none).
  static constexpr std::string_view kLatin1 = "aaaaaa*ceeeeiiiidnooooo?ouuuuy**aaaaaa*ceeeeiiiidnooooo?ouuuuy*y";
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      out += static_cast<char>(std::tolower(c));
      continue;
    }
    const auto next = i + 1 < s.size() ? static_cast<unsigned char>(s[i + 1]) : 0u;
    const unsigned cp = (c & 0x1Fu) << 6 | (next & 0x3Fu);
    if ((c & 0xE0u) == 0xC0u && (next & 0xC0u) == 0x80u && cp >= 0xC0u && cp <= 0xFFu) {
      const char f = kLatin1[cp - 0xC0u];
      if (f == '*') out += cp == 0xDFu ? "ss" : (cp == 0xC6u || cp == 0xE6u) ? "ae" : "th";
      else if (f != '?') out += f;
      else out.append(s.substr(i, 2));
      ++i;
    } else if ((c & 0xE0u) == 0xC0u && (cp == 0x152u || cp == 0x153u)) {
      out += "oe";
      ++i;
    } else {
      out += static_cast<char>(c);  // any other UTF-8 byte as it is
    }
  }
  return out;
}

namespace {

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
    std::istringstream in{search_fold(query)};
    for (std::string w; in >> w;) words.push_back(w);
  }
  if (words.empty()) return {};
  std::string q;
  for (const auto& w : words) q += (q.empty() ? "" : " ") + w;
  std::vector<std::pair<int, Found>> hits;
  for (std::size_t i = 0; i < model.meshes.size(); ++i) {
    const anatomy::Mesh& m = model.meshes[i];
    if (!is_structure(m)) continue;
    // Found by its name in the chosen language or in English ("sóleo", "soleo" or "soleus"),
    // its kind in either, or its id; ranked by the better of the two names.
    const std::string kind = structure_kind(m);
    Found f{static_cast<int>(i), -1, ui::structure_title(m), ui::kind_title(kind)};
    const std::string title = search_fold(f.title), english = search_fold(ui::english_structure_title(m));
    const std::string haystack = title + " | " + english + " | " + search_fold(f.kind) + " | " + kind + " | " +
                                 search_fold(anatomy::display_name(m.name));
    int r = rank(title, haystack, words, q);
    if (r != 0 && english != title) {
      const int r_en = rank(english, haystack, words, q);
      if (r_en >= 0 && (r < 0 || r_en < r)) r = r_en;
    }
    if (r >= 0) hits.emplace_back(r, std::move(f));
  }
  for (std::size_t a = 0; a < anatomy::kAreaCount; ++a) {
    Found f{-1, static_cast<int>(a), ui::area_label(a), ui::kind_title("area")};
    const std::string title = search_fold(f.title);
    const char* english = ui::tr_english("ui.area." + std::string(anatomy::kAreaIds[a]));
    const int r = rank(title, title + " | " + (english ? search_fold(english) : std::string()) + " | " +
                                  search_fold(f.kind) + " | area " + std::string(anatomy::kAreaIds[a]), words, q);
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

const char* cut_axis_name(CutAxis axis) {
  switch (axis) {
    case CutAxis::front_back: return "front-back";
    case CutAxis::sideways: return "sideways";
    case CutAxis::across: break;
  }
  return "across";
}

int cut_axis_index(CutAxis axis) {
  // The leg's frame (core/frame.hpp): +X lateral, +Y up, +Z anterior.
  switch (axis) {
    case CutAxis::front_back: return 2;
    case CutAxis::sideways: return 0;
    case CutAxis::across: break;
  }
  return 1;
}

glm::vec4 clip_plane(const AtlasSettings& atlas, const anatomy::Bounds& leg) {
  const int k = cut_axis_index(atlas.clip_axis);
  const float at = leg.min[k] + std::clamp(atlas.clip_at, 0.0f, 1.0f) * (leg.max[k] - leg.min[k]);
  // Keep the low side: coordinate <= at, i.e. -c + at >= 0; keep the high side: c - at >= 0.
  glm::vec4 plane(0.0f);
  plane[k] = atlas.clip_keep_below ? -1.0f : 1.0f;
  plane.w = atlas.clip_keep_below ? at : -at;
  return plane;
}

}  // namespace effleura::app
