#pragma once
// The leg as data (content/anatomy/*.toml), read into shapes the forge can sample. All
// coordinates are written for a reference stature and scaled uniformly to the one asked for.
#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <glm/vec3.hpp>

#include "core/error.hpp"
#include "forge/shape.hpp"

namespace effleura::forge {

// A bone, muscle, tendon or band: one named mesh in the output.
struct Body {
  std::string mesh_name;  // "bone.femur", "muscle.soleus", "tendon.achilles", "band.it"
  std::string id;
  std::string name;       // the name a student reads
  std::string origin;     // landmark ids (muscles); empty for bones
  std::string insertion;
  // Where a tendon turns round a bony pulley (the fibulares behind the lateral malleolus): the
  // belly pulls toward this landmark, not straight at the insertion. Empty when none.
  std::string via;
  Shape shape;
  // Muscles: what the skin wraps, where it differs from the drawn belly. The skin was fitted
  // to the girths and the hands' contact tests to that skin, so a belly can be reshaped after
  // an atlas (a flat, broad gastrocnemius head) while the envelope keeps the old outline.
  // Empty: the skin wraps `shape`.
  std::optional<Shape> envelope;
  bool moves_with_foot = false;  // foot bones turn rigidly with the foot at the ankle
  bool in_skin = true;           // part of the body the skin wraps
  // Muscles: the fractions of the origin-to-insertion line that are tendon (or aponeurosis)
  // at each end; a tendon or band is tendon throughout.
  float tendon_origin = 0.0f;
  float tendon_insertion = 0.0f;
  std::size_t triangles = 1500;  // simplification target
};

// Soft-tissue thickness over the muscles at a height: either given, or solved so that the
// skin's girth at that height equals `circumference`.
struct SkinLevel {
  float y = 0.0f;
  float thickness = 0.005f;
  float blend = -1.0f;  // skin blend at this height; < 0: the [skin] default
  std::optional<float> circumference;
  std::string source;  // where the target comes from, for docs and messages
};

struct SkinSpec {
  float blend = 0.02f;          // how far muscles and bones melt together under the skin
  float voxel = 0.003f;         // meshing resolution
  std::size_t triangles = 40000;
  std::vector<SkinLevel> levels;  // sorted by y
  std::vector<Shape> pads;        // fat pads: shape the skin, have no mesh of their own
  float top_y = 1.02f;            // the cut across the top of the model
  float midline_x = -0.085f;      // the body's midline: the medial cut above the crotch
  float crotch_y = 0.83f;
  float cut_round = 0.01f;        // rounding of the cut edges
  float ankle_full_below = 0.055f;  // skin below moves fully with the foot
  float ankle_none_above = 0.115f;  // skin above stays with the leg
};

struct Landmark {
  std::string id;
  glm::vec3 p{0.0f};
};

struct Description {
  float reference_stature = 1.75f;
  float stature = 1.75f;
  std::vector<Landmark> landmarks;  // in file order
  glm::vec3 hip{0.0f}, knee{0.0f}, ankle{0.0f};
  float body_voxel = 0.0025f;      // meshing resolution of muscles and bones
  std::vector<Body> bones;
  std::vector<Body> muscles;
  SkinSpec skin;

  [[nodiscard]] const Landmark* landmark(const std::string& id) const;
};

// Reads leg.toml, bones.toml, muscles.toml and skin.toml from `dir`.
Expected<Description> load_description(const std::filesystem::path& dir);
// Uniform scale of every length to `stature` (metres).
void scale_to_stature(Description& d, float stature);

}  // namespace effleura::forge
