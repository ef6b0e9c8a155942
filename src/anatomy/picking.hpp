#pragma once
// What lies under a ray: the first skin hit (and the area it belongs to) and the first
// muscle hit, even when the muscle is beneath the skin, so hovering can name both. Also the
// weighted centre of each area, where labels anchor. No GL: the window builds the ray.
#include <array>
#include <optional>
#include <string>

#include <glm/vec3.hpp>

#include "anatomy/model.hpp"

namespace effleura::anatomy {

struct Ray {
  glm::vec3 origin{0.0f};
  glm::vec3 direction{0.0f, 0.0f, -1.0f};  // need not be unit length
};

struct Hit {
  std::size_t mesh = 0;
  float distance = 0.0f;  // in units of the ray's direction length
  glm::vec3 point{0.0f};
  std::optional<std::size_t> area;  // the area with the largest weight there (>= 0.3), if any
};

struct PickResult {
  std::optional<Hit> skin;
  std::optional<Hit> muscle;  // first muscle (or tendon/band) along the ray
  std::optional<Hit> bone;
  std::optional<Hit> vein;
  std::optional<Hit> artery;
  std::optional<Hit> nerve;
  std::optional<Hit> nearest; // nearest hit of any mesh
};

PickResult pick(const Model& model, const Ray& ray);

// The layers drawn, which are the layers hovering may name.
struct ShownLayers {
  bool muscles = true;
  bool bones = true;
  bool veins = true;
  bool arteries = true;
  bool nerves = true;
};

// What a student reads when hovering: a palpable landmark the ray passes within 2 cm of (and
// not behind a bone surface), else the nearest shown muscle, tendon, bone, vein, artery or
// nerve under the pointer (beneath the skin too), by the name the forge gave it. Empty when
// there is none (the caller may fall back to the nearest mesh of any kind).
std::string structure_name(const Model& model, const Ray& ray, const PickResult& hit, const ShownLayers& shown);

// The name a mesh is read by: its label when the file gave one, else display_name.
std::string mesh_title(const Mesh& mesh);

// Weighted centre of each area over the skin's vertices; nullopt for an area no vertex has.
std::array<std::optional<glm::vec3>, kAreaCount> area_centres(const Model& model);

struct AreaAnchor {
  glm::vec3 point{0.0f};
  bool faces_viewer = true;
};

// Where a label for an area should point from a viewpoint: the strongly weighted skin vertex
// of the area nearest the eye, so the leader line lands on the part of the area one can see.
// Areas that wrap round the leg (ankles) would have their mean inside the leg; this does not.
std::optional<AreaAnchor> area_anchor(const Model& model, std::size_t area, const glm::vec3& eye);

// "muscle.gastrocnemius-medial" -> "gastrocnemius medial"; other names unchanged but for dashes.
std::string display_name(const std::string& mesh_name);

}  // namespace effleura::anatomy
