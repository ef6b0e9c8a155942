#pragma once
// The small closed vocabularies that lessons and playlists use, kept here so this layer needs
// neither the renderer (view presets, layer switches) nor the technique library (ids come from
// the caller, see playlist.hpp).
#include <array>
#include <string>
#include <string_view>
#include <vector>

namespace effleura::lesson {

// Same names as render::ViewPreset (parse_view) so the app maps them one to one.
inline constexpr std::array<std::string_view, 5> kViewIds{"front", "back", "lateral", "medial", "top"};
// Same switches as render::LayerVisibility.
inline constexpr std::array<std::string_view, 4> kLayerIds{"skin", "muscles", "bones", "veins"};
// Answers of "direction" questions (subject.md principles; "across-fibres" is cross-fibre work).
inline constexpr std::array<std::string_view, 4> kDirections{"toward-heart", "away-from-heart",
                                                             "circular", "across-fibres"};
inline constexpr std::array<std::string_view, 3> kPressures{"light", "medium", "firm"};

struct Layers {
  bool skin = true;
  bool muscles = true;
  bool bones = true;
  bool veins = true;
  friend bool operator==(const Layers&, const Layers&) = default;
};

template <std::size_t N>
std::vector<std::string> to_strings(const std::array<std::string_view, N>& ids) {
  return {ids.begin(), ids.end()};
}

// "a, b, c" for error messages.
std::string join(const std::vector<std::string>& items);

}  // namespace effleura::lesson
