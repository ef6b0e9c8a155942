#pragma once
// Fields that playlists and lessons share (technique, areas, layers, camera, text keys), read
// with the same checks and the same error wording.
#include <string>
#include <vector>

#include "core/toml_reader.hpp"
#include "lesson/camera_path.hpp"
#include "lesson/locale.hpp"
#include "lesson/vocabulary.hpp"

namespace effleura::lesson::detail {

// `key` must be "none" (gives "") or one of `known`; missing gives "" when `optional`.
Expected<std::string> read_technique(const TomlTable& t, std::string_view key,
                                     const std::vector<std::string>& known, bool allow_none);
// A list of area ids (anatomy/areas.hpp); absent gives an empty list.
Expected<std::vector<std::string>> read_areas(const TomlTable& t, std::string_view key);
// A list of layer names; absent gives all layers on.
Expected<Layers> read_layers(const TomlTable& t, std::string_view key);
Expected<std::string> read_view(const TomlTable& t, std::string_view key);
// camera = ["back", "lateral"] or [{ view = "back" }, { yaw = 30, pitch = 10, at = 12 }].
Expected<CameraPath> read_camera_path(const TomlTable& t, std::string_view key, double duration_s);
// What a lesson step or a playlist scene puts on the stage: `technique` (see read_technique),
// `areas`, `layers` and `skin_opacity` (0 to 1, default 1).
struct Staging {
  std::string technique;
  std::vector<std::string> areas;
  Layers layers;
  float skin_opacity = 1.0f;
};
Expected<Staging> read_staging(const TomlTable& t, const std::vector<std::string>& technique_ids, bool allow_none);
// A locale key; when a locale is given the key must have a text there.
Expected<std::string> read_text_key(const TomlTable& t, std::string_view key, const Locale* locale);

}  // namespace effleura::lesson::detail
