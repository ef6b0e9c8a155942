#pragma once
// The parts of the description that are not bodies the skin wraps: the landmarks a therapist
// palpates (content/anatomy/landmarks.toml, named points written into the glb so hovering can
// name them) and the arteries and nerves (arteries.toml, nerves.toml, drawn as tubes like the
// veins). Each file is optional: a content folder without it forges a leg without them.
#include <filesystem>
#include <string>
#include <vector>

#include "anatomy/vein_network.hpp"
#include "core/error.hpp"
#include "forge/description.hpp"

namespace effleura::forge {

struct NamedPoint {
  std::string name;  // what a student reads, e.g. "Anterior superior iliac spine (ASIS)"
  std::string at;    // the landmark id in leg.toml
  glm::vec3 p{0.0f};
};

// One artery or nerve: a centre line with a radius per point, at the reference stature.
// Reuses anatomy::Vein for the geometry only (id, name, points, radii_m), so the vein tube
// builder draws it; nothing of the flow model applies.
struct Vessel {
  std::string mesh_name;  // "artery.<id>" or "nerve.<id>"
  anatomy::Vein line;
};

// landmarks.toml: [[landmark]] at = "<leg.toml id>", name = "...". Positions come from `d`
// (call after scale_to_stature to get them at the forged stature).
Expected<std::vector<NamedPoint>> load_palpable(const std::filesystem::path& file, const Description& d);

// arteries.toml ([[artery]]) or nerves.toml ([[nerve]]): id, name, points = [[x, y, z, r], ...].
// `kind` is "artery" or "nerve".
Expected<std::vector<Vessel>> load_vessels(const std::filesystem::path& file, const std::string& kind);

}  // namespace effleura::forge
