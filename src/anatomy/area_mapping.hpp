#pragma once
// Lets any model (--model FILE) light up our nine areas: a small TOML file maps the model's
// mesh names to area ids, e.g.
//   [meshes]
//   "Calf_R" = "calves"
//   "Thigh_R" = ["thighs", "hamstrings"]
// Applying it gives every vertex of a mapped mesh full weight in the listed areas.
#include <array>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "anatomy/areas.hpp"
#include "anatomy/model.hpp"
#include "core/error.hpp"

namespace effleura::anatomy {

struct AreaMappingEntry {
  std::string mesh;                    // mesh name in the foreign model
  std::array<bool, kAreaCount> areas{};  // which areas it belongs to
  int line = 0, column = 0;            // where the entry is, for errors found when applying
};

struct AreaMapping {
  std::string file;
  std::vector<AreaMappingEntry> entries;  // in key order (toml++ keeps keys sorted)
};

Expected<AreaMapping> load_area_mapping(const std::filesystem::path& path);
Expected<AreaMapping> parse_area_mapping(std::string_view text, const std::string& source_name);

// Sets the area weights of every mapped mesh. Fails, changing nothing, if the mapping names a
// mesh the model does not have (the error names the mesh, the mapping file and its line).
Expected<void> apply_area_mapping(const AreaMapping& mapping, Model& model);

}  // namespace effleura::anatomy
