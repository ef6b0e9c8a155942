#pragma once
// assets/client.glb: the client around the massaged leg (body, arms, the other leg, drapes) and
// the massage table with its supports, meshed from forge/client_shapes (the other leg from
// content/anatomy, forge/client_other_leg.hpp). Deterministic: the
// same code gives the same bytes on every run. Which part is drawn in which frame and posture
// is anatomy/client_pose.hpp's and the renderer's business; the names say what each part is.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "forge/gltf_writer.hpp"

namespace effleura::forge {

struct ClientForgeOptions {
  // Holds anatomy/: the other leg is the massaged leg's skin, mirrored (client_other_leg.hpp).
  std::filesystem::path content_dir = "content";
  // Multiplies every voxel size and divides triangle targets: tests use a coarse, fast client.
  float coarseness = 1.0f;
  std::function<void(std::string_view)> progress;  // one line per part; may be empty
};

struct ForgedClient {
  std::vector<OutMesh> meshes;
  std::size_t triangles = 0;
};

Expected<ForgedClient> forge_client(const ClientForgeOptions& options);
// forge_client then write_glb.
Expected<std::vector<std::uint8_t>> forge_client_glb(const ClientForgeOptions& options, std::size_t* triangles = nullptr);

}  // namespace effleura::forge
