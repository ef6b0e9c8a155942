#include "lesson/content_fields.hpp"

#include <algorithm>

#include "anatomy/areas.hpp"

namespace effleura::lesson::detail {

Expected<std::string> read_technique(const TomlTable& t, std::string_view key,
                                     const std::vector<std::string>& known, bool allow_none) {
  auto id = t.string(key);
  if (!id) return id;
  if (allow_none && *id == "none") return std::string{};
  if (std::find(known.begin(), known.end(), *id) != known.end()) return id;
  std::vector<std::string> valid = known;
  if (allow_none) valid.insert(valid.begin(), "none");
  return std::unexpected(t.error_at(key, "unknown technique '" + *id + "'; expected one of: " + join(valid)));
}

Expected<std::vector<std::string>> read_areas(const TomlTable& t, std::string_view key) {
  if (!t.has(key)) return std::vector<std::string>{};
  auto ids = t.strings(key);
  if (!ids) return ids;
  for (const auto& id : *ids) {
    if (!anatomy::area_index(id))
      return std::unexpected(t.error_at(key, "unknown area '" + id + "'; expected one of: " +
                                                 join(to_strings(anatomy::kAreaIds))));
  }
  return ids;
}

Expected<Staging> read_staging(const TomlTable& t, const std::vector<std::string>& technique_ids, bool allow_none) {
  Staging s;
  if (t.has("technique")) {
    auto tech = read_technique(t, "technique", technique_ids, allow_none);
    if (!tech) return std::unexpected(tech.error());
    s.technique = *tech;
  }
  auto areas = read_areas(t, "areas");
  if (!areas) return std::unexpected(areas.error());
  s.areas = *areas;
  auto layers = read_layers(t, "layers");
  if (!layers) return std::unexpected(layers.error());
  s.layers = *layers;
  auto opacity = t.number_or("skin_opacity", 1.0, 0.0, 1.0);
  if (!opacity) return std::unexpected(opacity.error());
  s.skin_opacity = static_cast<float>(*opacity);
  return s;
}

Expected<Layers> read_layers(const TomlTable& t, std::string_view key) {
  if (!t.has(key)) return Layers{};
  auto names = t.strings(key);
  if (!names) return std::unexpected(names.error());
  Layers l{false, false, false, false};
  for (const auto& n : *names) {
    if (n == "skin") l.skin = true;
    else if (n == "muscles") l.muscles = true;
    else if (n == "bones") l.bones = true;
    else if (n == "veins") l.veins = true;
    else
      return std::unexpected(t.error_at(key, "unknown layer '" + n + "'; expected some of: " +
                                                 join(to_strings(kLayerIds))));
  }
  return l;
}

Expected<std::string> read_view(const TomlTable& t, std::string_view key) {
  return t.one_of(key, to_strings(kViewIds));
}

Expected<CameraPath> read_camera_path(const TomlTable& t, std::string_view key, double duration_s) {
  CameraPath path;
  if (!t.has(key)) {
    path.keys.push_back({"front", view_angles("front"), 0.0});
    return path;
  }
  const toml::array* arr = t.raw().get(key)->as_array();
  if (!arr || arr->empty())
    return std::unexpected(t.error_at(key, "expected a list of views (\"back\") or keys ({ view = \"back\" } or { yaw = 30, pitch = 10 })"));
  // Each entry is a view name or a key table; the two may be mixed.
  std::vector<bool> has_time;
  const std::string where = t.qualified(key);
  std::size_t index = 0;
  for (const auto& item : *arr) {
    const std::string item_key = where + "[" + std::to_string(index++) + "]";
    if (auto v = item.value<std::string>()) {
      if (std::find(kViewIds.begin(), kViewIds.end(), *v) == kViewIds.end()) {
        const auto& src = item.source().begin;
        return fail("unknown view '" + *v + "'; expected one of: " + join(to_strings(kViewIds)), t.file(),
                    static_cast<int>(src.line), static_cast<int>(src.column), where);
      }
      path.keys.push_back({*v, view_angles(*v), 0.0});
      has_time.push_back(false);
      continue;
    }
    const toml::table* table = item.as_table();
    if (!table) {
      const auto& src = item.source().begin;
      return fail("expected a view name or a { view = ... } / { yaw = ..., pitch = ... } table", t.file(),
                  static_cast<int>(src.line), static_cast<int>(src.column), item_key);
    }
    const TomlTable k(*table, t.file(), item_key);
    if (auto ok = k.only_keys({"view", "yaw", "pitch", "at"}); !ok) return std::unexpected(ok.error());
    CameraKey ck;
    if (k.has("view")) {
      if (k.has("yaw") || k.has("pitch"))
        return std::unexpected(k.error_at(k.has("yaw") ? "yaw" : "pitch", "give either a view or yaw/pitch, not both"));
      auto v = read_view(k, "view");
      if (!v) return std::unexpected(v.error());
      ck.view = *v;
      ck.angles = view_angles(*v);
    } else {
      auto yaw = k.number("yaw", -360.0, 360.0);
      if (!yaw) return std::unexpected(yaw.error());
      auto pitch = k.number_or("pitch", 5.0, -60.0, 85.0);
      if (!pitch) return std::unexpected(pitch.error());
      ck.angles = {static_cast<float>(*yaw), static_cast<float>(*pitch)};
    }
    has_time.push_back(k.has("at"));
    if (k.has("at")) {
      auto at = k.number("at", 0.0, duration_s);
      if (!at) return std::unexpected(at.error());
      ck.at_s = *at;
    }
    path.keys.push_back(ck);
  }
  spread_keys(path.keys, has_time, duration_s);
  return path;
}

Expected<std::string> read_text_key(const TomlTable& t, std::string_view key, const Locale* locale) {
  auto k = t.string(key);
  if (!k) return k;
  if (k->empty()) return std::unexpected(t.error_at(key, "is empty; expected a text key such as \"kiosk.disclaimer\""));
  if (locale && !locale->has(*k))
    return std::unexpected(t.error_at(key, "no text for '" + *k + "' in locale '" + locale->id() +
                                               "' (" + locale->file() + "); expected a key that the locale defines"));
  return k;
}

}  // namespace effleura::lesson::detail
