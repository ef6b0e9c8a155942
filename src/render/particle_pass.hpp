#pragma once
// Draws the flow model's particles as round sprites coloured by speed (shaders/particles.*).
#include <vector>

#include <glm/mat4x4.hpp>

#include "core/error.hpp"
#include "flow/particles.hpp"
#include "render/shader_program.hpp"

namespace effleura::render {

// Speed at the top of the colour scale; faster particles share the top colour. 20 cm/s covers
// resting and massage-driven flow in the deep veins (physiology.md: femoral ~26 cm/s peak
// supine, popliteal ~11 cm/s), so walking-speed surges saturate.
inline constexpr float kParticleSpeedScale = 0.20f;

class ParticlePass {
 public:
  static Expected<ParticlePass> create();
  ParticlePass(ParticlePass&& other) noexcept;
  ParticlePass& operator=(ParticlePass&&) = delete;
  ParticlePass(const ParticlePass&) = delete;
  ~ParticlePass();

  void draw(const std::vector<flow::ParticleVertex>& particles, const glm::mat4& view_proj, float point_px);

 private:
  ParticlePass() = default;
  ShaderProgram program_;
  unsigned vao_ = 0, vbo_ = 0;
};

}  // namespace effleura::render
