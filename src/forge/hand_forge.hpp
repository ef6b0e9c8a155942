#pragma once
// assets/hands.glb: a right and a left hand modelled as signed-distance fields around the
// skeleton of technique/hand_rig.hpp at its bind pose, meshed, simplified, and skinned to
// that skeleton (a joint per part: palm, three per finger). Deterministic: the same code gives
// the same bytes on every run.
#include <cstdint>
#include <functional>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "forge/skinned_glb.hpp"

namespace effleura::forge {

struct HandForgeOptions {
  // Multiplies the voxel size and divides the triangle target: tests use a coarse, fast hand.
  float coarseness = 1.0f;
  std::function<void(std::string_view)> progress;  // one line per long step; may be empty
};

struct ForgedHands {
  // "hand.left", "hand.right", then the forearms and sleeves (forearm_forge.hpp).
  std::vector<SkinnedOutMesh> meshes;
  std::size_t triangles = 0;
};

Expected<ForgedHands> forge_hands(const HandForgeOptions& options);
// forge_hands then write_skinned_glb.
Expected<std::vector<std::uint8_t>> forge_hands_glb(const HandForgeOptions& options, std::size_t* triangles = nullptr);

}  // namespace effleura::forge
