#pragma once
// Shared helpers for the technique tests: the real content, and skin meshes built in the test
// so the mesh surface can be checked before (and besides) assets/leg.glb.
#include "../support/test_paths.hpp"
#include <algorithm>
#include <cmath>
#include <filesystem>
#include <functional>
#include <numbers>
#include <optional>
#include <string>

#include <doctest/doctest.h>
#include <glm/geometric.hpp>
#include <glm/mat3x3.hpp>
#include <glm/mat4x4.hpp>
#include <glm/matrix.hpp>

#include "anatomy/leg_surface.hpp"
#include "anatomy/model.hpp"
#include "anatomy/model_loader.hpp"
#include "technique/pose.hpp"
#include "technique/technique_loader.hpp"
#include "technique/timeline.hpp"

namespace effleura::test {

inline std::filesystem::path source_dir() { return EFFLEURA_SOURCE_DIR; }
inline std::filesystem::path content_dir() { return source_dir() / "content"; }

inline const technique::PoseLibrary& real_poses() {
  static const technique::PoseLibrary poses = [] {
    auto p = technique::load_poses(content_dir() / "poses.toml");
    if (!p) FAIL(p.error().describe());
    return *p;
  }();
  return poses;
}

inline const technique::TechniqueLibrary& real_library() {
  static const technique::TechniqueLibrary lib = [] {
    auto l = technique::load_techniques(content_dir() / "techniques", real_poses());
    if (!l) FAIL(l.error().describe());
    return *l;
  }();
  return lib;
}

// assets/leg.glb and the mesh surface built from it, loaded once; null when the file is absent.
struct LegAsset {
  anatomy::Model model;
  std::optional<anatomy::MeshLegSurface> surface;
  std::string error;
};
inline const LegAsset* leg_asset() {
  static const std::optional<LegAsset> asset = []() -> std::optional<LegAsset> {
    const auto path = source_dir() / "assets" / "leg.glb";
    if (!std::filesystem::exists(path)) return std::nullopt;
    LegAsset a;
    auto m = anatomy::load_model(path);
    if (!m) {
      a.error = m.error().describe();
      return a;
    }
    a.model = std::move(*m);
    auto s = anatomy::MeshLegSurface::build(a.model);
    if (!s)
      a.error = s.error().describe();
    else
      a.surface.emplace(std::move(*s));
    return a;
  }();
  return asset ? &*asset : nullptr;
}

// The shipped leg's mesh surface: the calling test stops (REQUIRE) where assets/leg.glb is
// missing or does not build a surface, naming why.
inline const anatomy::LegSurface& shipped_surface() {
  const LegAsset* leg = leg_asset();
  REQUIRE_MESSAGE(leg != nullptr, "assets/leg.glb is part of the repository");
  REQUIRE_MESSAGE(leg->surface.has_value(), leg->error);
  return *leg->surface;
}

// A shipped technique (content/techniques/ID.toml); the calling test stops where there is none.
inline const technique::Technique& shipped_technique(const std::string& id) {
  const technique::Technique* t = real_library().find(id);
  REQUIRE_MESSAGE(t != nullptr, id);
  return *t;
}

// A shipped technique's timeline on the shipped leg, with the shipped poses, as the app plays it.
inline technique::Timeline shipped_timeline(const std::string& id) {
  return technique::Timeline(shipped_technique(id), real_poses(), shipped_surface());
}

// A closed skin mesh of a radius field r(y, angle) around the leg axis, from y0 to y1, with
// caps; `rings` x `segments` quads.
inline anatomy::Model tube_model(const std::function<float(float, float)>& radius, float y0, float y1,
                                 int rings, int segments) {
  anatomy::Model model;
  model.source = "test tube";
  anatomy::Mesh m;
  m.name = "skin";
  m.layer = anatomy::Layer::skin;
  const float two_pi = 2.0f * std::numbers::pi_v<float>;
  for (int i = 0; i <= rings; ++i) {
    const float y = y0 + (y1 - y0) * static_cast<float>(i) / static_cast<float>(rings);
    const glm::vec3 c = anatomy::LegSurface::axis(y);
    for (int j = 0; j < segments; ++j) {
      const float a = two_pi * static_cast<float>(j) / static_cast<float>(segments);
      const float r = radius(y, a);
      m.positions.push_back({c.x + r * std::sin(a), y, c.z + r * std::cos(a)});
      m.normals.push_back({std::sin(a), 0.0f, std::cos(a)});
    }
  }
  auto idx = [&](int i, int j) { return static_cast<std::uint32_t>(i * segments + (j % segments)); };
  for (int i = 0; i < rings; ++i)
    for (int j = 0; j < segments; ++j) {
      m.indices.insert(m.indices.end(), {idx(i, j), idx(i + 1, j), idx(i, j + 1)});
      m.indices.insert(m.indices.end(), {idx(i, j + 1), idx(i + 1, j), idx(i + 1, j + 1)});
    }
  model.meshes.push_back(std::move(m));
  return model;
}

// The angle (radians) of the turn from palm frame a to palm frame b (their first three columns):
// the sitting tests count a hand's jumps with it.
inline float frame_turn(const glm::mat4& a, const glm::mat4& b) {
  const auto unit = [](const glm::mat4& m) {
    return glm::mat3(glm::normalize(glm::vec3(m[0])), glm::normalize(glm::vec3(m[1])), glm::normalize(glm::vec3(m[2])));
  };
  const glm::mat3 rel = glm::transpose(unit(a)) * unit(b);
  return std::acos(std::clamp(0.5f * (rel[0][0] + rel[1][1] + rel[2][2] - 1.0f), -1.0f, 1.0f));
}

}  // namespace effleura::test
