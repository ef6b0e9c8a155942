#pragma once
// Checks a model file's bytes before Assimp sees them. Assimp trusts the counts and lengths a
// file claims: a glb whose JSON chunk claims 4 GB gets 4 GB, JSON or node trees nested
// thousands deep overflow its stack, a skin with fewer inverse bind matrices than joints is
// read past its end, and an OFF header claiming a billion vertices allocates them. Each of those
// is refused here with one line naming the file and the limit.
#include <cstdint>
#include <filesystem>
#include <span>

#include "core/error.hpp"

namespace effleura::anatomy {

struct ModelLimits {
  std::size_t json_depth = 64;      // glTF needs about 8 levels
  std::size_t json_bytes = std::size_t{64} << 20;
  std::size_t node_depth = 128;     // a skeleton is a few dozen joints deep
  std::size_t nodes = 65536;
  std::size_t joints = 1024;        // per skin; Effleura draws at most 255
  std::size_t primitives = 16384;   // mesh parts in one file (each is a draw call)
  std::uint64_t vertices = 20'000'000;
};

// bytes: the whole file. Checks glb/glTF structure and OFF/PLY headers; other formats pass.
Expected<void> check_model_bytes(std::span<const std::uint8_t> bytes,
                                 const std::filesystem::path& path,
                                 const ModelLimits& limits = {});

}  // namespace effleura::anatomy
