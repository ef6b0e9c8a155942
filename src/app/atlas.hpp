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

// Which way the clipping plane lies: across the leg (a cross-section, as in a CT slice), or
// along it: front_back (a plane parallel to the front of the leg, parting front from back) or
// sideways (parting the inner from the outer side).
enum class CutAxis : std::uint8_t { across, front_back, sideways };
inline constexpr CutAxis kCutAxes[] = {CutAxis::across, CutAxis::front_back, CutAxis::sideways};
[[nodiscard]] const char* cut_axis_name(CutAxis axis);  // "across", "front-back", "sideways"

struct AtlasSettings {
  std::vector<Visibility> structures;  // per mesh of the leg model; missing entries are shown
  int selected = -1;                   // the mesh whose card is shown, or -1
  bool label_all = false;              // a label on every visible structure
  bool clip = false;                   // the clipping plane cuts the leg
  CutAxis clip_axis = CutAxis::across;
  // Where, 0..1 of the leg's extent along the plane's normal: across, from the sole to the top;
  // front_back, from the back to the front; sideways, from the inner to the outer side.
  float clip_at = 0.5f;
  // Keep the part on the low side of that (below; the back; the inner side), else the other.
  bool clip_keep_below = true;
};

[[nodiscard]] Visibility visibility(const AtlasSettings& atlas, std::size_t mesh);
void set_visibility(AtlasSettings& atlas, std::size_t mesh_count, std::size_t mesh, Visibility v);
// Show only this structure: every other structure hidden, the skin too.
void isolate(AtlasSettings& atlas, const anatomy::Model& model, std::size_t mesh);
void show_all(AtlasSettings& atlas);
// Whether the atlas hides the leg's skin ("Show only" another structure does): the View
// panel's Skin box reads unticked then, as the student sees it, not ticked over a hidden skin.
[[nodiscard]] bool skin_hidden(const AtlasSettings& atlas, const anatomy::Model& model);
// The skin shown again (the Skin box ticked while the atlas hid it); the rest stays as it is.
void show_skin(AtlasSettings& atlas, const anatomy::Model& model);
[[nodiscard]] bool any_changed(const AtlasSettings& atlas);

// A mesh a student can pick out: the skin, a muscle, tendon, bone, vein, artery or nerve
// (not the hands, not a foreign model's unnamed parts).
[[nodiscard]] bool is_structure(const anatomy::Mesh& mesh);
// "muscle", "bone", "deep vein", ... for a card's first line and for searching by kind.
[[nodiscard]] std::string structure_kind(const anatomy::Mesh& mesh);

// Lower case with the accents of Latin-1 and the ligatures taken off ("Sóleo" -> "soleo",
// "Waden" stays, "Œ" -> "oe", "ß" -> "ss"), so a student finds a name however it is typed.
[[nodiscard]] std::string search_fold(std::string_view text);

// What a search for a name finds: a structure (a mesh) or one of the nine target areas.
struct Found {
  int mesh = -1;
  int area = -1;
  std::string title;  // as the student reads it
  std::string kind;   // "muscle", "area", ...
};
// Every structure and area whose name (in the interface's language or in English), kind or id
// holds each word of `query` (any case, any
// order), best first: names that start with the query, then names with a word starting with
// it, then the rest; shorter names first within each. Empty for an empty query.
[[nodiscard]] std::vector<Found> find_structures(const anatomy::Model& model, std::string_view query);

// The box around a mesh (its leg frame), for framing the camera on it.
[[nodiscard]] anatomy::Bounds mesh_bounds(const anatomy::Mesh& mesh);
// The clipping plane in the leg's frame (a, b, c, d), square to the axis clip_axis names (Y
// across, Z front_back, X sideways) at clip_at of the leg's extent along it; the kept side is
// where a x + b y + c z + d >= 0.
// 0 (X), 1 (Y) or 2 (Z): the leg frame's axis the plane is square to.
[[nodiscard]] int cut_axis_index(CutAxis axis);
[[nodiscard]] glm::vec4 clip_plane(const AtlasSettings& atlas, const anatomy::Bounds& leg);

}  // namespace effleura::app
