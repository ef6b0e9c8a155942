#pragma once
// Hands the soft tissue (technique/tissue.hpp) to a shader program that moves vertices with it
// (shaders/model.vert, particles.vert): uDent[3] centre and radius, uDentDepth[3], uDentAxis[3].
#include "technique/tissue.hpp"

namespace effleura::render {

// Sets the uniforms on `program` (a GL program id), which must be in use.
void set_tissue_uniforms(unsigned program, const technique::TissueShape& tissue);

}  // namespace effleura::render
