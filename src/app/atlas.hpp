#pragma once
// The atlas tools' state and rules (issue 16): which structures of the leg are shown, hidden
// or faded, the one selected, labels for every visible structure, the clipping plane, and
// finding a structure or an area by name. No GL, no ImGui: the View panel's atlas section
// (ui/atlas_panel.hpp) draws it, State::frame_view and State::overlay read it.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <glm/vec4.hpp>

#include "anatomy/model.hpp"

namespace effleura::app {

enum class Visibility : std::uint8_t { shown, faded, hidden };

// A faded structure is drawn at this opacity: what lies behind it shows through, and its own
// outline stays readable.
inline constexpr float kFadedOpacity = 0.25f;

struct AtlasSettings {
  std::vector<Visibility> structures;  // per mesh of the leg model; missing entries are shown
  int selected = -1;                   // the mesh whose card is shown, or -1
  bool label_all = false;              // a label on every visible structure
  bool clip = false;                   // the clipping plane cuts the leg across
  float clip_at = 0.5f;                // where: 0 at the sole, 1 at the top of the leg
  bool clip_keep_below = true;         // keep the part below the cut (else the part above)
};

[[nodiscard]] Visibility visibility(const AtlasSettings& atlas, std::size_t mesh);
void set_visibility(AtlasSettings& atlas, std::size_t mesh_count, std::size_t mesh, Visibility v);
// Show only this structure: every other structure hidden, the skin too.
void isolate(AtlasSettings& atlas, const anatomy::Model& model, std::size_t mesh);
void show_all(AtlasSettings& atlas);
[[nodiscard]] bool any_changed(const AtlasSettings& atlas);

// A mesh a student can pick out: the skin, a muscle, tendon, bone, vein, artery or nerve
// (not the hands, not a foreign model's unnamed parts).
[[nodiscard]] bool is_structure(const anatomy::Mesh& mesh);
// "muscle", "bone", "deep vein", ... for a card's first line and for searching by kind.
[[nodiscard]] std::string structure_kind(const anatomy::Mesh& mesh);

// What a search for a name finds: a structure (a mesh) or one of the nine target areas.
struct Found {
  int mesh = -1;
  int area = -1;
  std::string title;  // as the student reads it
  std::string kind;   // "muscle", "area", ...
};
// Every structure and area whose name, kind or id holds each word of `query` (any case, any
// order), best first: names that start with the query, then names with a word starting with
// it, then the rest; shorter names first within each. Empty for an empty query.
[[nodiscard]] std::vector<Found> find_structures(const anatomy::Model& model, std::string_view query);

// The box around a mesh (its leg frame), for framing the camera on it.
[[nodiscard]] anatomy::Bounds mesh_bounds(const anatomy::Mesh& mesh);
// The clipping plane in the leg's frame (a, b, c, d), across the leg's long (vertical) axis at
// clip_at of its height; the kept side is where a x + b y + c z + d >= 0.
[[nodiscard]] glm::vec4 clip_plane(const AtlasSettings& atlas, const anatomy::Bounds& leg);

}  // namespace effleura::app
