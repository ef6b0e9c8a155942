#pragma once
// description -> signed-distance fields -> meshes -> glb bytes. Deterministic: the same
// content and options give the same bytes on every run.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "forge/gltf_writer.hpp"

namespace effleura::forge {

struct ForgeOptions {
  std::filesystem::path content_dir = "content";  // holds anatomy/ and areas.toml
  float stature = 1.75f;                           // metres
  // Multiplies every voxel size and divides triangle targets: tests use a coarse, fast leg.
  float coarseness = 1.0f;
  std::function<void(std::string_view)> progress;  // one line per long step; may be empty
};

struct ForgeReport {
  struct Girth {
    float y = 0.0f;           // height (m)
    float target = 0.0f;      // circumference asked for (m)
    float reached = 0.0f;     // circumference of the analytic skin there (m)
    float thickness = 0.0f;   // soft-tissue thickness solved (m)
  };
  std::vector<Girth> girths;
  std::size_t triangles = 0;
};

struct ForgedLeg {
  std::vector<OutMesh> meshes;
  std::vector<OutPoint> landmarks;  // the palpable landmarks, named (landmarks.toml)
  ForgeReport report;
};

Expected<ForgedLeg> forge_leg(const ForgeOptions& options);
// forge_leg then write_glb.
Expected<std::vector<std::uint8_t>> forge_leg_glb(const ForgeOptions& options, ForgeReport* report = nullptr);

}  // namespace effleura::forge
