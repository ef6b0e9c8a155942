#pragma once
// How strictly a student's stroke is graded: the [practice] table at the end of a technique's
// file (content/techniques/*.toml), so an instructor can tighten or relax it. Every key is
// optional; where the file says nothing the defaults below apply (they are what the grading
// used before the rules moved into content). Also the spots a stroke must not press into:
// bony landmarks the anatomy already names, and a marked varicose vein. No GL.
#include <array>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <glm/vec3.hpp>

#include "core/error.hpp"

namespace effleura::anatomy {
struct Landmark;
struct VeinNetwork;
}  // namespace effleura::anatomy

namespace effleura::practice {

// An area's own pressure band for this technique, overriding content/areas.toml's.
struct AreaBand {
  std::size_t area = 0;  // anatomy::kAreaIds index
  float lo_mmhg = 0.0f, hi_mmhg = 0.0f;
};

// What an `avoid` entry may name: the palpable bony landmarks of content/anatomy/landmarks.toml,
// and "varicose" (any superficial vein set incompetent in the session).
inline constexpr std::array<std::string_view, 11> kAvoidIds{
    "medial-malleolus", "lateral-malleolus", "fibular-head", "patella", "tibial-tuberosity",
    "greater-trochanter", "ischial-tuberosity", "iliac-crest", "asis", "psis", "varicose"};

struct Rules {
  std::optional<std::string> direction;   // overrides the technique's ("any": not graded)
  std::optional<float> tempo;             // strokes a minute, overrides the technique's
  float on_area = 0.75f;                  // share of the pressing stroke on the technique's areas
  float pressure_low = 0.35f;             // of the technique's pressure_mmhg: too light below
  float pressure_high = 1.5f;             //   too hard above
  float speed_low = 0.5f;                 // of the demonstration's glide speed
  float speed_high = 2.0f;
  float rhythm = 0.35f;                   // off the tempo's cycle, as a share of it
  float area_margin = 0.1f;               // over an area's top pressure before it counts
  std::vector<AreaBand> area_pressure;
  std::vector<std::string> avoid;         // kAvoidIds
  float avoid_mmhg = 20.0f;               // the most a hand may press over a spot to avoid
  float avoid_radius_m = 0.025f;
  bool from_content = false;              // the file had a [practice] table
};

// read_rules (a parsed [practice] table) is in practice/rules_reader.hpp.
// Parses the technique file and reads its [practice] table; errors carry file:line:column.
Expected<Rules> load_rules(const std::filesystem::path& technique_file);

// A spot a stroke must not press into, in the leg's frame.
struct Spot {
  std::string name;      // what the student reads: "the kneecap (patella)"
  glm::vec3 position{0.0f};
  bool vein = false;     // a varicose vein (its own coaching line)
  std::string id;        // the landmark's English name, or the vein's id (to name it in another language)
};

// content/anatomy/landmarks.toml: landmark id -> the name the model's landmarks carry.
struct LandmarkName {
  std::string id, name;
};
Expected<std::vector<LandmarkName>> load_landmark_names(const std::filesystem::path& file);

// The spots the rules name: the model's landmarks by id (through `names`), and for "varicose"
// points every ~3 cm along each superficial vein in `varicose_veins` (ids of `network`).
std::vector<Spot> avoid_spots(const Rules& rules, std::span<const LandmarkName> names,
                              std::span<const anatomy::Landmark> landmarks, const anatomy::VeinNetwork* network,
                              std::span<const std::string> varicose_veins);

}  // namespace effleura::practice
