#pragma once
// content/areas.toml: what the program says about each of the nine target areas (name,
// description, muscles, suitable pressure, cautions) and where each lies on the leg (a soft
// region: a height band times an angular sector around the leg's centreline, or the diamond
// inscribed in them).
#include <array>
#include <filesystem>
#include <string>
#include <vector>

#include <glm/vec3.hpp>

#include "anatomy/areas.hpp"
#include "core/error.hpp"

namespace effleura::anatomy {

enum class Pressure { light, medium, firm };

// The outline of a region inside its height band and sector.
enum class RegionShape {
  box,      // the whole band x sector: weight = along-band x sector
  diamond,  // the rhombus inscribed in it, corners at the middle of each side (the popliteal
            // fossa between the hamstring tendons above and the gastrocnemius heads below)
};

// Where an area lies, in metres at the file's reference stature. Each edge is a smoothstep,
// so areas fade into their neighbours.
struct AreaRegion {
  RegionShape shape = RegionShape::box;
  float along_min = 0.0f, along_max = 0.0f;  // height band (m)
  float falloff_along = 0.02f;                // width of the soft edge (m); a diamond's edges all use it
  float around_min = 0.0f, around_max = 360.0f;  // degrees from anterior toward lateral; may wrap past 360
  float falloff_around = 20.0f;                 // degrees (box only)
  [[nodiscard]] bool full_circle() const { return around_max - around_min >= 360.0f; }
};

struct AreaInfo {
  std::string id;           // one of kAreaIds
  std::string name;         // shown to students
  std::string description;  // our own words
  std::vector<std::string> muscles;  // muscle ids (content/anatomy/muscles.toml)
  int muscles_line = 0, muscles_column = 0;  // where the list is, for cross-file errors
  Pressure pressure = Pressure::light;
  float pressure_mmhg_min = 0.0f, pressure_mmhg_max = 0.0f;  // an estimate; see the file
  std::vector<std::string> cautions;
  AreaRegion region;
};

struct AreaContent {
  std::string file;
  float reference_stature = 1.75f;
  // The line around which `around` angles are measured, lowest point first (x, y, z).
  std::vector<glm::vec3> centreline;
  std::array<AreaInfo, kAreaCount> areas;  // in kAreaIds order, whatever the file's order

  // Soft weight (0..1) of `area` at a point of a leg of `stature` metres.
  [[nodiscard]] float weight(std::size_t area, const glm::vec3& p, float stature) const;
  // The centreline point at height y (reference stature), clamped to its ends.
  [[nodiscard]] glm::vec3 centre_at(float y) const;
};

std::string_view pressure_name(Pressure p);

// Reads and checks the file: all nine areas exactly once, known keys only, sensible ranges;
// errors name file:line:column and the key.
Expected<AreaContent> load_area_content(const std::filesystem::path& path);
Expected<AreaContent> parse_area_content(std::string_view text, const std::string& source_name);

}  // namespace effleura::anatomy
