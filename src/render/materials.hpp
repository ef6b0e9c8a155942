#pragma once
// The renderer's model programs (shaders/model.*): one per material, at the index of its SHADING
// (0 skin, 1 muscle, 2 bone, 3 vein), and the skin's once more without the hands' tissue.
#include <array>
#include <cstddef>

#include "render/shader_program.hpp"

namespace effleura::render {

// The skin built with NO_TISSUE: no dents, rims, folds nor hand shadows. On llvmpipe the vertex
// shader runs on the main thread and every line of it runs for every vertex, branch or not: the
// tissue's lines cost the leg's skin ~2.5 ms of a frame with no hand near it. It draws every
// skin-coloured mesh that no hand, dent or hand shadow reaches this frame
// (render/vertex_reach.hpp tissue_reaches): the same picture without running them.
inline constexpr std::size_t kPlainSkin = 4;
using Materials = std::array<ShaderProgram, 5>;

}  // namespace effleura::render
