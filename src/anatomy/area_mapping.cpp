#include "anatomy/area_mapping.hpp"

#include "core/toml_reader.hpp"

namespace effleura::anatomy {
namespace {

std::string area_list() {
  std::string s;
  for (std::size_t i = 0; i < kAreaCount; ++i) s += (i ? ", " : "") + std::string(kAreaIds[i]);
  return s;
}

Expected<AreaMapping> read_mapping(const toml::table& table, const std::string& file) {
  const TomlTable root(table, file);
  if (auto k = root.only_keys({"meshes"}); !k) return std::unexpected(k.error());
  auto meshes = root.table("meshes");
  if (!meshes) return std::unexpected(meshes.error());
  AreaMapping out;
  out.file = file;
  for (const auto& [key, node] : meshes->raw()) {
    AreaMappingEntry e;
    e.mesh = std::string(key.str());
    e.line = static_cast<int>(node.source().begin.line);
    e.column = static_cast<int>(node.source().begin.column);
    std::vector<std::pair<std::string, const toml::node*>> ids;
    if (auto s = node.value<std::string>()) {
      ids.emplace_back(*s, &node);
    } else if (const toml::array* arr = node.as_array(); arr && !arr->empty()) {
      for (const auto& item : *arr) {
        auto s2 = item.value<std::string>();
        if (!s2) return fail("expected an area id (a string) in the list", file,
                             static_cast<int>(item.source().begin.line),
                             static_cast<int>(item.source().begin.column), "meshes." + e.mesh);
        ids.emplace_back(*s2, &item);
      }
    } else {
      return fail("expected an area id or a non-empty list of area ids (" + area_list() + ")", file,
                  e.line, e.column, "meshes." + e.mesh);
    }
    for (const auto& [id, where] : ids) {
      auto index = area_index(id);
      if (!index)
        return fail("unknown area \"" + id + "\"; expected one of " + area_list(), file,
                    static_cast<int>(where->source().begin.line),
                    static_cast<int>(where->source().begin.column), "meshes." + e.mesh);
      e.areas[*index] = true;
    }
    out.entries.push_back(std::move(e));
  }
  if (out.entries.empty())
    return std::unexpected(root.error_at("meshes", "maps no meshes; add lines such as \"Calf\" = \"calves\""));
  return out;
}

}  // namespace

Expected<AreaMapping> parse_area_mapping(std::string_view text, const std::string& source_name) {
  auto parsed = parse_toml_string(text, source_name);
  if (!parsed) return std::unexpected(parsed.error());
  return read_mapping(*parsed, source_name);
}

Expected<AreaMapping> load_area_mapping(const std::filesystem::path& path) {
  auto parsed = parse_toml_file(path);
  if (!parsed) return std::unexpected(parsed.error());
  return read_mapping(*parsed, path.string());
}

Expected<void> apply_area_mapping(const AreaMapping& mapping, Model& model) {
  // Check every name first so a bad mapping leaves the model untouched.
  for (const auto& e : mapping.entries) {
    if (!model.find(e.mesh)) {
      std::string known;
      for (const auto& m : model.meshes) known += (known.empty() ? "" : ", ") + m.name;
      return fail("the model " + model.source + " has no mesh named \"" + e.mesh +
                      "\" (its meshes: " + known + ")",
                  mapping.file, e.line, e.column, "meshes." + e.mesh);
    }
  }
  for (const auto& e : mapping.entries)
    for (auto& m : model.meshes) {
      if (m.name != e.mesh) continue;
      std::array<float, kAreaCount> w{};
      for (std::size_t a = 0; a < kAreaCount; ++a) w[a] = e.areas[a] ? 1.0f : 0.0f;
      m.area_weights.assign(m.positions.size(), w);
    }
  return {};
}

}  // namespace effleura::anatomy
